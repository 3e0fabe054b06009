import {
  ArgumentError, ShapeError, computeConv2DInfo, formatShape, shapesEqual, type Conv2DAttrs, type Conv2DInfo,
} from '@tensorkit/core';
import type { TensorLike } from '../convert';
import { runKernel } from '../engine';
import type { Tensor } from '../tensor';
import { pairArg, shapeArg } from './args';
import { assertInt, assertNumeric, castTo, describe, optionsOf, reshapeShared, withOperands, type Operands } from './operands';

/**
 * Convolution padding: `'valid'` (none), `'same'` (output size = input size; stride 1 only, the
 * odd pixel on the bottom/right as in PyTorch), one number for every side, `[pH, pW]`, or
 * explicit `[[top, bottom], [left, right]]`.
 */
export type Conv2DPadding =
  | 'valid'
  | 'same'
  | number
  | readonly [number, number]
  | readonly [readonly [number, number], readonly [number, number]];

/** Options of {@link conv2d} and its backward ops. */
export interface Conv2DOptions {
  /** The stride, one number or `[sH, sW]`. Default 1. */
  strides?: number | readonly [number, number];
  /** The padding. Default `'valid'`. */
  padding?: Conv2DPadding;
  /** The dilation, one number or `[dH, dW]`. Default 1. */
  dilation?: number | readonly [number, number];
  /** The number of channel groups: input and output channels must both divide by it. Default 1. */
  groups?: number;
}

const CONV_OPTIONS = ['strides', 'padding', 'dilation', 'groups'] as const;

/** Resolves a padding option to `[top, bottom, left, right]` for kernel size `[kh, kw]`. */
function resolvePadding(
  padding: unknown,
  kernel: readonly [number, number],
  strides: readonly [number, number],
  dilations: readonly [number, number],
  op: string,
): [number, number, number, number] {
  if (padding === 'valid') return [0, 0, 0, 0];
  if (padding === 'same') {
    if (strides[0] !== 1 || strides[1] !== 1) {
      throw new ArgumentError(
        'INVALID_ARGUMENT',
        `${op}: padding 'same' needs stride 1 (as in PyTorch), got strides ${JSON.stringify(strides)}; give the padding as numbers instead`,
      );
    }
    const totalH = dilations[0] * (kernel[0] - 1);
    const totalW = dilations[1] * (kernel[1] - 1);
    const top = Math.floor(totalH / 2);
    const left = Math.floor(totalW / 2);
    return [top, totalH - top, left, totalW - left];
  }
  if (
    Array.isArray(padding) &&
    padding.length === 2 &&
    padding.every((p) => Array.isArray(p) && p.length === 2 && p.every((e) => typeof e === 'number' && Number.isInteger(e) && e >= 0))
  ) {
    const [[t, b], [l, r]] = padding as [[number, number], [number, number]];
    return [t, b, l, r];
  }
  if (typeof padding === 'number' || Array.isArray(padding)) {
    try {
      const [ph, pw] = pairArg(padding, 'padding', op, 0);
      return [ph, ph, pw, pw];
    } catch {
      // fall through to the full message
    }
  }
  throw new ArgumentError(
    'INVALID_ARGUMENT',
    `${op}: 'padding' must be 'valid', 'same', a number, [pH, pW] or [[top, bottom], [left, right]] of non-negative integers, got ${describe(padding)}`,
  );
}

interface Geometry {
  attrs: Conv2DAttrs;
}

/** Reads the shared conv options against the forward conv's input and filter shapes. */
function convGeometry(
  options: Conv2DOptions | undefined,
  xShape: readonly number[],
  filterShape: readonly number[],
  op: string,
): Geometry & { info: Conv2DInfo } {
  const { strides = 1, padding = 'valid', dilation = 1, groups = 1 } = optionsOf(options, op, CONV_OPTIONS);
  const s = pairArg(strides, 'strides', op, 1);
  const d = pairArg(dilation, 'dilation', op, 1);
  const g = assertInt(groups, 'groups', op, 1);
  const pads = resolvePadding(padding, [filterShape[0] ?? 1, filterShape[1] ?? 1], s, d, op);
  const attrs: Conv2DAttrs = { strides: s, pads, dilations: d, groups: g };
  return { attrs, info: computeConv2DInfo(xShape, filterShape, s, pads, d, g, op) };
}

