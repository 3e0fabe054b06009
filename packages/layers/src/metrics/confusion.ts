import { add, cast, div, expandDims, greater, maximum, mul, reshape, scalar, slice, sub, sum, tensor, tidy, zeros, type Tensor } from '@tensorkit/tensor';
import { assertSameShape, DeviceSum, type Metric, type MetricPlugin } from './metric';
import { LAYERS_PACKAGE, CORE_VERSION } from '../training/plugin-meta';
import { checkOptions, finiteNumber, positiveInt } from '../training/options';

/**
 * True-positive and false-positive counts at each threshold (`yPred > threshold`), plus the
 * number of positive labels, all kept on the device. False negatives and true negatives follow
 * from them and the sample count, which is known from shapes.
 */
class ConfusionCounts {
  private readonly tp = new DeviceSum();
  private readonly fp = new DeviceSum();
  private readonly positives = new DeviceSum();
  count = 0;

  constructor(private readonly thresholds: readonly number[]) {}

  update(metric: string, yTrue: Tensor, yPred: Tensor): void {
    assertSameShape(metric, yTrue, yPred);
    tidy(() => {
      const labels = expandDims(reshape(cast(yTrue, 'float32'), [-1]), 1);
      const above = cast(greater(expandDims(reshape(yPred, [-1]), 1), tensor([...this.thresholds])), 'float32');
      this.tp.add(sum(mul(above, labels), 0));
      this.fp.add(sum(mul(above, sub(1, labels)), 0));
      this.positives.add(sum(labels));
      this.count += yTrue.size;
    });
  }

  /** `{ tp, fp, fn, tn }` as float32 tensors of shape `[thresholds]`. */
  counts(): { tp: Tensor; fp: Tensor; fn: Tensor; tn: Tensor } {
    const empty = zeros([this.thresholds.length]);
    const tp = this.tp.value(empty);
    const fp = this.fp.value(empty);
    const pos = this.positives.value(scalar(0));
    return { tp, fp, fn: sub(pos, tp), tn: sub(sub(this.count, pos), fp) };
  }

  reset(): void {
    this.tp.reset();
    this.fp.reset();
    this.positives.reset();
    this.count = 0;
  }
}

/** `num / den` for counts, 0 where `den` is 0 (then `num` is 0 too). */
function ratio(num: Tensor, den: Tensor): Tensor {
  return div(num, maximum(den, 1));
}

/** Precision or recall of binary predictions at one threshold. */
export class ThresholdRatio implements Metric {
  private readonly counts: ConfusionCounts;
  constructor(
    readonly name: 'precision' | 'recall',
    readonly threshold: number,
  ) {
    this.counts = new ConfusionCounts([threshold]);
  }
  update(yTrue: Tensor, yPred: Tensor): void {
    this.counts.update(this.name, yTrue, yPred);
  }
  result(): Tensor {
    return tidy(() => {
      const { tp, fp, fn } = this.counts.counts();
      return reshape(ratio(tp, add(tp, this.name === 'precision' ? fp : fn)), []);
    });
  }
  reset(): void {
    this.counts.reset();
  }
  getConfig(): Record<string, unknown> {
    return { threshold: this.threshold };
  }
}

/**
 * Keras's ROC AUC: confusion counts at `numThresholds` evenly spaced thresholds
 * (`-1e-7, 1/(n-1), ..., (n-2)/(n-1), 1 + 1e-7`), integrated with the trapezoidal rule.
 */
export class AreaUnderCurve implements Metric {
  readonly name: string = 'auc';
  private readonly counts: ConfusionCounts;
  constructor(readonly numThresholds = 200) {
    const inner = Array.from({ length: numThresholds - 2 }, (_, i) => (i + 1) / (numThresholds - 1));
    this.counts = new ConfusionCounts([-1e-7, ...inner, 1 + 1e-7]);
  }
  update(yTrue: Tensor, yPred: Tensor): void {
    this.counts.update(this.name, yTrue, yPred);
  }
  result(): Tensor {
    return tidy(() => {
      const { tp, fp, fn, tn } = this.counts.counts();
      const tpr = ratio(tp, add(tp, fn));
      const fpr = ratio(fp, add(fp, tn));
      const head = (t: Tensor): Tensor => slice(t, [[0, -1]]);
      const tail = (t: Tensor): Tensor => slice(t, [[1, null]]);
      return sum(mul(sub(head(fpr), tail(fpr)), div(add(head(tpr), tail(tpr)), 2)));
    });
  }
  reset(): void {
    this.counts.reset();
  }
  getConfig(): Record<string, unknown> {
    return { numThresholds: this.numThresholds };
  }
}

function thresholdOption(fn: string, options: { threshold?: number }): number {
  checkOptions(fn, options, ['threshold']);
  const t = finiteNumber(fn, 'threshold', options.threshold ?? 0.5);
  return t;
}

/**
 * `TP / (TP + FP)` of binary predictions `yPred > threshold` (0 while nothing is predicted positive).
 *
 * @example
 * ```ts
 * model.compile({ optimizer: 'adam', loss: 'binaryCrossEntropy', metrics: [precision(), recall()] });
 * ```
 */
export function precision(options: { threshold?: number } = {}): Metric {
  return new ThresholdRatio('precision', thresholdOption('precision', options));
}

/**
 * `TP / (TP + FN)` of binary predictions `yPred > threshold` (0 while there are no positive labels).
 *
 * @example
 * ```ts
 * const m = recall({ threshold: 0.3 });
 * ```
 */
export function recall(options: { threshold?: number } = {}): Metric {
  return new ThresholdRatio('recall', thresholdOption('recall', options));
}

/**
 * The area under the ROC curve, as Keras computes it (default 200 thresholds).
 *
 * @example
 * ```ts
 * const m = auc({ numThresholds: 500 });
 * ```
 */
export function auc(options: { numThresholds?: number } = {}): Metric {
  checkOptions('auc', options, ['numThresholds']);
  return new AreaUnderCurve(positiveInt('auc', 'numThresholds', options.numThresholds ?? 200, 3));
}

/** The `precision` metric plugin. @example `use(precisionMetric)` */
export const precisionMetric: MetricPlugin = { kind: 'metric', name: 'precision', package: LAYERS_PACKAGE, coreVersion: CORE_VERSION, create: (o) => precision(o) };
/** The `recall` metric plugin. @example `use(recallMetric)` */
export const recallMetric: MetricPlugin = { kind: 'metric', name: 'recall', package: LAYERS_PACKAGE, coreVersion: CORE_VERSION, create: (o) => recall(o) };
/** The `auc` metric plugin. @example `use(aucMetric)` */
export const aucMetric: MetricPlugin = { kind: 'metric', name: 'auc', package: LAYERS_PACKAGE, coreVersion: CORE_VERSION, create: (o) => auc(o) };
