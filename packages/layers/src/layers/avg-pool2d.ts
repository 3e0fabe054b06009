import { avgPool2d as avgPool2dOp, type Tensor } from '@tensorkit/tensor';
import { boolArg, intArg } from './args';
import { layerPlugin } from './plugin';
import { PoolLayer, type PoolOptions } from './pool-base';

/** Options of {@link avgPool2d}. */
export interface AvgPool2DLayerOptions extends PoolOptions {
  /** Count padded zeros in the divisor (PyTorch's default). Default true. */
  countIncludePad?: boolean;
  /** Divide every window by this positive integer instead. */
  divisorOverride?: number;
}

/**
 * 2-D average pooling over channels-last images (PyTorch's `nn.AvgPool2d`). Create it with
 * {@link avgPool2d}.
 *
 * @example
 * ```ts
 * new AvgPool2D({ poolSize: 2 }).apply(zeros([1, 4, 4, 3])).shape; // [1, 2, 2, 3]
 * ```
 */
export class AvgPool2D extends PoolLayer {
  readonly className = 'avgPool2d';
  /** Whether padded zeros count in the divisor. */
  readonly countIncludePad: boolean;
  /** The fixed divisor, if any. */
  readonly divisorOverride: number | undefined;

  constructor(options: AvgPool2DLayerOptions) {
    super(options, 'avgPool2d', ['countIncludePad', 'divisorOverride']);
    this.countIncludePad = boolArg(options.countIncludePad ?? true, 'countIncludePad', 'avgPool2d');
    this.divisorOverride = options.divisorOverride === undefined ? undefined : intArg(options.divisorOverride, 'divisorOverride', 'avgPool2d');
  }

  forward(x: Tensor): Tensor {
    const { poolSize, strides, padding, ceilMode } = this.window;
    return avgPool2dOp(x, {
      poolSize, strides, padding, ceilMode, countIncludePad: this.countIncludePad,
      ...(this.divisorOverride === undefined ? {} : { divisorOverride: this.divisorOverride }),
    });
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      countIncludePad: this.countIncludePad,
      ...(this.divisorOverride === undefined ? {} : { divisorOverride: this.divisorOverride }),
    };
  }
}

/**
 * A 2-D average-pooling layer: `avgPool2d({ poolSize, strides, padding, ceilMode, countIncludePad, divisorOverride })`.
 *
 * @example
 * ```ts
 * const pool = avgPool2d({ poolSize: 3, strides: 1, padding: 1, countIncludePad: false });
 * ```
 */
export function avgPool2d(options: AvgPool2DLayerOptions): AvgPool2D {
  return new AvgPool2D(options);
}

/**
 * The `avgPool2d` layer plugin.
 *
 * @example
 * ```ts
 * lookup('layer', 'avgPool2d');
 * ```
 */
export const avgPool2dLayer = /* @__PURE__ */ layerPlugin<AvgPool2DLayerOptions>('avgPool2d', (c) => new AvgPool2D(c));
