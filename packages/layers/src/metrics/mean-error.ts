import { abs, square, sub, type Tensor } from '@tensorkit/tensor';
import { assertSameShape, MeanMetric, type Metric, type MetricPlugin } from './metric';
import { LAYERS_PACKAGE, CORE_VERSION } from '../training/plugin-meta';

/** The mean of `(yPred - yTrue)²` over every element seen. */
export class MeanSquaredErrorMetric extends MeanMetric {
  readonly name: string = 'mse';
  protected values(yTrue: Tensor, yPred: Tensor): Tensor {
    assertSameShape(this.name, yTrue, yPred);
    return square(sub(yPred, yTrue));
  }
}

/** The mean of `|yPred - yTrue|` over every element seen. */
export class MeanAbsoluteErrorMetric extends MeanMetric {
  readonly name: string = 'mae';
  protected values(yTrue: Tensor, yPred: Tensor): Tensor {
    assertSameShape(this.name, yTrue, yPred);
    return abs(sub(yPred, yTrue));
  }
}

/**
 * Mean squared error as a streaming metric (the mean over every element of every batch).
 *
 * @example
 * ```ts
 * model.compile({ optimizer: 'sgd', loss: 'mse', metrics: [mse(), 'mae'] });
 * ```
 */
export function mse(): Metric {
  return new MeanSquaredErrorMetric();
}

/**
 * Mean absolute error as a streaming metric.
 *
 * @example
 * ```ts
 * const m = mae();
 * ```
 */
export function mae(): Metric {
  return new MeanAbsoluteErrorMetric();
}

/** The `mse` metric plugin (alias `meanSquaredError`). @example `use(mseMetric)` */
export const mseMetric: MetricPlugin = { kind: 'metric', name: 'mse', aliases: ['meanSquaredError'], package: LAYERS_PACKAGE, coreVersion: CORE_VERSION, create: () => mse() };
/** The `mae` metric plugin (alias `meanAbsoluteError`). @example `use(maeMetric)` */
export const maeMetric: MetricPlugin = { kind: 'metric', name: 'mae', aliases: ['meanAbsoluteError'], package: LAYERS_PACKAGE, coreVersion: CORE_VERSION, create: () => mae() };
