import { reshape, type Tensor } from '@tensorkit/tensor';
import { Layer, type LayerOptions } from '../layer';
import { optionsOf } from './args';
import { layerPlugin } from './plugin';

/** Options of {@link flatten}. */
export type FlattenOptions = LayerOptions;

/**
 * Flattens every axis but the batch axis: `[N, ...rest]` becomes `[N, prod(rest)]` (PyTorch's
 * `nn.Flatten()` with `start_dim = 1`). On channels-last images the order of the flattened
 * features is H, W, C. Create it with {@link flatten}.
 *
 * @example
 * ```ts
 * new Flatten().apply(zeros([2, 3, 4])).shape; // [2, 12]
 * ```
 */
export class Flatten extends Layer {
  readonly className = 'flatten';

  constructor(options: FlattenOptions = {}) {
    super(optionsOf(options, 'flatten', ['inputShape']));
  }

  computeOutputShape(inputShape: readonly number[]): number[] {
    this.assertMinRank(inputShape, 1, '[batch, ...]');
    return [inputShape[0]!, inputShape.slice(1).reduce((a, b) => a * b, 1)];
  }

  forward(x: Tensor): Tensor {
    return reshape(x, [x.shape[0]!, -1]);
  }
}

/**
 * A layer that flattens each sample to one axis: `[N, H, W, C]` → `[N, H·W·C]`.
 *
 * @example
 * ```ts
 * const model = new Sequential([flatten({ inputShape: [28, 28, 1] }), dense({ units: 10 })]);
 * ```
 */
export function flatten(options: FlattenOptions = {}): Flatten {
  return new Flatten(options);
}

/**
 * The `flatten` layer plugin.
 *
 * @example
 * ```ts
 * lookup('layer', 'flatten');
 * ```
 */
export const flattenLayer = /* @__PURE__ */ layerPlugin<FlattenOptions>('flatten', (c) => new Flatten(c));
