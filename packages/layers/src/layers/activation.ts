import { ArgumentError } from '@tensorkit/core';
import type { Tensor } from '@tensorkit/tensor';
import { Layer, type LayerOptions } from '../layer';
import { activationConfig, resolveActivation, type ActivationSpec, type ResolvedActivation } from './activation-spec';
import { optionsOf } from './args';
import { layerPlugin } from './plugin';

/** Options of {@link activation}. */
export interface ActivationOptions extends LayerOptions {
  /** A registered activation name (`'relu'`), an activation plugin or a function. Required. */
  activation: ActivationSpec;
}

/**
 * Applies an activation as a layer of its own. Create it with {@link activation}.
 *
 * @example
 * ```ts
 * new Activation({ activation: 'relu' }).apply(tensor([-1, 2])); // [0, 2]
 * ```
 */
export class Activation extends Layer {
  readonly className = 'activation';
  private readonly fn: ResolvedActivation;

  constructor(options: ActivationOptions) {
    const o = optionsOf(options, 'activation', ['activation', 'inputShape']);
    super(o);
    if (o.activation === undefined) throw new ArgumentError('INVALID_ARGUMENT', "activation: 'activation' is required, e.g. activation({ activation: 'relu' })");
    this.fn = resolveActivation(o.activation, 'activation');
  }

  computeOutputShape(inputShape: readonly number[]): number[] {
    return [...inputShape];
  }

  forward(x: Tensor): Tensor {
    return this.fn.fn ? this.fn.fn(x) : x;
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), activation: activationConfig(this.fn, 'activation') };
  }
}

/**
 * An activation layer: `activation({ activation: 'relu' })`.
 *
 * @example
 * ```ts
 * const model = new Sequential([dense({ units: 8, inputShape: [4] }), activation({ activation: 'tanh' })]);
 * ```
 */
export function activation(options: ActivationOptions): Activation {
  return new Activation(options);
}

/**
 * The `activation` layer plugin.
 *
 * @example
 * ```ts
 * lookup('layer', 'activation');
 * ```
 */
export const activationLayer = /* @__PURE__ */ layerPlugin<ActivationOptions>('activation', (c) => new Activation(c));
