/*
 * What the browser build (the package's `browser` export condition, see tsup.config.ts) has in
 * place of ./parallel.ts: browsers have no worker_threads, so every product stays on the calling
 * thread and the worker pool's code stays out of browser bundles. Same exports, same validation.
 */
import type { GemmScratch, MatrixView } from './gemm-kernel';
import { assertThreadCount } from './threads';

/**
 * Validates `threads` and otherwise does nothing: browsers have no worker threads.
 *
 * @example
 * ```ts
 * setCpuThreads(1);
 * ```
 */
export function setCpuThreads(threads: number): void {
  assertThreadCount(threads);
}

/**
 * Always 1 in browsers.
 *
 * @example
 * ```ts
 * getCpuThreads(); // 1
 * ```
 */
export function getCpuThreads(): number {
  return 1;
}

/** Never parallel in browsers: returns false, and the caller runs the product itself. */
export function parallelGemm(
  _m: number,
  _n: number,
  _k: number,
  _a: MatrixView,
  _b: MatrixView,
  _c: Float32Array,
  _cOffset: number,
  _ldc: number,
  _accumulate: boolean,
  _scratch: GemmScratch,
): boolean {
  return false;
}
