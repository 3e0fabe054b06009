import {
  ArgumentError, ShapeError, computePool2DInfo, formatShape, shapesEqual, type AvgPool2DAttrs, type Pool2DAttrs, type Pool2DInfo,
} from '@tensorkit/core';
import type { TensorLike } from '../convert';
import { runKernel } from '../engine';
import type { Tensor } from '../tensor';
import { pairArg, shapeArg } from './args';
import { assertBool, assertInt, assertNumeric, castTo, optionsOf, reshapeShared, withOperands, type Operands } from './operands';

/** Options of {@link maxPool2d} and {@link maxPool2dGrad}. */
export interface MaxPool2DOptions {
  /** The window size, one number or `[kH, kW]`. Required. */
  poolSize: number | readonly [number, number];
  /** The stride; defaults to `poolSize`. */
  strides?: number | readonly [number, number];
  /** Implicit padding on both sides (at most half the window), one number or `[pH, pW]`. Default 0. */
  padding?: number | readonly [number, number];
  /** The spacing of window elements. Default 1. */
  dilation?: number | readonly [number, number];
  /** Use ceil instead of floor for the output size (PyTorch's `ceil_mode`). Default false. */
  ceilMode?: boolean;
}

/** Options of {@link avgPool2d} and {@link avgPool2dGrad}. */
export interface AvgPool2DOptions {
  /** The window size, one number or `[kH, kW]`. Required. */
  poolSize: number | readonly [number, number];
  /** The stride; defaults to `poolSize`. */
  strides?: number | readonly [number, number];
  /** Implicit zero padding on both sides (at most half the window). Default 0. */
  padding?: number | readonly [number, number];
  /** Use ceil instead of floor for the output size. Default false. */
  ceilMode?: boolean;
  /** Count padded zeros in the divisor (PyTorch's default). Default true. */
  countIncludePad?: boolean;
  /** Divide every window by this positive integer instead. */
  divisorOverride?: number;
}

const POOL_OPTIONS = ['poolSize', 'strides', 'padding', 'ceilMode'] as const;
const AVG_ONLY_OPTIONS = ['countIncludePad', 'divisorOverride'] as const;

function poolAttrs(
  options: MaxPool2DOptions | AvgPool2DOptions | undefined,
  op: string,
  known: readonly string[] = [...POOL_OPTIONS, 'dilation'],
): Pool2DAttrs {
  const opts = optionsOf(options, op, known) as Partial<MaxPool2DOptions>;
  if (opts.poolSize === undefined) {
    throw new ArgumentError('INVALID_ARGUMENT', `${op}: 'poolSize' is required, e.g. ${op}(x, { poolSize: 2 })`);
  }
  const poolSize = pairArg(opts.poolSize, 'poolSize', op, 1);
  const strides = opts.strides === undefined ? poolSize : pairArg(opts.strides, 'strides', op, 1);
  const [ph, pw] = pairArg(opts.padding ?? 0, 'padding', op, 0);
  const dilations = pairArg(opts.dilation ?? 1, 'dilation', op, 1);
  const ceilMode = opts.ceilMode === undefined ? false : assertBool(opts.ceilMode, 'ceilMode', op);
  return { poolSize, strides, pads: [ph, ph, pw, pw], dilations, ceilMode };
}

function avgAttrs(options: AvgPool2DOptions | undefined, op: string): AvgPool2DAttrs {
  const known = [...POOL_OPTIONS, ...AVG_ONLY_OPTIONS, 'dilation'];
  const opts = optionsOf(options, op, known);
  if ('dilation' in opts) {
    throw new ArgumentError('INVALID_ARGUMENT', `${op}: average pooling has no 'dilation' (as in PyTorch); remove it`);
  }
  const base = poolAttrs(opts, op, known);
  const countIncludePad = opts.countIncludePad === undefined ? true : assertBool(opts.countIncludePad, 'countIncludePad', op);
  const divisorOverride = opts.divisorOverride === undefined ? 0 : assertInt(opts.divisorOverride, 'divisorOverride', op, 1);
  return { ...base, countIncludePad, divisorOverride };
}

function info(shape: readonly number[], a: Pool2DAttrs, op: string): Pool2DInfo {
  return computePool2DInfo(shape, a.poolSize, a.strides, a.pads, a.dilations, a.ceilMode, op);
}

function floatInput(ops: Operands, x: TensorLike, name: string, op: string): Tensor {
  const t = ops.tensor(x, name);
  assertNumeric(t, op, name);
  return castTo(ops, t, 'float32');
}