/** Converts a float operand (ints promoted, bool refused). */
function floatArg(ops: Operands, x: TensorLike, name: string, op: string): Tensor {
  const t = ops.tensor(x, name);
  assertNumeric(t, op, name);
  return castTo(ops, t, 'float32');
}

/** Accepts NHWC (rank 4) or unbatched HWC (rank 3) input; returns the rank-4 view and whether to squeeze. */
function batched(ops: Operands, t: Tensor, op: string, name = 'x'): [Tensor, boolean] {
  if (t.rank === 4) return [t, false];
  if (t.rank === 3) return [ops.temp(reshapeShared(t, [1, ...t.shape])), true];
  throw new ShapeError(
    'SHAPE_MISMATCH',
    `${op}: '${name}' must be [batch, height, width, channels] or [height, width, channels] (channels last), got ${formatShape(t.shape)}`,
  );
}

function unbatch(out: Tensor, squeeze: boolean): Tensor {
  if (!squeeze) return out;
  const r = reshapeShared(out, out.shape.slice(1));
  out.dispose();
  return r;
}

function assertFilterRank(f: Tensor, op: string, layout: string): void {
  if (f.rank !== 4) {
    throw new ShapeError('SHAPE_MISMATCH', `${op}: 'filter' must be rank 4 ${layout}, got ${formatShape(f.shape)}`);
  }
}

/**
 * 2-D convolution (cross-correlation, as PyTorch's `conv2d`) over channels-last input
 * `[batch, height, width, inC]` (or unbatched `[height, width, inC]`) with a filter
 * `[kh, kw, inC / groups, outC]`. The output size is `floor((H + padding - dilation·(k-1) - 1) / stride) + 1`.
 *
 * @example
 * ```ts
 * const x = zeros([1, 5, 5, 3]);
 * conv2d(x, zeros([3, 3, 3, 8])).shape;                                   // [1, 3, 3, 8]
 * conv2d(x, zeros([3, 3, 3, 8]), { padding: 'same' }).shape;              // [1, 5, 5, 8]
 * conv2d(x, zeros([3, 3, 1, 6]), { strides: 2, padding: 1, groups: 3 }).shape; // [1, 3, 3, 6]
 * ```
 */
export function conv2d(x: TensorLike, filter: TensorLike, options?: Conv2DOptions): Tensor {
  const op = 'conv2d';
  return withOperands(op, (ops) => {
    const [t, squeeze] = batched(ops, floatArg(ops, x, 'x', op), op);
    const f = floatArg(ops, filter, 'filter', op);
    assertFilterRank(f, op, '[kh, kw, inC/groups, outC]');
    const { attrs } = convGeometry(options, t.shape, f.shape, op);
    return unbatch(runKernel('Conv2D', [t, f], attrs), squeeze);
  });
}

/** Convolution padding along one axis: `'valid'`, `'same'`, one number, or `[before, after]`. */
export type Conv1DPadding = 'valid' | 'same' | number | readonly [number, number];

/** Options of {@link conv1d}. */
export interface Conv1DOptions {
  /** The stride. Default 1. */
  strides?: number;
  /** The padding: `'valid'`, `'same'` (stride 1 only), a number for both ends, or `[before, after]`. Default `'valid'`. */
  padding?: Conv1DPadding;
  /** The dilation. Default 1. */
  dilation?: number;
  /** The number of channel groups. Default 1. */
  groups?: number;
}

/**
 * 1-D convolution over channels-last input `[batch, length, inC]` (or `[length, inC]`) with a
 * filter `[k, inC / groups, outC]`; the same arithmetic as {@link conv2d} with height 1.
 *
 * @example
 * ```ts
 * conv1d(zeros([2, 10, 4]), zeros([3, 4, 8])).shape;                       // [2, 8, 8]
 * conv1d(zeros([2, 10, 4]), zeros([3, 4, 8]), { padding: 'same' }).shape;  // [2, 10, 8]
 * ```
 */
