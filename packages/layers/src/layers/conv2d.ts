import { conv2d as conv2dOp, type Conv2DPadding, type Tensor } from '@tensorkit/tensor';
import { ConvLayer, type ConvOptions } from './conv-base';
import { layerPlugin } from './plugin';

/** Options of {@link conv2d}. */
export type Conv2DLayerOptions = ConvOptions;

/**
 * A 2-D convolution over channels-last images `[N, H, W, C]` with a kernel
 * `[kh, kw, inC / groups, filters]` (PyTorch's `nn.Conv2d` weight `(filters, inC / groups, kh, kw)`,
 * permuted). Create it with {@link conv2d}.
 *
 * @example
 * ```ts
 * new Conv2D({ filters: 8, kernelSize: 3 }).apply(zeros([1, 28, 28, 1])).shape; // [1, 26, 26, 8]
 * ```
 */
export class Conv2D extends ConvLayer {
  readonly className = 'conv2d';

  constructor(options: Conv2DLayerOptions) {
    super(options, { name: 'conv2d', rank: 2, transpose: false });
  }

  protected kernelShape(c: number): number[] {
    return [this.kernelSize[0]!, this.kernelSize[1]!, c / this.groups, this.filters];
  }

  protected fanIn(c: number): number {
    return (c / this.groups) * this.kernelSize[0]! * this.kernelSize[1]!;
  }

  protected convolve(x: Tensor, kernel: Tensor): Tensor {
    return conv2dOp(x, kernel, {
      strides: this.option(this.strides) as [number, number],
      padding: this.padding as Conv2DPadding,
      dilation: this.option(this.dilation) as [number, number],
      groups: this.groups,
    });
  }
}

/**
 * A 2-D convolution layer: `conv2d({ filters, kernelSize, strides, padding, dilation, groups, useBias, activation })`.
 *
 * @example
 * ```ts
 * const model = new Sequential([conv2d({ filters: 16, kernelSize: 3, padding: 'same', activation: 'relu', inputShape: [28, 28, 1] })]);
 * ```
 */
export function conv2d(options: Conv2DLayerOptions): Conv2D {
  return new Conv2D(options);
}

/**
 * The `conv2d` layer plugin.
 *
 * @example
 * ```ts
 * lookup('layer', 'conv2d');
 * ```
 */
export const conv2dLayer = /* @__PURE__ */ layerPlugin<Conv2DLayerOptions>('conv2d', (c) => new Conv2D(c));
