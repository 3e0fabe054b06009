import { ArgumentError, ShapeError } from './errors';
import { formatShape } from './shape';

/**
 * The full geometry of a 2-D convolution (NHWC input, `[kh, kw, inC/groups, outC]` filter).
 *
 * @example
 * ```ts
 * const info = computeConv2DInfo([1, 5, 5, 3], [3, 3, 3, 8], [1, 1], [1, 1, 1, 1], [1, 1], 1, 'conv2d');
 * info.outH; // 5
 * ```
 */
export interface Conv2DInfo {
  batch: number;
  inH: number;
  inW: number;
  inC: number;
  outH: number;
  outW: number;
  outC: number;
  kh: number;
  kw: number;
  strideH: number;
  strideW: number;
  dilationH: number;
  dilationW: number;
  padTop: number;
  padBottom: number;
  padLeft: number;
  padRight: number;
  groups: number;
  /** Input channels per group. */
  inCPerGroup: number;
  /** Output channels per group. */
  outCPerGroup: number;
}

function positiveInts(values: readonly number[], what: string, op: string): void {
  if (values.some((v) => !Number.isInteger(v) || v < 1)) {
    throw new ArgumentError('INVALID_ARGUMENT', `${op}: ${what} must be positive integers, got ${JSON.stringify(values)}`);
  }
}

/**
 * Computes and checks the geometry of a 2-D convolution. `pads` is `[top, bottom, left, right]`.
 * The output size follows PyTorch: `floor((H + pads - d(k-1) - 1) / s) + 1`.
 *
 * @example
 * ```ts
 * computeConv2DInfo([2, 8, 8, 4], [3, 3, 2, 6], [2, 2], [1, 1, 1, 1], [1, 1], 2, 'conv2d').outH; // 4
 * ```
 */
export function computeConv2DInfo(
  xShape: readonly number[],
  filterShape: readonly number[],
  strides: readonly [number, number],
  pads: readonly [number, number, number, number],
  dilations: readonly [number, number],
  groups: number,
  op: string,
): Conv2DInfo {
  if (xShape.length !== 4) {
    throw new ShapeError('SHAPE_MISMATCH', `${op}: input must be rank 4 [batch, height, width, channels], got ${formatShape(xShape)}`);
  }
  if (filterShape.length !== 4) {
    throw new ShapeError('SHAPE_MISMATCH', `${op}: filter must be rank 4 [kh, kw, inC/groups, outC], got ${formatShape(filterShape)}`);
  }
  positiveInts(strides, 'strides', op);
  positiveInts(dilations, 'dilations', op);
  positiveInts([groups], 'groups', op);
  if (pads.some((p) => !Number.isInteger(p) || p < 0)) {
    throw new ArgumentError('INVALID_ARGUMENT', `${op}: padding must be non-negative integers, got ${JSON.stringify(pads)}`);
  }
  const [batch, inH, inW, inC] = xShape as [number, number, number, number];
  const [kh, kw, inCPerGroup, outC] = filterShape as [number, number, number, number];
  if (inC % groups !== 0 || outC % groups !== 0 || inC / groups !== inCPerGroup) {
    throw new ShapeError(
      'SHAPE_MISMATCH',
      `${op}: input ${formatShape(xShape)} has ${inC} channels and filter ${formatShape(filterShape)} expects ` +
        `${inCPerGroup} per group with groups=${groups}; the filter's third dim must be inC/groups and outC divisible by groups`,
    );
  }
  const [padTop, padBottom, padLeft, padRight] = pads;
  const [strideH, strideW] = strides;
  const [dilationH, dilationW] = dilations;
  const outH = Math.floor((inH + padTop + padBottom - dilationH * (kh - 1) - 1) / strideH) + 1;
  const outW = Math.floor((inW + padLeft + padRight - dilationW * (kw - 1) - 1) / strideW) + 1;
  if (outH < 1 || outW < 1) {
    throw new ShapeError(
      'SHAPE_MISMATCH',
      `${op}: the (dilated) kernel ${kh}x${kw} is larger than the padded input ${inH}x${inW}; pad the input or use a smaller kernel`,
    );
  }
  return {
    batch, inH, inW, inC, outH, outW, outC, kh, kw, strideH, strideW, dilationH, dilationW,
    padTop, padBottom, padLeft, padRight, groups, inCPerGroup, outCPerGroup: outC / groups,
  };
}

/**
 * The geometry of a 2-D pooling window over an NHWC input.
 *
 * @example
 * ```ts
 * const info = computePool2DInfo([1, 4, 4, 1], [2, 2], [2, 2], [0, 0, 0, 0], [1, 1], false, 'maxPool2d');
 * info.outH; // 2
 * ```
 */
export interface Pool2DInfo {
  batch: number;
  inH: number;
  inW: number;
  channels: number;
  outH: number;
  outW: number;
  kh: number;
  kw: number;
  strideH: number;
  strideW: number;
  dilationH: number;
  dilationW: number;
  padTop: number;
  padBottom: number;
  padLeft: number;
  padRight: number;
}

function pooledSize(size: number, padBefore: number, padAfter: number, effectiveK: number, stride: number, ceilMode: boolean): number {
  const span = size + padBefore + padAfter - effectiveK;
  let out = (ceilMode ? Math.ceil(span / stride) : Math.floor(span / stride)) + 1;
  // PyTorch drops a ceil-mode window that would start inside the right padding.
  if (ceilMode && (out - 1) * stride >= size + padBefore) out--;
  return out;
}

/**
 * Computes and checks pooling geometry. Sizes follow PyTorch, ceil mode included.
 *
 * @example
 * ```ts
 * computePool2DInfo([1, 5, 5, 2], [2, 2], [2, 2], [0, 0, 0, 0], [1, 1], true, 'maxPool2d').outH; // 3
 * ```
 */
export function computePool2DInfo(
  xShape: readonly number[],
  poolSize: readonly [number, number],
  strides: readonly [number, number],
  pads: readonly [number, number, number, number],
  dilations: readonly [number, number],
  ceilMode: boolean,
  op: string,
): Pool2DInfo {
  if (xShape.length !== 4) {
    throw new ShapeError('SHAPE_MISMATCH', `${op}: input must be rank 4 [batch, height, width, channels], got ${formatShape(xShape)}`);
  }
  positiveInts(poolSize, 'poolSize', op);
  positiveInts(strides, 'strides', op);
  positiveInts(dilations, 'dilations', op);
  const [batch, inH, inW, channels] = xShape as [number, number, number, number];
  const [kh, kw] = poolSize;
  const [padTop, padBottom, padLeft, padRight] = pads;
  if (pads.some((p) => !Number.isInteger(p) || p < 0) || padTop * 2 > kh || padLeft * 2 > kw) {
    throw new ArgumentError(
      'INVALID_ARGUMENT',
      `${op}: padding ${JSON.stringify(pads)} must be non-negative and at most half the pool size ${kh}x${kw}`,
    );
  }
  const [strideH, strideW] = strides;
  const [dilationH, dilationW] = dilations;
  const outH = pooledSize(inH, padTop, padBottom, dilationH * (kh - 1) + 1, strideH, ceilMode);
  const outW = pooledSize(inW, padLeft, padRight, dilationW * (kw - 1) + 1, strideW, ceilMode);
  if (outH < 1 || outW < 1) {
    throw new ShapeError('SHAPE_MISMATCH', `${op}: pool ${kh}x${kw} is larger than the padded input ${inH}x${inW}`);
  }
  return { batch, inH, inW, channels, outH, outW, kh, kw, strideH, strideW, dilationH, dilationW, padTop, padBottom, padLeft, padRight };
}