/** Runs a pool over NHWC or unbatched HWC input. */
function pool(op: string, x: TensorLike, run: (t: Tensor) => Tensor): Tensor {
  return withOperands(op, (ops) => {
    let t = floatInput(ops, x, 'x', op);
    const squeeze = t.rank === 3;
    if (squeeze) t = ops.temp(reshapeShared(t, [1, ...t.shape]));
    if (t.rank !== 4) {
      throw new ShapeError(
        'SHAPE_MISMATCH',
        `${op}: 'x' must be [batch, height, width, channels] or [height, width, channels] (channels last), got ${formatShape(t.shape)}`,
      );
    }
    const out = run(t);
    if (!squeeze) return out;
    const r = reshapeShared(out, out.shape.slice(1));
    out.dispose();
    return r;
  });
}

/**
 * 2-D max pooling over channels-last input `[batch, H, W, C]` (or `[H, W, C]`), as PyTorch's
 * `max_pool2d`: padding counts as -Infinity, and `ceilMode` drops a last window that would start
 * in the right padding.
 *
 * @example
 * ```ts
 * maxPool2d(tensor([1, 2, 3, 4], [1, 2, 2, 1]), { poolSize: 2 }); // [[[[4]]]]
 * maxPool2d(zeros([1, 5, 5, 3]), { poolSize: 2, ceilMode: true }).shape; // [1, 3, 3, 3]
 * ```
 */
export function maxPool2d(x: TensorLike, options: MaxPool2DOptions): Tensor {
  const op = 'maxPool2d';
  return pool(op, x, (t) => {
    const attrs = poolAttrs(options, op);
    info(t.shape, attrs, op);
    return runKernel('MaxPool2D', [t], attrs);
  });
}

/**
 * 2-D average pooling (PyTorch's `avg_pool2d`): zero padding; the divisor counts the padding
 * unless `countIncludePad` is false, and `divisorOverride` replaces it.
 *
 * @example
 * ```ts
 * avgPool2d(tensor([1, 2, 3, 4], [1, 2, 2, 1]), { poolSize: 2 }); // [[[[2.5]]]]
 * avgPool2d(zeros([1, 4, 4, 1]), { poolSize: 3, strides: 1, padding: 1 }).shape; // [1, 4, 4, 1]
 * ```
 */
export function avgPool2d(x: TensorLike, options: AvgPool2DOptions): Tensor {
  const op = 'avgPool2d';
  return pool(op, x, (t) => {
    const attrs = avgAttrs(options, op);
    info(t.shape, attrs, op);
    return runKernel('AvgPool2D', [t], attrs);
  });
}

function assertDy(dy: Tensor, i: Pool2DInfo, inputShape: readonly number[], op: string): void {
  const expected = [i.batch, i.outH, i.outW, i.channels];
  if (!shapesEqual(dy.shape, expected)) {
    throw new ShapeError(
      'SHAPE_MISMATCH',
      `${op}: dy ${formatShape(dy.shape)} must be the pool's output shape ${formatShape(expected)} for input ${formatShape(inputShape)}`,
    );
  }
}

/**
 * The gradient of {@link maxPool2d} (used by gradients, and differentiable again): routes each
 * entry of `dy` to the max position of its window in `x`, accumulating over overlapping windows.
 * Takes the forward options.
 *
 * @example
 * ```ts
 * maxPool2dGrad(ones([1, 1, 1, 1]), tensor([1, 2, 3, 4], [1, 2, 2, 1]), { poolSize: 2 }); // [0, 0, 0, 1] as [1, 2, 2, 1]
 * ```
 */
export function maxPool2dGrad(dy: TensorLike, x: TensorLike, options: MaxPool2DOptions): Tensor {
  const op = 'maxPool2dGrad';
  return withOperands(op, (ops) => {
    const g = floatInput(ops, dy, 'dy', op);
    const t = floatInput(ops, x, 'x', op);
    const attrs = poolAttrs(options, op);
    assertDy(g, info(t.shape, attrs, op), t.shape, op);
    return runKernel('MaxPool2DGrad', [g, t], attrs);
  });
}

/**
 * The gradient of {@link avgPool2d}: spreads each entry of `dy` over its window (divided by that
 * window's divisor) into a tensor of `inputShape`. Takes the forward options.
 *
 * @example
 * ```ts
 * avgPool2dGrad(ones([1, 1, 1, 1]), [1, 2, 2, 1], { poolSize: 2 }); // all 0.25
 * ```
 */
export function avgPool2dGrad(dy: TensorLike, inputShape: readonly number[], options: AvgPool2DOptions): Tensor {
  const op = 'avgPool2dGrad';
  return withOperands(op, (ops) => {
    const g = floatInput(ops, dy, 'dy', op);
    const shape = shapeArg(inputShape, op, 'inputShape');
    const attrs = avgAttrs(options, op);
    assertDy(g, info(shape, attrs, op), shape, op);
    return runKernel('AvgPool2DGrad', [g], { ...attrs, inputShape: shape });
  });
}

