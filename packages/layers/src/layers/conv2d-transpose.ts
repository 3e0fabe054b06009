import { conv2dTranspose as conv2dTransposeOp, type Conv2DPadding, type Tensor } from '@tensorkit/tensor';
import { ArgumentError } from '@tensorkit/core';
import { pairArg } from './args';
import { ConvLayer, type ConvOptions } from './conv-base';
import { layerPlugin } from './plugin';

/** Options of {@link conv2dTranspose}. */
export interface Conv2DTransposeLayerOptions extends ConvOptions {
  /** Extra rows/columns at the bottom/right of the output, smaller than the stride or the dilation. Default 0. */
  outputPadding?: number | readonly [number, number];
}

/**
 * A transposed 2-D convolution (PyTorch's `nn.ConvTranspose2d`) over channels-last images, with
 * a kernel `[kh, kw, filters / groups, inC]` (tfjs's layout; PyTorch's weight is
 * `(inC, filters / groups, kh, kw)`). The output size is
 * `(H - 1)·stride - padding + dilation·(k - 1) + outputPadding + 1`. Create it with {@link conv2dTranspose}.
 *
 * @example
 * ```ts
 * new Conv2DTranspose({ filters: 2, kernelSize: 3, strides: 2, padding: 1, outputPadding: 1 }).apply(zeros([1, 4, 4, 8])).shape; // [1, 8, 8, 2]
 * ```
 */
export class Conv2DTranspose extends ConvLayer {
  readonly className = 'conv2dTranspose';
  /** The extra output rows and columns. */
  readonly outputPadding: [number, number];

  constructor(options: Conv2DTransposeLayerOptions) {
    super(options, { name: 'conv2dTranspose', rank: 2, transpose: true }, ['outputPadding']);
    this.outputPadding = pairArg(options.outputPadding ?? 0, 'outputPadding', 'conv2dTranspose', 0);
    this.outputPadding.forEach((p, i) => {
      if (p >= Math.max(this.strides[i]!, this.dilation[i]!)) {
        throw new ArgumentError(
          'INVALID_ARGUMENT',
          `conv2dTranspose: outputPadding ${JSON.stringify(this.outputPadding)} must be smaller than the stride or the dilation (strides ${JSON.stringify(this.strides)})`,
        );
      }
    });
  }

  protected override outputPaddingOf(axis: number): number {
    return this.outputPadding[axis]!;
  }

  protected kernelShape(c: number): number[] {
    return [this.kernelSize[0]!, this.kernelSize[1]!, this.filters / this.groups, c];
  }

  protected fanIn(): number {
    // PyTorch's fan-in of a ConvTranspose2d weight (inC, outC / groups, kh, kw) is outC / groups · kh · kw.
    return (this.filters / this.groups) * this.kernelSize[0]! * this.kernelSize[1]!;
  }

  protected convolve(x: Tensor, kernel: Tensor): Tensor {
    return conv2dTransposeOp(x, kernel, {
      strides: this.option(this.strides) as [number, number],
      padding: this.padding as Conv2DPadding,
      dilation: this.option(this.dilation) as [number, number],
      groups: this.groups,
      outputPadding: this.outputPadding,
    });
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), outputPadding: [...this.outputPadding] };
  }
}

/**
 * A transposed 2-D convolution layer (upsampling): `conv2dTranspose({ filters, kernelSize, strides, padding, outputPadding, dilation, groups })`.
 *
 * @example
 * ```ts
 * const up = conv2dTranspose({ filters: 16, kernelSize: 2, strides: 2 }); // doubles H and W
 * ```
 */
export function conv2dTranspose(options: Conv2DTransposeLayerOptions): Conv2DTranspose {
  return new Conv2DTranspose(options);
}

/**
 * The `conv2dTranspose` layer plugin.
 *
 * @example
 * ```ts
 * lookup('layer', 'conv2dTranspose');
 * ```
 */
export const conv2dTransposeLayer = /* @__PURE__ */ layerPlugin<Conv2DTransposeLayerOptions>('conv2dTranspose', (c) => new Conv2DTranspose(c));
