/**
 * What conv1d, conv2d and conv2dTranspose share: option checks, the output-shape arithmetic
 * (PyTorch's), weight creation and the bias/activation epilogue. Each layer supplies its kernel
 * layout and its tensor op.
 */
import { ArgumentError, ShapeError, formatShape } from '@tensorkit/core';
import type { Tensor, Variable } from '@tensorkit/tensor';
import { Layer, type LayerOptions } from '../layer';
import { intArg, optionsOf, pairArg } from './args';
import { KERNEL_OPTIONS, KernelSpec, type KernelOptions } from './weights';

/** Options shared by the convolution layers. */
export interface ConvOptions extends LayerOptions, KernelOptions {
  /** The number of output channels. Required. */
  filters: number;
  /** The kernel size, one number (or `[kh, kw]` in 2-D). Required. */
  kernelSize: number | readonly [number, number];
  /** The stride, one number (or `[sH, sW]` in 2-D). Default 1. */
  strides?: number | readonly [number, number];
  /** The dilation, one number (or `[dH, dW]` in 2-D). Default 1. */
  dilation?: number | readonly [number, number];
  /**
   * `'valid'` (none, the default), `'same'` (output size = input size; stride 1, except for the
   * transposed convolution where it gives input × stride), one number for every side, or per axis:
   * `[before, after]` in 1-D, `[pH, pW]` or `[[top, bottom], [left, right]]` in 2-D.
   */
  padding?: ConvPadding;
  /** Channel groups: input channels and `filters` must both divide by it. Default 1. */
  groups?: number;
}

/** The `padding` option of the convolution layers. */
export type ConvPadding = 'valid' | 'same' | number | readonly [number, number] | readonly [readonly [number, number], readonly [number, number]];

/** The option names of {@link ConvOptions}. */
export const CONV_OPTIONS = ['filters', 'kernelSize', 'strides', 'padding', 'dilation', 'groups', 'inputShape', ...KERNEL_OPTIONS] as const;

/** How one spatial axis is padded: `[before, after]`, or `'same'`. */
type AxisPads = readonly [number, number][] | 'same';

/** The layer-specific part of a convolution. */
export interface ConvKind {
  /** The registry name. */
  readonly name: string;
  /** 1 (sequences `[N, L, C]`) or 2 (images `[N, H, W, C]`). */
  readonly rank: 1 | 2;
  /** Transposed convolution (its output grows with the stride). */
  readonly transpose: boolean;
}

function readPadding(padding: unknown, kind: ConvKind, strides: readonly number[]): AxisPads {
  const { name, rank } = kind;
  if (padding === undefined || padding === 'valid') return Array.from({ length: rank }, () => [0, 0]);
  if (padding === 'same') {
    if (!kind.transpose && strides.some((s) => s !== 1)) {
      throw new ArgumentError('INVALID_ARGUMENT', `${name}: padding 'same' needs strides 1 (as in PyTorch), got ${JSON.stringify(strides)}; give the padding as numbers`);
    }
    return 'same';
  }
  const nonNeg = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
  if (nonNeg(padding)) return Array.from({ length: rank }, () => [padding, padding]);
  if (Array.isArray(padding)) {
    const [a, b] = padding as [number, number];
    if (rank === 1 && padding.length === 2 && padding.every(nonNeg)) return [[a, b]];
    if (rank === 2 && padding.length === 2 && padding.every(nonNeg)) return [[a, a], [b, b]];
    if (rank === 2 && padding.length === 2 && padding.every((p) => Array.isArray(p) && p.length === 2 && p.every(nonNeg))) {
      return (padding as [number, number][]).map(([p, q]) => [p, q]);
    }
  }
  const forms = rank === 1 ? 'a number or [before, after]' : 'a number, [pH, pW] or [[top, bottom], [left, right]]';
  throw new ArgumentError('INVALID_ARGUMENT', `${name}: 'padding' must be 'valid', 'same', ${forms} of non-negative integers, got ${JSON.stringify(padding)}`);
}

/** A convolution layer over channels-last input. */
export abstract class ConvLayer extends Layer {
  /** The number of output channels. */
  readonly filters: number;
  /** The kernel size per spatial axis. */
  readonly kernelSize: number[];
  /** The stride per spatial axis. */
  readonly strides: number[];
  /** The dilation per spatial axis. */
  readonly dilation: number[];
  /** The number of channel groups. */
  readonly groups: number;
  /** The kernel, once built. */
  kernel: Variable | undefined;
  /** The bias `[filters]`, once built (when `useBias`). */
  bias: Variable | undefined;
  protected readonly padding: ConvPadding;
  private readonly pads: AxisPads;
  private readonly spec: KernelSpec;
  private readonly kind: ConvKind;

