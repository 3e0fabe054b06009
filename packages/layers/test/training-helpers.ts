import '@tensorkit/backend-cpu/register';
import '@tensorkit/activations/register';
import '@tensorkit/losses/register';
import '@tensorkit/optim/register';
import '../src/register';
import { isTensorkitError, type ErrorCode } from '@tensorkit/core';
import { expect } from 'vitest';
import { randn, tensor, type Tensor } from '@tensorkit/tensor';
import { Callback, type Logs } from '../src/callbacks/callback';

/** Asserts that `fn` throws a tensorkit error with `code` whose message contains every `parts`. */
export function expectError(fn: () => unknown, code: ErrorCode, ...parts: string[]): void {
  let thrown: unknown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  expect(isTensorkitError(thrown, code), `expected ${code}, got ${String(thrown)}`).toBe(true);
  for (const p of parts) expect((thrown as Error).message).toContain(p);
}

/** The async form of {@link expectError}. */
export async function expectRejection(p: Promise<unknown>, code: ErrorCode, ...parts: string[]): Promise<void> {
  let thrown: unknown;
  try {
    await p;
  } catch (e) {
    thrown = e;
  }
  expect(isTensorkitError(thrown, code), `expected ${code}, got ${String(thrown)}`).toBe(true);
  for (const part of parts) expect((thrown as Error).message).toContain(part);
}

/** A linear regression problem y = x·[1, -2, 0.5] + 0.3 (+ a little noise). */
export function regressionData(n = 64, seed = 0): { x: Tensor; y: Tensor } {
  const x = randn([n, 3], { seed });
  const xs = x.dataSync();
  const noise = randn([n], { seed: seed + 1 }).dataSync();
  const y = Float32Array.from({ length: n }, (_, i) => xs[3 * i]! - 2 * xs[3 * i + 1]! + 0.5 * xs[3 * i + 2]! + 0.3 + 0.01 * noise[i]!);
  return { x, y: tensor(y, [n, 1]) };
}

/** Records the logs of every epoch end plus anything `probe` returns. */
export class Recorder extends Callback {
  readonly epochs: Logs[] = [];
  readonly probes: unknown[] = [];
  constructor(private readonly probe: () => unknown = () => undefined) {
    super();
  }
  override onEpochEnd(_epoch: number, logs: Logs): void {
    this.epochs.push({ ...logs });
    this.probes.push(this.probe());
  }
}
