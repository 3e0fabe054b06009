import { ArgumentError } from '@tensorkit/core';
import { getBackend, type Tensor } from '@tensorkit/tensor';

/**
 * When losses check the *values* of their inputs (class indices in range, BCE probabilities in
 * [0, 1]). These checks need a synchronous read of the data, which is a copy on the CPU backend
 * but a pipeline stall on a GPU:
 * - `'auto'` (the default): `'always'` on the `cpu` backend, `'once'` on any other;
 * - `'always'`: every call checks;
 * - `'once'`: the first call of each loss checks, later calls do not (one sync read per loss,
 *   which catches the usual mistakes, such as labels 1..C or a missing sigmoid, at step one);
 * - `'never'`: no value checks (shape and option checks always run).
 *
 * @example
 * ```ts
 * setLossValueChecks('always'); // also check every batch on a GPU backend
 * ```
 */
export type LossValueChecks = 'auto' | 'always' | 'once' | 'never';

let mode: LossValueChecks = 'auto';
const checkedOnce = new Set<string>();

/**
 * Sets when losses check input values (see {@link LossValueChecks}); also resets `'once'`.
 *
 * @example
 * ```ts
 * setLossValueChecks('never'); // trusted data pipeline: skip the reads entirely
 * ```
 */
export function setLossValueChecks(checks: LossValueChecks): void {
  if (!['auto', 'always', 'once', 'never'].includes(checks)) {
    throw new ArgumentError('INVALID_ARGUMENT', `setLossValueChecks: unknown mode ${JSON.stringify(checks)}; use 'auto', 'always', 'once' or 'never'`);
  }
  mode = checks;
  checkedOnce.clear();
}

/** Whether this call of `loss` should read and check values. @internal */
export function shouldCheckValues(loss: string): boolean {
  const effective = mode === 'auto' ? (getBackend() === 'cpu' ? 'always' : 'once') : mode;
  if (effective !== 'once') return effective === 'always';
  if (checkedOnce.has(loss)) return false;
  checkedOnce.add(loss);
  return true;
}

/** The first value of `t` (read synchronously) failing `ok`, with its flat index. @internal */
export function firstBad(t: Tensor, ok: (v: number) => boolean): { index: number; value: number } | undefined {
  const data = t.dataSync();
  for (let i = 0; i < data.length; i++) {
    const v = Number(data[i]);
    if (!ok(v)) return { index: i, value: v };
  }
  return undefined;
}