export function conv1d(x: TensorLike, filter: TensorLike, options?: Conv1DOptions): Tensor {
  const op = 'conv1d';
  return withOperands(op, (ops) => {
    let t = floatArg(ops, x, 'x', op);
    const f = floatArg(ops, filter, 'filter', op);
    const { strides = 1, padding = 'valid', dilation = 1, groups = 1 } = optionsOf(options, op, CONV_OPTIONS);
    const squeeze = t.rank === 2;
    if (squeeze) t = ops.temp(reshapeShared(t, [1, ...t.shape]));
    if (t.rank !== 3) {
      throw new ShapeError('SHAPE_MISMATCH', `${op}: 'x' must be [batch, length, channels] or [length, channels] (channels last), got ${formatShape(t.shape)}`);
    }
    if (f.rank !== 3) {
      throw new ShapeError('SHAPE_MISMATCH', `${op}: 'filter' must be rank 3 [k, inC/groups, outC], got ${formatShape(f.shape)}`);
    }
    const s = assertInt(strides, 'strides', op, 1);
    const d = assertInt(dilation, 'dilation', op, 1);
    let pad2: Conv2DPadding;
    if (padding === 'valid' || padding === 'same') pad2 = padding;
    else if (typeof padding === 'number') pad2 = [0, assertInt(padding, 'padding', op, 0)];
    else if (Array.isArray(padding) && padding.length === 2 && padding.every((p) => Number.isInteger(p) && p >= 0)) {
      pad2 = [[0, 0], [padding[0], padding[1]]];
    } else {
      throw new ArgumentError(
        'INVALID_ARGUMENT',
        `${op}: 'padding' must be 'valid', 'same', a number or [before, after] of non-negative integers, got ${describe(padding)}`,
      );
    }
    const [n, len, c] = t.shape as [number, number, number];
    const [k, ci, co] = f.shape as [number, number, number];
    const x4 = ops.temp(reshapeShared(t, [n, 1, len, c]));
    const f4 = ops.temp(reshapeShared(f, [1, k, ci, co]));
    const { attrs, info } = convGeometry({ strides: [1, s], padding: pad2, dilation: [1, d], groups }, x4.shape, f4.shape, op);
    const out = runKernel('Conv2D', [x4, f4], attrs);
    const r = reshapeShared(out, squeeze ? [info.outW, co] : [n, info.outW, co]);
    out.dispose();
    return r;
  });
}

/**
 * The gradient of {@link conv2d} with respect to its input, as a tensor op of its own (used by
 * gradients, and differentiable again): given `dy` of conv2d's output shape, returns a tensor of
 * `inputShape` (`[batch, H, W, inC]`). The options are those of the forward conv2d.
 *
 * @example
 * ```ts
 * conv2dBackpropInput(ones([1, 3, 3, 8]), ones([3, 3, 2, 8]), [1, 5, 5, 2]).shape; // [1, 5, 5, 2]
 * ```
 */
export function conv2dBackpropInput(
  dy: TensorLike,
  filter: TensorLike,
  inputShape: readonly number[],
  options?: Conv2DOptions,
): Tensor {
  const op = 'conv2dBackpropInput';
  return withOperands(op, (ops) => {
    const g = floatArg(ops, dy, 'dy', op);
    const f = floatArg(ops, filter, 'filter', op);
    assertFilterRank(f, op, '[kh, kw, inC/groups, outC]');
    const shape = shapeArg(inputShape, op, 'inputShape');
    const { attrs, info } = convGeometry(options, shape, f.shape, op);
    const expected = [info.batch, info.outH, info.outW, info.outC];
    if (!shapesEqual(g.shape, expected)) {
      throw new ShapeError(
        'SHAPE_MISMATCH',
        `${op}: dy ${formatShape(g.shape)} must be conv2d's output shape ${formatShape(expected)} for input ${formatShape(shape)} and filter ${formatShape(f.shape)}`,
      );
    }
    return runKernel('Conv2DBackpropInput', [g, f], { ...attrs, inputShape: shape });
  });
}

