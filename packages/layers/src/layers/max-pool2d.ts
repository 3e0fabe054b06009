import { maxPool2d as maxPool2dOp, type Tensor } from '@tensorkit/tensor';
import { layerPlugin } from './plugin';
import { PoolLayer, type PoolOptions } from './pool-base';

/** Options of {@link maxPool2d}. */
export interface MaxPool2DLayerOptions extends PoolOptions {
  /** The spacing of window elements, one number or `[dH, dW]`. Default 1. */
  dilation?: number | readonly [number, number];
}

/**
 * 2-D max pooling over channels-last images (PyTorch's `nn.MaxPool2d`: padding counts as
 * -Infinity). Create it with {@link maxPool2d}.
 *
 * @example
 * ```ts
 * new MaxPool2D({ poolSize: 2 }).apply(zeros([1, 28, 28, 8])).shape; // [1, 14, 14, 8]
 * ```
 */
export class MaxPool2D extends PoolLayer {
  readonly className = 'maxPool2d';

  constructor(options: MaxPool2DLayerOptions) {
    super(options, 'maxPool2d', ['dilation']);
  }

  forward(x: Tensor): Tensor {
    const { poolSize, strides, padding, dilation, ceilMode } = this.window;
    return maxPool2dOp(x, { poolSize, strides, padding, dilation, ceilMode });
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), dilation: [...this.window.dilation] };
  }
}

/**
 * A 2-D max-pooling layer: `maxPool2d({ poolSize, strides, padding, dilation, ceilMode })`.
 *
 * @example
 * ```ts
 * const pool = maxPool2d({ poolSize: 2 }); // halves H and W
 * ```
 */
export function maxPool2d(options: MaxPool2DLayerOptions): MaxPool2D {
  return new MaxPool2D(options);
}

/**
 * The `maxPool2d` layer plugin.
 *
 * @example
 * ```ts
 * lookup('layer', 'maxPool2d');
 * ```
 */
export const maxPool2dLayer = /* @__PURE__ */ layerPlugin<MaxPool2DLayerOptions>('maxPool2d', (c) => new MaxPool2D(c));
