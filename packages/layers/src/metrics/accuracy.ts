import { ShapeError, formatShape } from '@tensorkit/core';
import { argMax, cast, equal, greater, less, reshape, squeeze, sum, takeAlongAxis, expandDims, type Tensor } from '@tensorkit/tensor';
import { assertSameShape, MeanMetric, type Metric, type MetricPlugin } from './metric';
import { LAYERS_PACKAGE, CORE_VERSION } from '../training/plugin-meta';
import { checkOptions, finiteNumber, positiveInt } from '../training/options';

/** Class indices from integer labels `[n]` or `[n, 1]`, checked against predictions `[n, classes]`. */
function sparseLabels(metric: string, yTrue: Tensor, yPred: Tensor): Tensor {
  const rank = yPred.shape.length;
  const ok =
    yTrue.shape.length === rank - 1 ||
    (yTrue.shape.length === rank && yTrue.shape[rank - 1] === 1);
  if (!ok || yTrue.shape[0] !== yPred.shape[0]) {
    throw new ShapeError(
      'SHAPE_MISMATCH',
      `${metric}: class-index labels ${formatShape(yTrue.shape)} do not fit predictions ${formatShape(yPred.shape)}; ` +
        'pass labels of shape [batch] (or [batch, 1]) with one index per row',
    );
  }
  const labels = yTrue.shape.length === rank ? squeeze(yTrue, -1) : yTrue;
  return labels.dtype === 'int32' ? labels : cast(labels, 'int32');
}

function sameShape(a: Tensor, b: Tensor): boolean {
  return a.shape.length === b.shape.length && a.shape.every((d, i) => d === b.shape[i]);
}

/** 1/0 per element: `yPred > threshold` equals the 0/1 label. */
function binaryHits(metric: string, yTrue: Tensor, yPred: Tensor, threshold: number): Tensor {
  assertSameShape(metric, yTrue, yPred);
  return equal(cast(greater(yPred, threshold), 'float32'), cast(yTrue, 'float32'));
}

/** 1/0 per row: argmax of the one-hot label equals argmax of the prediction. */
function categoricalHits(metric: string, yTrue: Tensor, yPred: Tensor): Tensor {
  assertSameShape(metric, yTrue, yPred);
  return equal(argMax(yTrue, -1), argMax(yPred, -1));
}

/** 1/0 per row: the integer label equals argmax of the prediction. */
function sparseHits(metric: string, yTrue: Tensor, yPred: Tensor): Tensor {
  return equal(sparseLabels(metric, yTrue, yPred), argMax(yPred, -1));
}

/** Keras's binaryAccuracy: `yPred > threshold` compared with the 0/1 label. */
export class BinaryAccuracy extends MeanMetric {
  readonly name: string = 'binaryAccuracy';
  constructor(readonly threshold = 0.5) {
    super();
  }
  protected values(yTrue: Tensor, yPred: Tensor): Tensor {
    return binaryHits(this.name, yTrue, yPred, this.threshold);
  }
  override getConfig(): Record<string, unknown> {
    return { threshold: this.threshold };
  }
}

/** Keras's categoricalAccuracy: argmax of the one-hot label against argmax of the prediction. */
export class CategoricalAccuracy extends MeanMetric {
  readonly name: string = 'categoricalAccuracy';
  protected values(yTrue: Tensor, yPred: Tensor): Tensor {
    return categoricalHits(this.name, yTrue, yPred);
  }
}

/** Keras's sparseCategoricalAccuracy: an integer class label against argmax of the prediction. */
export class SparseCategoricalAccuracy extends MeanMetric {
  readonly name: string = 'sparseCategoricalAccuracy';
  protected values(yTrue: Tensor, yPred: Tensor): Tensor {
    return sparseHits(this.name, yTrue, yPred);
  }
}

/**
 * `accuracy`, resolved per batch from the shapes as Keras resolves it from the loss: one output
 * column (or rank-1 predictions) is binary with threshold 0.5, labels shaped like the
 * predictions are one-hot, and labels with one axis fewer (or a trailing 1) are class indices.
 */
export class Accuracy extends MeanMetric {
  readonly name: string = 'accuracy';
  protected values(yTrue: Tensor, yPred: Tensor): Tensor {
    const classes = yPred.shape[yPred.shape.length - 1] ?? 1;
    if (yPred.shape.length <= 1 || classes === 1) return binaryHits(this.name, yTrue, yPred, 0.5);
    return sameShape(yTrue, yPred) ? categoricalHits(this.name, yTrue, yPred) : sparseHits(this.name, yTrue, yPred);
  }
}