/**
 * The gradient of {@link conv2d} with respect to its filter, as a tensor op of its own: given the
 * forward input `x` and `dy`, returns a tensor of `filterShape` (`[kh, kw, inC/groups, outC]`).
 *
 * @example
 * ```ts
 * conv2dBackpropFilter(ones([1, 5, 5, 2]), ones([1, 3, 3, 8]), [3, 3, 2, 8]).shape; // [3, 3, 2, 8]
 * ```
 */
export function conv2dBackpropFilter(
  x: TensorLike,
  dy: TensorLike,
  filterShape: readonly number[],
  options?: Conv2DOptions,
): Tensor {
  const op = 'conv2dBackpropFilter';
  return withOperands(op, (ops) => {
    const t = floatArg(ops, x, 'x', op);
    const g = floatArg(ops, dy, 'dy', op);
    const shape = shapeArg(filterShape, op, 'filterShape');
    if (t.rank !== 4) throw new ShapeError('SHAPE_MISMATCH', `${op}: 'x' must be rank 4 [batch, height, width, channels], got ${formatShape(t.shape)}`);
    const { attrs, info } = convGeometry(options, t.shape, shape, op);
    const expected = [info.batch, info.outH, info.outW, info.outC];
    if (!shapesEqual(g.shape, expected)) {
      throw new ShapeError(
        'SHAPE_MISMATCH',
        `${op}: dy ${formatShape(g.shape)} must be conv2d's output shape ${formatShape(expected)} for input ${formatShape(t.shape)} and filter ${formatShape(shape)}`,
      );
    }
    return runKernel('Conv2DBackpropFilter', [t, g], { ...attrs, filterShape: shape });
  });
}

/** Options of {@link conv2dTranspose}. */
export interface Conv2DTransposeOptions extends Conv2DOptions {
  /** Extra rows/columns added to the bottom/right of the output (less than the stride). Default 0. */
  outputPadding?: number | readonly [number, number];
}

/**
 * Transposed 2-D convolution (PyTorch's `conv_transpose2d`): the adjoint of {@link conv2d} with
 * the same strides, padding, dilation and groups. Input `[batch, H, W, inC]` (or unbatched),
 * filter `[kh, kw, outC / groups, inC]` (TensorFlow.js layout). The output size is
 * `(H - 1)·stride - padTop - padBottom + dilation·(k - 1) + outputPadding + 1`; `'same'` gives
 * `H·stride`.
 *
 * @example
 * ```ts
 * conv2dTranspose(zeros([1, 4, 4, 8]), zeros([3, 3, 2, 8])).shape;                          // [1, 6, 6, 2]
 * conv2dTranspose(zeros([1, 4, 4, 8]), zeros([3, 3, 2, 8]), { strides: 2, padding: 1, outputPadding: 1 }).shape; // [1, 8, 8, 2]
 * ```
 */
