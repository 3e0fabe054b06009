import { ArgumentError, lookup, type RegisteredName } from '@tensorkit/core';
import { noGrad } from '@tensorkit/autograd';
import { dispose, type Tensor } from '@tensorkit/tensor';
import type { Module } from '../module';
import { Callback, type CallbackPlugin, type Logs, type TrainingContext } from '../callbacks/callback';
import { History } from '../callbacks/history';
import { ProgressBar } from '../callbacks/progress-bar';
import { compiledOf, type Compiled } from './compile';
import { batchBounds, permutation, pick, rows, sampleCount, seededRandom } from './data';
import { evaluateTotals } from './evaluate';
import { checkOptions, finiteNumber, positiveInt } from './options';
import { EpochTotals, readAll, trainStep } from './step';
import type { OptimizerLike } from './types';

/**
 * Options of {@link fit}. Batch, stochastic and mini-batch gradient descent are
 * `batchSize: n` (all samples), `batchSize: 1` and `batchSize: k`.
 *
 * @example
 * ```ts
 * const o: FitOptions = { epochs: 10, batchSize: 32, validationSplit: 0.2, seed: 1 };
 * ```
 */
export interface FitOptions {
  /** Passes over the data (default 1). */
  epochs?: number;
  /** Samples per gradient step (default 32; the last batch of an epoch may be smaller). */
  batchSize?: number;
  /** Reorder the training samples every epoch (default true), with a seeded generator. */
  shuffle?: boolean;
  /** The shuffling seed (default: random); the same seed gives the same batches. */
  seed?: number;
  /** The fraction of samples, taken from the end before shuffling, held out for validation. */
  validationSplit?: number;
  /** Validation samples `[x, y]` (instead of `validationSplit`). */
  validationData?: readonly [Tensor, Tensor];
  /** Callback instances or registered callback names. */
  callbacks?: readonly (Callback | RegisteredName<'callback'>)[];
  /** 0: silent, 1: progress bar (default), 2: one line per epoch. */
  verbose?: 0 | 1 | 2;
  /** The epoch to start counting from, to resume a run (default 0). */
  initialEpoch?: number;
}

const FIT_KEYS = ['epochs', 'batchSize', 'shuffle', 'seed', 'validationSplit', 'validationData', 'callbacks', 'verbose', 'initialEpoch'];

function resolveCallback(c: unknown): Callback {
  const cb = typeof c === 'string' ? (lookup('callback', c) as CallbackPlugin).create() : c;
  if (!(cb instanceof Callback)) {
    throw new ArgumentError('INVALID_ARGUMENT', `fit: each callback must be a Callback (e.g. earlyStopping({ patience: 3 })) or a registered callback name, got ${String(c)}`);
  }
  return cb;
}

/** Builds the model's weights with one sample when it has none yet (Keras-style lazy layers). */
export function ensureBuilt(model: Module, x: Tensor): void {
  if (model.parameters().length > 0) return;
  noGrad(() => dispose(model.apply(rows(x, 0, 1))));
}

/** The compiled optimizer, created over the trainable parameters on first use. */
export function optimizerOf(model: Module, compiled: Compiled): OptimizerLike {
  compiled.optimizer ??= compiled.makeOptimizer!(model);
  return compiled.optimizer;
}

interface Split {
  x: Tensor;
  y: Tensor;
  val: readonly [Tensor, Tensor] | null;
  temps: Tensor[];
}

function split(x: Tensor, y: Tensor, n: number, options: FitOptions): Split {
  if (options.validationData !== undefined && options.validationSplit !== undefined) {
    throw new ArgumentError('INVALID_ARGUMENT', 'fit: pass validationData or validationSplit, not both');
  }
  if (options.validationData !== undefined) {
    const v = options.validationData;
    if (!Array.isArray(v) || v.length !== 2) throw new ArgumentError('INVALID_ARGUMENT', 'fit: validationData must be [xVal, yVal]');
    sampleCount('fit (validationData)', v[0], v[1]);
    return { x, y, val: v, temps: [] };
  }
  if (options.validationSplit === undefined) return { x, y, val: null, temps: [] };
  const f = finiteNumber('fit', 'validationSplit', options.validationSplit, 0);
  const nVal = Math.floor(n * f);
  if (f >= 1 || nVal === 0 || nVal === n) {
    throw new ArgumentError('INVALID_ARGUMENT', `fit: validationSplit ${f} of ${n} samples leaves ${n - nVal} for training and ${nVal} for validation; pick a fraction in (0, 1) that leaves both non-empty`);
  }
  const parts = [rows(x, 0, n - nVal), rows(y, 0, n - nVal), rows(x, n - nVal, n), rows(y, n - nVal, n)];
  return { x: parts[0]!, y: parts[1]!, val: [parts[2]!, parts[3]!], temps: parts };
}

