/**
 * What maxPool2d and avgPool2d share: the window options and the output-shape arithmetic
 * (PyTorch's, ceil mode included, from `computePool2DInfo` of @tensorkit/core).
 */
import { ArgumentError, computePool2DInfo } from '@tensorkit/core';
import { Layer, type LayerOptions } from '../layer';
import { boolArg, optionsOf, pairArg } from './args';

/** Options shared by the pooling layers. */
export interface PoolOptions extends LayerOptions {
  /** The window size, one number or `[kH, kW]`. Required. */
  poolSize: number | readonly [number, number];
  /** The stride; defaults to `poolSize`. */
  strides?: number | readonly [number, number];
  /** Implicit padding on both sides (at most half the window), one number or `[pH, pW]`. Default 0. */
  padding?: number | readonly [number, number];
  /** Use ceil instead of floor for the output size (PyTorch's `ceil_mode`). Default false. */
  ceilMode?: boolean;
}

/** The window of a pooling layer, checked. */
export interface Window {
  readonly poolSize: [number, number];
  readonly strides: [number, number];
  readonly padding: [number, number];
  readonly dilation: [number, number];
  readonly ceilMode: boolean;
}

/** A 2-D pooling layer over channels-last images. */
export abstract class PoolLayer extends Layer {
  /** The checked window options. */
  readonly window: Window;

  protected constructor(options: PoolOptions & { dilation?: number | readonly [number, number] }, name: string, known: readonly string[]) {
    const o = optionsOf(options, name, ['poolSize', 'strides', 'padding', 'ceilMode', 'inputShape', ...known]);
    super(o);
    if (o.poolSize === undefined) throw new ArgumentError('INVALID_ARGUMENT', `${name}: 'poolSize' is required, e.g. ${name}({ poolSize: 2 })`);
    const poolSize = pairArg(o.poolSize, 'poolSize', name);
    const padding = pairArg(o.padding ?? 0, 'padding', name, 0);
    if (padding[0] * 2 > poolSize[0] || padding[1] * 2 > poolSize[1]) {
      throw new ArgumentError('INVALID_ARGUMENT', `${name}: padding ${JSON.stringify(padding)} must be at most half the pool size ${JSON.stringify(poolSize)} (as in PyTorch)`);
    }
    this.window = {
      poolSize,
      strides: o.strides === undefined ? poolSize : pairArg(o.strides, 'strides', name),
      padding,
      dilation: pairArg(o.dilation ?? 1, 'dilation', name),
      ceilMode: boolArg(o.ceilMode ?? false, 'ceilMode', name),
    };
  }

  computeOutputShape(inputShape: readonly number[]): number[] {
    this.assertRank(inputShape, [4], '[batch, height, width, channels] (channels last)');
    const { poolSize, strides, padding: [ph, pw], dilation, ceilMode } = this.window;
    // An unknown (-1) spatial size stays unknown; a stand-in size keeps the arithmetic valid.
    const known = inputShape.map((d, i) => (d === -1 && i > 0 ? Math.max(...poolSize) * 2 : d));
    const info = computePool2DInfo([1, known[1]!, known[2]!, known[3]!], poolSize, strides, [ph, ph, pw, pw], dilation, ceilMode, this.className);
    return [inputShape[0]!, inputShape[1] === -1 ? -1 : info.outH, inputShape[2] === -1 ? -1 : info.outW, inputShape[3]!];
  }

  override getConfig(): Record<string, unknown> {
    const { poolSize, strides, padding, ceilMode } = this.window;
    return { ...super.getConfig(), poolSize: [...poolSize], strides: [...strides], padding: [...padding], ceilMode };
  }
}
