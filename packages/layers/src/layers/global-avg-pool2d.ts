import { mean, type Tensor } from '@tensorkit/tensor';
import { Layer, type LayerOptions } from '../layer';
import { optionsOf } from './args';
import { layerPlugin } from './plugin';

/** Options of {@link globalAvgPool2d}. */
export type GlobalAvgPool2DOptions = LayerOptions;

/**
 * The mean over height and width: `[N, H, W, C]` → `[N, C]` (PyTorch's
 * `AdaptiveAvgPool2d(1)` followed by a flatten). Create it with {@link globalAvgPool2d}.
 *
 * @example
 * ```ts
 * new GlobalAvgPool2D().apply(zeros([2, 7, 7, 64])).shape; // [2, 64]
 * ```
 */
export class GlobalAvgPool2D extends Layer {
  readonly className = 'globalAvgPool2d';

  constructor(options: GlobalAvgPool2DOptions = {}) {
    super(optionsOf(options, 'globalAvgPool2d', ['inputShape']));
  }

  computeOutputShape(inputShape: readonly number[]): number[] {
    this.assertRank(inputShape, [4], '[batch, height, width, channels] (channels last)');
    return [inputShape[0]!, inputShape[3]!];
  }

  forward(x: Tensor): Tensor {
    return mean(x, [1, 2]);
  }
}

/**
 * A global average-pooling layer, the usual head of a ResNet before the classifier.
 *
 * @example
 * ```ts
 * const head = new Sequential([globalAvgPool2d({ inputShape: [7, 7, 512] }), dense({ units: 10 })]);
 * ```
 */
export function globalAvgPool2d(options: GlobalAvgPool2DOptions = {}): GlobalAvgPool2D {
  return new GlobalAvgPool2D(options);
}

/**
 * The `globalAvgPool2d` layer plugin.
 *
 * @example
 * ```ts
 * lookup('layer', 'globalAvgPool2d');
 * ```
 */
export const globalAvgPool2dLayer = /* @__PURE__ */ layerPlugin<GlobalAvgPool2DOptions>('globalAvgPool2d', (c) => new GlobalAvgPool2D(c));