/**
 * Trains a compiled model. Every step runs without waiting for the device: the loss and metrics
 * accumulate as tensors and are read once per epoch (or every N batches when a callback asks),
 * so `fit` is async. Returns the {@link History}. `model.fit(x, y, options)` calls this.
 *
 * @example
 * ```ts
 * const h = await fit(model, x, y, { epochs: 20, batchSize: 32, validationSplit: 0.1, callbacks: [earlyStopping({ patience: 3 })] });
 * h.history.val_loss;
 * ```
 */
export async function fit(model: Module, x: Tensor, y: Tensor, options: FitOptions = {}): Promise<History> {
  checkOptions('fit', options, FIT_KEYS);
  const compiled = compiledOf(model, 'fit');
  const n = sampleCount('fit', x, y);
  const epochs = positiveInt('fit', 'epochs', options.epochs ?? 1);
  const initialEpoch = positiveInt('fit', 'initialEpoch', options.initialEpoch ?? 0, 0);
  const verbose = options.verbose ?? 1;
  if (verbose !== 0 && verbose !== 1 && verbose !== 2) throw new ArgumentError('INVALID_ARGUMENT', `fit: 'verbose' must be 0, 1 or 2, got ${String(verbose)}`);
  const seed = options.seed === undefined ? Math.floor(Math.random() * 2 ** 32) : finiteNumber('fit', 'seed', options.seed);
  const data = split(x, y, n, options);
  const nTrain = data.x.shape[0]!;
  const batchSize = Math.min(positiveInt('fit', 'batchSize', options.batchSize ?? 32), nTrain);
  const shuffle = options.shuffle ?? true;

  const history = new History();
  // Keras's order: the default progress bar first, History last (so it records keys callbacks add, like lr)
  const callbacks = (options.callbacks ?? []).map(resolveCallback);
  if (verbose !== 0 && !callbacks.some((c) => c instanceof ProgressBar)) callbacks.unshift(new ProgressBar(verbose === 2 ? { live: false } : {}));
  callbacks.push(history);

  ensureBuilt(model, data.x);
  const optimizer = optimizerOf(model, compiled);
  const trainable = model.trainableParameters();
  const metricKeys = compiled.metrics.map((m) => m.name);
  const trainKeys = ['loss', ...metricKeys];
  const bounds = batchBounds(nTrain, batchSize);
  const context: TrainingContext = {
    model, optimizer, epochs, initialEpoch, batchSize, stepsPerEpoch: bounds.length, samples: nTrain,
    logKeys: data.val ? [...trainKeys, ...trainKeys.map((k) => `val_${k}`)] : trainKeys,
    stopTraining: false,
  };
  const wasTraining = model.training;
  const totals = new EpochTotals(compiled.metrics);
  const random = seededRandom(seed);
  let last: Logs | undefined;
  try {
    for (const cb of callbacks) cb.setContext(context);
    for (const cb of callbacks) await cb.onTrainBegin();
    const intervals = callbacks.map((c) => c.batchLogInterval).filter((i): i is number => i !== undefined);
    for (let epoch = initialEpoch; epoch < epochs && !context.stopTraining; epoch++) {
      model.train();
      for (const cb of callbacks) await cb.onEpochBegin(epoch);
      totals.reset();
      const order = shuffle ? permutation(nTrain, random) : null;
      for (let b = 0; b < bounds.length && !context.stopTraining; b++) {
        const [s, e] = bounds[b]!;
        const xb = order ? pick(data.x, order.subarray(s, e)) : rows(data.x, s, e);
        const yb = order ? pick(data.y, order.subarray(s, e)) : rows(data.y, s, e);
        try {
          trainStep(model, compiled, optimizer, trainable, xb, yb, totals);
        } finally {
          xb.dispose();
          yb.dispose();
        }
        const read = intervals.some((i) => (b + 1) % i === 0);
        const logs = read ? toLogs(trainKeys, await readAll([totals.results()])) : undefined;
        for (const cb of callbacks) await cb.onBatchEnd(b, logs && cb.batchLogInterval !== undefined ? { ...logs } : undefined);
      }
      const parts = [totals.results()];
      if (data.val) parts.push(evaluateTotals(model, compiled, data.val[0], data.val[1], batchSize, totals));
      const values = await readAll(parts);
      last = toLogs(data.val ? [...trainKeys, ...trainKeys.map((k) => `val_${k}`)] : trainKeys, values);
      for (const cb of callbacks) await cb.onEpochEnd(epoch, last);
    }
    for (const cb of callbacks) await cb.onTrainEnd(last);
  } finally {
    totals.reset();
    dispose(data.temps);
    model.train(wasTraining);
  }
  return history;
}

function toLogs(keys: readonly string[], values: readonly number[]): Logs {
  return Object.fromEntries(keys.map((k, i) => [k, values[i]!]));
}
