import type { Tensor, Variable } from '@tensorkit/tensor';
import type { RegisteredName } from '@tensorkit/core';
import type { Metric, MetricPlugin } from '../metrics/metric';

/**
 * What training needs of an `@tensorkit/optim` optimizer.
 *
 * @example
 * ```ts
 * const opt: OptimizerLike = get('optimizer', 'adam').create(model.parameters(), { lr: 1e-3 });
 * ```
 */
export interface OptimizerLike {
  readonly name: string;
  readonly paramGroups: readonly { lr: number }[];
  readonly defaults?: Readonly<Record<string, unknown>>;
  step(grads: Map<Variable, Tensor>): void;
  dispose?(): void;
}

/**
 * What training needs of an optimizer plugin (`sgd`, `adam` from `@tensorkit/optim`).
 *
 * @example
 * ```ts
 * model.compile({ optimizer: adam, optimizerOptions: { lr: 1e-3 }, loss: 'mse' });
 * ```
 */
export interface OptimizerPluginLike {
  readonly kind: 'optimizer';
  readonly name: string;
  create(params: Variable[], options?: object): OptimizerLike;
}

/**
 * What training needs of a loss plugin (`@tensorkit/losses`).
 *
 * @example
 * ```ts
 * model.compile({ optimizer: 'sgd', loss: meanSquaredError });
 * ```
 */
export interface LossPluginLike {
  readonly kind: 'loss';
  readonly name: string;
  readonly expects: 'logits' | 'probabilities' | 'values';
  readonly expectsWith?: (options: object | undefined) => 'logits' | 'probabilities' | 'values';
  compute(yTrue: Tensor, yPred: Tensor, options?: object): Tensor;
}

/** A loss written as a function of `(yTrue, yPred)` returning a scalar. */
export type LossFunction = (yTrue: Tensor, yPred: Tensor) => Tensor;

/**
 * The configuration of {@link compile}: registry names are type-checked (a typo is a compile
 * error once the package providing the name is imported).
 *
 * @example
 * ```ts
 * model.compile({ optimizer: 'adam', optimizerOptions: { lr: 1e-3 }, loss: 'crossEntropy', metrics: ['accuracy'] });
 * ```
 */
export interface CompileConfig {
  /** An optimizer name or plugin (created over the model's trainable parameters when training starts), or an optimizer. */
  optimizer: RegisteredName<'optimizer'> | OptimizerPluginLike | OptimizerLike;
  /** Hyperparameters for an optimizer given by name or plugin, e.g. `{ lr: 1e-3 }`. */
  optimizerOptions?: Record<string, unknown>;
  /** A loss name or plugin, or a function `(yTrue, yPred) => scalar`. */
  loss: RegisteredName<'loss'> | LossPluginLike | LossFunction;
  /** Options passed to the loss, e.g. `{ fromLogits: true }`. */
  lossOptions?: Record<string, unknown>;
  /** Metric names, plugins or instances. */
  metrics?: readonly (RegisteredName<'metric'> | MetricPlugin | Metric)[];
}