export function conv2dTranspose(x: TensorLike, filter: TensorLike, options?: Conv2DTransposeOptions): Tensor {
  const op = 'conv2dTranspose';
  return withOperands(op, (ops) => {
    const [t, squeeze] = batched(ops, floatArg(ops, x, 'x', op), op);
    const f = floatArg(ops, filter, 'filter', op);
    assertFilterRank(f, op, '[kh, kw, outC/groups, inC]');
    const { strides = 1, padding = 'valid', dilation = 1, groups = 1, outputPadding = 0 } = optionsOf(options, op, [
      ...CONV_OPTIONS,
      'outputPadding',
    ]);
    const s = pairArg(strides, 'strides', op, 1);
    const d = pairArg(dilation, 'dilation', op, 1);
    const g = assertInt(groups, 'groups', op, 1);
    const op2 = pairArg(outputPadding, 'outputPadding', op, 0);
    const [n, h, w, inC] = t.shape as [number, number, number, number];
    const [kh, kw, outCPerGroup, filterInC] = f.shape as [number, number, number, number];
    if (filterInC !== inC || inC % g !== 0) {
      throw new ShapeError(
        'SHAPE_MISMATCH',
        `${op}: input ${formatShape(t.shape)} has ${inC} channels but filter ${formatShape(f.shape)} [kh, kw, outC/groups, inC] expects ${filterInC}` +
          (inC % g !== 0 ? ` (and ${inC} channels do not divide into ${g} groups)` : '') +
          '; the filter\'s last dim must equal the input channels',
      );
    }
    if (op2[0] >= Math.max(s[0], d[0]) || op2[1] >= Math.max(s[1], d[1])) {
      throw new ArgumentError(
        'INVALID_ARGUMENT',
        `${op}: outputPadding ${JSON.stringify(op2)} must be smaller than the stride or the dilation (strides ${JSON.stringify(s)}, dilation ${JSON.stringify(d)})`,
      );
    }
    const k: [number, number] = [kh, kw];
    let pads: [number, number, number, number];
    let outH: number;
    let outW: number;
    if (padding === 'same') {
      // TensorFlow's rule: output = input * stride, the forward conv's padding split low-first.
      if (op2[0] !== 0 || op2[1] !== 0) {
        throw new ArgumentError('INVALID_ARGUMENT', `${op}: outputPadding cannot be combined with padding 'same'; give the padding as numbers`);
      }
      const total = [0, 1].map((i) => Math.max(d[i]! * (k[i]! - 1) + 1 - s[i]!, 0)) as [number, number];
      pads = [Math.floor(total[0] / 2), total[0] - Math.floor(total[0] / 2), Math.floor(total[1] / 2), total[1] - Math.floor(total[1] / 2)];
      outH = h * s[0];
      outW = w * s[1];
    } else {
      pads = resolvePadding(padding, k, [1, 1], d, op);
      outH = (h - 1) * s[0] - pads[0] - pads[1] + d[0] * (kh - 1) + op2[0] + 1;
      outW = (w - 1) * s[1] - pads[2] - pads[3] + d[1] * (kw - 1) + op2[1] + 1;
    }
    if (outH < 1 || outW < 1) {
      throw new ShapeError(
        'SHAPE_MISMATCH',
        `${op}: the output would be ${outH}x${outW} for input ${formatShape(t.shape)}, filter ${formatShape(f.shape)} and padding ${JSON.stringify(pads)}; reduce the padding`,
      );
    }
    // The forward conv2d whose adjoint this is maps [n, outH, outW, outC] to x's shape. Its bottom
    // padding absorbs outputPadding; rows beyond what the kernel can reach stay zero and are
    // appended afterwards (only when outputPadding exceeds the bottom padding and the stride).
    const extra = [0, 1].map((i) => {
      const p = pads[i * 2 + 1]!;
      const o = op2[i]!;
      return p - o + (o % s[i]!) >= 0 ? 0 : o - p;
    }) as [number, number];
    const coreH = outH - extra[0];
    const coreW = outW - extra[1];
    const fwdPads: [number, number, number, number] = [
      pads[0], pads[1] - (op2[0] - extra[0]) + ((op2[0] - extra[0]) % s[0]),
      pads[2], pads[3] - (op2[1] - extra[1]) + ((op2[1] - extra[1]) % s[1]),
    ];
    const inputShape = [n, coreH, coreW, outCPerGroup * g];
    const info = computeConv2DInfo(inputShape, f.shape, s, fwdPads, d, g, op);
    if (info.outH !== h || info.outW !== w) {
      throw new ShapeError('SHAPE_MISMATCH', `${op}: internal geometry error for input ${formatShape(t.shape)} and filter ${formatShape(f.shape)}`);
    }
    let out = runKernel('Conv2DBackpropInput', [t, f], { strides: s, pads: fwdPads, dilations: d, groups: g, inputShape });
    if (extra[0] > 0 || extra[1] > 0) {
      const padded = runKernel('Pad', [out], { paddings: [[0, 0], [0, extra[0]], [0, extra[1]], [0, 0]], constantValue: 0 });
      out.dispose();
      out = padded;
    }
    return unbatch(out, squeeze);
  });
}
