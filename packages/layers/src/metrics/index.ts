export { DeviceSum, MeanMetric, assertSameShape, type Metric, type MetricPlugin } from './metric';
export {
  Accuracy, BinaryAccuracy, CategoricalAccuracy, SparseCategoricalAccuracy, TopKAccuracy,
  accuracy, binaryAccuracy, categoricalAccuracy, sparseCategoricalAccuracy, topKAccuracy,
  accuracyMetric, binaryAccuracyMetric, categoricalAccuracyMetric, sparseCategoricalAccuracyMetric, topKAccuracyMetric,
} from './accuracy';
export { AreaUnderCurve, ThresholdRatio, auc, precision, recall, aucMetric, precisionMetric, recallMetric } from './confusion';
export { MeanAbsoluteErrorMetric, MeanSquaredErrorMetric, mae, mse, maeMetric, mseMetric } from './mean-error';

import { accuracyMetric, binaryAccuracyMetric, categoricalAccuracyMetric, sparseCategoricalAccuracyMetric, topKAccuracyMetric } from './accuracy';
import { aucMetric, precisionMetric, recallMetric } from './confusion';
import { maeMetric, mseMetric } from './mean-error';
import type { MetricPlugin } from './metric';

/** Every built-in metric plugin (what `./register` registers). */
export const METRIC_PLUGINS: readonly MetricPlugin[] = [
  accuracyMetric, binaryAccuracyMetric, categoricalAccuracyMetric, sparseCategoricalAccuracyMetric, topKAccuracyMetric,
  precisionMetric, recallMetric, aucMetric, mseMetric, maeMetric,
];

declare module '@tensorkit/core' {
  interface MetricRegistry {
    accuracy: MetricPlugin; acc: MetricPlugin;
    binaryAccuracy: MetricPlugin; categoricalAccuracy: MetricPlugin; sparseCategoricalAccuracy: MetricPlugin; topKAccuracy: MetricPlugin;
    precision: MetricPlugin; recall: MetricPlugin; auc: MetricPlugin;
    mse: MetricPlugin; meanSquaredError: MetricPlugin; mae: MetricPlugin; meanAbsoluteError: MetricPlugin;
  }
}
