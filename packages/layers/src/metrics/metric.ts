import { ShapeError, formatShape, shapesEqual, type NamedPlugin } from '@tensorkit/core';
import { add, cast, clone, div, keep, scalar, sum, tidy, type Tensor } from '@tensorkit/tensor';

/**
 * A streaming metric: `update` folds a batch into device-side accumulators without reading
 * anything back, `result` returns the value so far as a scalar tensor (the caller reads it once,
 * e.g. at the end of an epoch), `reset` starts over.
 *
 * @example
 * ```ts
 * const m = binaryAccuracy();
 * m.update(tensor([1, 0]), tensor([0.9, 0.8]));
 * await m.result().data(); // [0.5]
 * ```
 */
export interface Metric {
  /** The name used in logs and `History` (`'accuracy'`, `'val_accuracy'` for validation). */
  readonly name: string;
  /** Folds one batch in. Labels first, as for losses. */
  update(yTrue: Tensor, yPred: Tensor): void;
  /** The value so far, as a new scalar tensor the caller owns. */
  result(): Tensor;
  /** Clears the accumulators (fit calls it at the start of every epoch). */
  reset(): void;
  /** The options that rebuild it with its plugin's `create`. */
  getConfig(): Record<string, unknown>;
}

/**
 * The plugin of a metric: `compile({ metrics: ['accuracy'] })` looks it up and calls `create`.
 *
 * @example
 * ```ts
 * const countPositives: MetricPlugin = { kind: 'metric', name: 'countPositives', create: () => myMetric() };
 * use(countPositives);
 * ```
 */
export interface MetricPlugin extends NamedPlugin<'metric'> {
  create(options?: Record<string, unknown>): Metric;
}

/**
 * A running sum that stays on the device: each `add` replaces the kept total by a new one, so
 * the number of live tensors stays constant however many batches are folded in.
 *
 * @example
 * ```ts
 * const s = new DeviceSum();
 * s.add(tensor(2)); s.add(tensor(3));
 * await s.value(scalar(0)).data(); // [5]
 * ```
 */
export class DeviceSum {
  private total: Tensor | null = null;

  /** Adds `t` (same shape every call) to the total. */
  add(t: Tensor): void {
    const next = keep(tidy(() => (this.total === null ? clone(t) : add(this.total, t))));
    this.total?.dispose();
    this.total = next;
  }

  /** A new tensor holding the total, or a copy of `empty` when nothing was added. */
  value(empty: Tensor): Tensor {
    return this.total === null ? clone(empty) : clone(this.total);
  }

  /** Drops the total. */
  reset(): void {
    this.total?.dispose();
    this.total = null;
  }
}

/**
 * The base of metrics that average a per-element value (accuracies, mse, mae): a device-side sum
 * and a host-side count, which is known from shapes, so nothing is read back.
 *
 * @example
 * ```ts
 * class MeanPrediction extends MeanMetric {
 *   readonly name = 'meanPrediction';
 *   protected values(_yTrue: Tensor, yPred: Tensor) { return yPred; }
 * }
 * ```
 */
export abstract class MeanMetric implements Metric {
  abstract readonly name: string;
  private readonly total = new DeviceSum();
  private count = 0;

  /** The per-element values to average, e.g. 1/0 correctness per sample. */
  protected abstract values(yTrue: Tensor, yPred: Tensor): Tensor;

  update(yTrue: Tensor, yPred: Tensor): void {
    tidy(() => {
      const v = this.values(yTrue, yPred);
      this.total.add(sumAll(v));
      this.count += v.size;
    });
  }

  result(): Tensor {
    return tidy(() => (this.count === 0 ? scalar(0) : div(this.total.value(scalar(0)), this.count)));
  }

  reset(): void {
    this.total.reset();
    this.count = 0;
  }

  getConfig(): Record<string, unknown> {
    return {};
  }
}

/** The float32 sum of every element. */
export function sumAll(t: Tensor): Tensor {
  return sum(t.dtype === 'float32' ? t : cast(t, 'float32'));
}

/**
 * Throws unless `yTrue` and `yPred` have the same shape.
 *
 * @example
 * ```ts
 * assertSameShape('mse', yTrue, yPred);
 * ```
 */
export function assertSameShape(metric: string, yTrue: Tensor, yPred: Tensor): void {
  if (shapesEqual(yTrue.shape, yPred.shape)) return;
  throw new ShapeError(
    'SHAPE_MISMATCH',
    `${metric}: yTrue ${formatShape(yTrue.shape)} and yPred ${formatShape(yPred.shape)} must have the same shape; ` +
      'labels come first, as in metric.update(yTrue, yPred)',
  );
}