  protected constructor(options: ConvOptions, kind: ConvKind, extraOptions: readonly string[] = []) {
    const o = optionsOf(options, kind.name, [...CONV_OPTIONS, ...extraOptions]);
    super(o);
    this.kind = kind;
    const axes = (v: unknown, option: string, dflt: number): number[] =>
      kind.rank === 1 ? [intArg(v ?? dflt, option, kind.name)] : pairArg(v ?? dflt, option, kind.name);
    this.filters = intArg(o.filters, 'filters', kind.name);
    if (o.kernelSize === undefined) throw new ArgumentError('INVALID_ARGUMENT', `${kind.name}: 'kernelSize' is required, e.g. ${kind.name}({ filters: ${this.filters}, kernelSize: 3 })`);
    this.kernelSize = axes(o.kernelSize, 'kernelSize', 1);
    this.strides = axes(o.strides, 'strides', 1);
    this.dilation = axes(o.dilation, 'dilation', 1);
    this.groups = intArg(o.groups ?? 1, 'groups', kind.name);
    if (this.filters % this.groups !== 0) {
      throw new ArgumentError('INVALID_ARGUMENT', `${kind.name}: filters ${this.filters} must divide by groups ${this.groups}`);
    }
    this.padding = o.padding ?? 'valid';
    this.pads = readPadding(o.padding, kind, this.strides);
    this.spec = new KernelSpec(o, kind.name);
  }

  /** The kernel shape for `inChannels` input channels. */
  protected abstract kernelShape(inChannels: number): number[];

  /** PyTorch's fan-in of the kernel (for the default initialization). */
  protected abstract fanIn(inChannels: number): number;

  /** Runs the convolution (without bias and activation). */
  protected abstract convolve(x: Tensor, kernel: Tensor): Tensor;

  /** The input channel count, once built. */
  inChannels: number | undefined;

  /** The output size of one spatial axis of input size `n` (`-1` stays unknown). */
  private outSize(n: number, axis: number): number {
    if (n === -1) return -1;
    const k = this.kernelSize[axis]!;
    const s = this.strides[axis]!;
    const d = this.dilation[axis]!;
    if (this.pads === 'same') return this.kind.transpose ? n * s : n;
    const [before, after] = this.pads[axis]!;
    if (this.kind.transpose) return (n - 1) * s - before - after + d * (k - 1) + this.outputPaddingOf(axis) + 1;
    return Math.floor((n + before + after - d * (k - 1) - 1) / s) + 1;
  }

  /** The transposed convolution's extra output rows/columns on one axis. */
  protected outputPaddingOf(axis: number): number {
    void axis;
    return 0;
  }

  computeOutputShape(inputShape: readonly number[]): number[] {
    const { name, rank } = this.kind;
    this.assertRank(inputShape, [rank + 2], rank === 1 ? '[batch, length, channels] (channels last)' : '[batch, height, width, channels] (channels last)');
    const c = inputShape[rank + 1]!;
    if (this.inChannels !== undefined) this.assertDim(inputShape, -1, this.inChannels, 'input channels');
    else if (c % this.groups !== 0) {
      throw new ShapeError('SHAPE_MISMATCH', `${name}: the input ${formatShape(inputShape)} has ${c} channels, which do not divide into ${this.groups} groups`);
    }
    const sizes = inputShape.slice(1, rank + 1);
    const spatial = sizes.map((n, axis) => this.outSize(n, axis));
    if (spatial.some((n, axis) => sizes[axis] !== -1 && n < 1)) {
      throw new ShapeError(
        'SHAPE_MISMATCH',
        `${name}: the input ${formatShape(inputShape)} is too small for kernel ${JSON.stringify(this.kernelSize)} with padding ${JSON.stringify(this.padding)} ` +
          `(the output would be ${JSON.stringify(spatial)}); pad it or use a smaller kernel`,
      );
    }
    return [inputShape[0]!, ...spatial, this.filters];
  }

  protected override buildWeights(inputShape: readonly number[]): void {
    const c = inputShape.at(-1)!;
    this.inChannels = c;
    this.kernel = this.addParameter('kernel', this.spec.kernel(this.kernelShape(c)));
    if (this.spec.useBias) this.bias = this.addParameter('bias', this.spec.bias([this.filters], this.fanIn(c)));
    if (this.spec.regularizer) this.addPenalty(this.kernel, this.spec.regularizer);
  }

  forward(x: Tensor): Tensor {
    return this.spec.finish(this.convolve(x, this.kernel!), this.bias);
  }

  /** Per-axis values as in the options: one number in 1-D, a pair in 2-D. */
  protected option(values: readonly number[]): number | [number, number] {
    return this.kind.rank === 1 ? values[0]! : [values[0]!, values[1]!];
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      filters: this.filters,
      kernelSize: this.option(this.kernelSize),
      strides: this.option(this.strides),
      padding: this.padding,
      dilation: this.option(this.dilation),
      groups: this.groups,
      ...this.spec.config(this.kind.name),
    };
  }
}
