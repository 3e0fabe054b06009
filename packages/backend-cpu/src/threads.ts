import { ArgumentError } from '@tensorkit/core';

/** Validates `setCpuThreads`' argument (shared by the Node pool and its browser stand-in). */
export function assertThreadCount(threads: number): void {
  if (!Number.isInteger(threads) || threads < 1) {
    throw new ArgumentError('INVALID_ARGUMENT', `setCpuThreads: threads must be an integer >= 1, got ${String(threads)}`);
  }
}
