import { noGrad } from '@tensorkit/autograd';
import { concat, dispose, tidy, type Tensor } from '@tensorkit/tensor';
import type { Module } from '../module';
import type { Logs } from '../callbacks/callback';
import { compiledOf, type Compiled } from './compile';
import { batchBounds, rows, sampleCount } from './data';
import { checkOptions, positiveInt } from './options';
import { EpochTotals, readAll, totalLoss } from './step';

/**
 * Options of {@link evaluate} and {@link predict}.
 *
 * @example
 * ```ts
 * await model.evaluate(x, y, { batchSize: 256 });
 * ```
 */
export interface BatchOptions {
  /** Samples per forward pass (default 32). */
  batchSize?: number;
}

/** Runs `fn` in eval mode without recording, restoring the previous mode. */
function inEvalMode<T>(model: Module, fn: () => T): T {
  const was = model.training;
  model.eval();
  try {
    return noGrad(fn);
  } finally {
    model.train(was);
  }
}

/**
 * Loss and metrics of `model` over `(x, y)` in eval mode, accumulated in `totals` (reset first);
 * returns the `[loss, ...metrics]` tensor without reading it.
 */
export function evaluateTotals(model: Module, compiled: Compiled, x: Tensor, y: Tensor, batchSize: number, totals: EpochTotals): Tensor {
  totals.reset();
  return inEvalMode(model, () => {
    for (const [s, e] of batchBounds(x.shape[0]!, batchSize)) {
      tidy(() => {
        const xb = rows(x, s, e);
        const yb = rows(y, s, e);
        const pred = model.apply(xb);
        totals.add(totalLoss(model, compiled, yb, pred), yb, pred);
      });
    }
    return totals.results();
  });
}

function batchSizeOf(op: string, options: BatchOptions): number {
  checkOptions(op, options, ['batchSize']);
  return positiveInt(op, 'batchSize', options.batchSize ?? 32);
}

/**
 * The loss (with regularization penalties) and metrics of a compiled model over `(x, y)`, in
 * eval mode, batched, read back once. `model.evaluate(x, y)` calls this.
 *
 * @example
 * ```ts
 * const { loss, accuracy } = await evaluate(model, xTest, yTest, { batchSize: 128 });
 * ```
 */
export async function evaluate(model: Module, x: Tensor, y: Tensor, options: BatchOptions = {}): Promise<Logs> {
  const batchSize = batchSizeOf('evaluate', options);
  const compiled = compiledOf(model, 'evaluate');
  sampleCount('evaluate', x, y);
  const totals = new EpochTotals(compiled.metrics);
  try {
    const values = await readAll([evaluateTotals(model, compiled, x, y, batchSize, totals)]);
    const keys = ['loss', ...compiled.metrics.map((m) => m.name)];
    return Object.fromEntries(keys.map((k, i) => [k, values[i]!]));
  } finally {
    totals.reset();
  }
}

/**
 * The model's outputs for `x`, computed in eval mode in batches and concatenated. Needs no
 * compile. `model.predict(x)` calls this.
 *
 * @example
 * ```ts
 * const probs = await predict(model, xTest, { batchSize: 256 });
 * ```
 */
export async function predict(model: Module, x: Tensor, options: BatchOptions = {}): Promise<Tensor> {
  const batchSize = batchSizeOf('predict', options);
  const n = sampleCount('predict', x);
  return inEvalMode(model, () => {
    const outs = batchBounds(n, batchSize).map(([s, e]) => tidy(() => model.apply(rows(x, s, e))));
    if (outs.length === 1) return outs[0]!;
    const all = concat(outs, 0);
    dispose(outs);
    return all;
  });
}
