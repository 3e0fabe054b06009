import { full, greater, mul, where, type Tensor, type Variable } from '@tensorkit/tensor';
import { Layer, type LayerOptions } from '../layer';
import { intArg, numberArg, optionsOf } from './args';
import { layerPlugin } from './plugin';

/** Options of {@link prelu}. */
export interface PReLUOptions extends LayerOptions {
  /** 1 (one slope shared by every channel, PyTorch's default) or the number of channels (the last axis). Default 1. */
  numParameters?: number;
  /** The initial slope. Default 0.25, as in PyTorch. */
  init?: number;
}

/**
 * A parametric ReLU (PyTorch's `nn.PReLU`): `x` where `x > 0`, else `weight · x`, with a learned
 * slope shared or per channel (the last axis). Create it with {@link prelu}.
 *
 * @example
 * ```ts
 * new PReLU().apply(tensor([-2, 3])); // [-0.5, 3]
 * ```
 */
export class PReLU extends Layer {
  readonly className = 'prelu';
  readonly numParameters: number;
  readonly init: number;
  /** The slopes `[numParameters]`. */
  readonly weight: Variable;

  constructor(options: PReLUOptions = {}) {
    const o = optionsOf(options, 'prelu', ['numParameters', 'init', 'inputShape']);
    super(o);
    this.numParameters = intArg(o.numParameters ?? 1, 'numParameters', 'prelu');
    this.init = numberArg(o.init ?? 0.25, 'init', 'prelu');
    this.weight = this.addParameter('weight', full([this.numParameters], this.init));
    this.built = true;
  }

  computeOutputShape(inputShape: readonly number[]): number[] {
    if (this.numParameters > 1) {
      this.assertMinRank(inputShape, 1, '[..., channels]');
      this.assertDim(inputShape, -1, this.numParameters, 'channels (numParameters)');
    }
    return [...inputShape];
  }

  forward(x: Tensor): Tensor {
    // where() rather than max/min: at x = 0 the gradient is the slope's, as in PyTorch.
    return where(greater(x, 0), x, mul(x, this.weight));
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), numParameters: this.numParameters, init: this.init };
  }
}

/**
 * A learnable leaky ReLU: `prelu({ numParameters = 1, init = 0.25 })`.
 *
 * @example
 * ```ts
 * const act = prelu({ numParameters: 64 }); // one slope per channel of a [N, H, W, 64] input
 * ```
 */
export function prelu(options: PReLUOptions = {}): PReLU {
  return new PReLU(options);
}

/**
 * The `prelu` layer plugin.
 *
 * @example
 * ```ts
 * lookup('layer', 'prelu');
 * ```
 */
export const preluLayer = /* @__PURE__ */ layerPlugin<PReLUOptions>('prelu', (c) => new PReLU(c));
