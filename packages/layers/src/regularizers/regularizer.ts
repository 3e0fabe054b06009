import type { NamedPlugin } from '@tensorkit/core';
import type { Tensor } from '@tensorkit/tensor';

/**
 * A weight penalty added to the training loss: `penalty(w)` returns a scalar tensor. Layers take
 * one as `kernelRegularizer`, and `fit` adds every layer's penalties to the loss it differentiates.
 *
 * @example
 * ```ts
 * const r: Regularizer = l2({ l2: 1e-4 });
 * const p = r.penalty(layer.kernel); // 1e-4 * sum(w²)
 * ```
 */
export interface Regularizer {
  readonly kind: 'regularizer';
  /** The registry name of its plugin (`'l2'`), used when the model is saved. */
  readonly name: string;
  penalty(w: Tensor): Tensor;
  /** The options that rebuild it with its plugin's `create`. */
  getConfig(): Record<string, unknown>;
}

/**
 * The plugin of a regularizer: `penalty` uses the default strength, `create(config)` makes one
 * with other options (that is how `loadModel` rebuilds a layer's regularizer).
 *
 * @example
 * ```ts
 * const maxNorm: RegularizerPlugin = { kind: 'regularizer', name: 'maxNorm', penalty: (w) => max(abs(w)), create: () => maxNorm };
 * ```
 */
export interface RegularizerPlugin extends NamedPlugin<'regularizer'> {
  penalty(w: Tensor): Tensor;
  create(config?: Record<string, unknown>): Regularizer;
}

/**
 * The JSON form of a regularizer, `{ name, config }`, as stored in `model.json`.
 *
 * @example
 * ```ts
 * serializeRegularizer(l2({ l2: 0.001 })); // { name: 'l2', config: { l2: 0.001 } }
 * ```
 */
export function serializeRegularizer(r: Regularizer): { name: string; config: Record<string, unknown> } {
  return { name: r.name, config: r.getConfig() };
}
