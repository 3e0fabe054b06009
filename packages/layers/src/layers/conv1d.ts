import { conv1d as conv1dOp, type Conv1DPadding, type Tensor } from '@tensorkit/tensor';
import { ConvLayer, type ConvOptions } from './conv-base';
import { layerPlugin } from './plugin';

/** Options of {@link conv1d}: as {@link ConvOptions}, with single numbers for sizes. */
export type Conv1DLayerOptions = ConvOptions;

/**
 * A 1-D convolution over channels-last sequences `[N, L, C]` with a kernel
 * `[k, inC / groups, filters]` (PyTorch's `nn.Conv1d` weight `(filters, inC / groups, k)`,
 * permuted). Create it with {@link conv1d}.
 *
 * @example
 * ```ts
 * new Conv1D({ filters: 4, kernelSize: 3 }).apply(zeros([2, 10, 8])).shape; // [2, 8, 4]
 * ```
 */
export class Conv1D extends ConvLayer {
  readonly className = 'conv1d';

  constructor(options: Conv1DLayerOptions) {
    super(options, { name: 'conv1d', rank: 1, transpose: false });
  }

  protected kernelShape(c: number): number[] {
    return [this.kernelSize[0]!, c / this.groups, this.filters];
  }

  protected fanIn(c: number): number {
    return (c / this.groups) * this.kernelSize[0]!;
  }

  protected convolve(x: Tensor, kernel: Tensor): Tensor {
    return conv1dOp(x, kernel, {
      strides: this.strides[0]!,
      padding: this.padding as Conv1DPadding,
      dilation: this.dilation[0]!,
      groups: this.groups,
    });
  }
}

/**
 * A 1-D convolution layer: `conv1d({ filters, kernelSize, strides, padding, dilation, groups, useBias, activation })`.
 *
 * @example
 * ```ts
 * const layer = conv1d({ filters: 16, kernelSize: 5, padding: 'same', inputShape: [100, 8] });
 * ```
 */
export function conv1d(options: Conv1DLayerOptions): Conv1D {
  return new Conv1D(options);
}

/**
 * The `conv1d` layer plugin.
 *
 * @example
 * ```ts
 * lookup('layer', 'conv1d');
 * ```
 */
export const conv1dLayer = /* @__PURE__ */ layerPlugin<Conv1DLayerOptions>('conv1d', (c) => new Conv1D(c));