/**
 * Keras's top-k accuracy: the label's score is among the `k` largest (ties count as hits).
 * Labels may be one-hot (shaped like the predictions) or class indices.
 */
export class TopKAccuracy extends MeanMetric {
  readonly name: string = 'topKAccuracy';
  constructor(readonly k = 5) {
    super();
  }
  protected values(yTrue: Tensor, yPred: Tensor): Tensor {
    const labels = sameShape(yTrue, yPred) ? argMax(yTrue, -1) : sparseLabels(this.name, yTrue, yPred);
    const target = takeAlongAxis(yPred, expandDims(labels, -1), -1);
    const better = sum(cast(greater(yPred, target), 'int32'), -1);
    return less(reshape(better, [-1]), this.k);
  }
  override getConfig(): Record<string, unknown> {
    return { k: this.k };
  }
}

/**
 * Accuracy that picks binary, categorical or sparse from the shapes of each batch.
 *
 * @example
 * ```ts
 * model.compile({ optimizer: 'adam', loss: 'crossEntropy', metrics: [accuracy()] }); // or 'accuracy'
 * ```
 */
export function accuracy(): Metric {
  return new Accuracy();
}

/**
 * The fraction of `yPred > threshold` that equals the 0/1 label (Keras `binaryAccuracy`).
 *
 * @example
 * ```ts
 * const m = binaryAccuracy({ threshold: 0.5 });
 * ```
 */
export function binaryAccuracy(options: { threshold?: number } = {}): Metric {
  checkOptions('binaryAccuracy', options, ['threshold']);
  return new BinaryAccuracy(finiteNumber('binaryAccuracy', 'threshold', options.threshold ?? 0.5));
}

/**
 * The fraction of rows whose predicted argmax equals the one-hot label's argmax.
 *
 * @example
 * ```ts
 * const m = categoricalAccuracy();
 * ```
 */
export function categoricalAccuracy(): Metric {
  return new CategoricalAccuracy();
}

/**
 * The fraction of rows whose predicted argmax equals the integer class label.
 *
 * @example
 * ```ts
 * const m = sparseCategoricalAccuracy();
 * ```
 */
export function sparseCategoricalAccuracy(): Metric {
  return new SparseCategoricalAccuracy();
}

/**
 * The fraction of rows whose label is among the `k` highest scores (default `k = 5`, as in Keras).
 *
 * @example
 * ```ts
 * const m = topKAccuracy({ k: 3 });
 * ```
 */
export function topKAccuracy(options: { k?: number } = {}): Metric {
  checkOptions('topKAccuracy', options, ['k']);
  return new TopKAccuracy(positiveInt('topKAccuracy', 'k', options.k ?? 5));
}

/** The `accuracy` metric plugin. @example `use(accuracyMetric)` */
export const accuracyMetric: MetricPlugin = { kind: 'metric', name: 'accuracy', aliases: ['acc'], package: LAYERS_PACKAGE, coreVersion: CORE_VERSION, create: () => accuracy() };
/** The `binaryAccuracy` metric plugin. @example `use(binaryAccuracyMetric)` */
export const binaryAccuracyMetric: MetricPlugin = { kind: 'metric', name: 'binaryAccuracy', package: LAYERS_PACKAGE, coreVersion: CORE_VERSION, create: (o) => binaryAccuracy(o) };
/** The `categoricalAccuracy` metric plugin. @example `use(categoricalAccuracyMetric)` */
export const categoricalAccuracyMetric: MetricPlugin = { kind: 'metric', name: 'categoricalAccuracy', package: LAYERS_PACKAGE, coreVersion: CORE_VERSION, create: () => categoricalAccuracy() };
/** The `sparseCategoricalAccuracy` metric plugin. @example `use(sparseCategoricalAccuracyMetric)` */
export const sparseCategoricalAccuracyMetric: MetricPlugin = {
  kind: 'metric', name: 'sparseCategoricalAccuracy', package: LAYERS_PACKAGE, coreVersion: CORE_VERSION, create: () => sparseCategoricalAccuracy(),
};
/** The `topKAccuracy` metric plugin. @example `use(topKAccuracyMetric)` */
export const topKAccuracyMetric: MetricPlugin = { kind: 'metric', name: 'topKAccuracy', package: LAYERS_PACKAGE, coreVersion: CORE_VERSION, create: (o) => topKAccuracy(o) };
