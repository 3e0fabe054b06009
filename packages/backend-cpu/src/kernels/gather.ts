import {
  ArgumentError,
  DTypeError,
  ShapeError,
  allocValues,
  computeStrides,
  formatShape,
  normalizeAxis,
  sizeFromShape,
  type BackendValues,
  type DType,
  type TensorInfo,
} from '@tensorkit/core';
import type { CpuBackend } from '../backend';
import { defineCpuKernel, inputAt } from '../util';

function indexValues(indices: TensorInfo, backend: CpuBackend, kernel: string): BackendValues {
  if (indices.dtype !== 'int32') {
    throw new DTypeError('DTYPE_MISMATCH', `${kernel} (cpu): indices must be int32, got ${indices.dtype}; cast them first`);
  }
  return backend.values(indices);
}

function outOfRange(kernel: string, index: number, axis: number, size: number): ArgumentError {
  return new ArgumentError(
    'INVALID_ARGUMENT',
    `${kernel} (cpu): index ${index} is out of range for axis ${axis} of size ${size}; valid indices are in [0, ${size - 1}]`,
  );
}

/**
 * The offsets (in `x`) of the rows that `Gather` reads: row `o*I + j` of the output is the
 * `inner`-long row of `x` at `(o*N + indices[j]) * inner`. Every index is checked here.
 */
function gatherOffsets(
  kernel: string,
  xShape: readonly number[],
  axis: number,
  idx: BackendValues,
): { offsets: Int32Array; inner: number } {
  const n = xShape[axis]!;
  const outer = sizeFromShape(xShape.slice(0, axis));
  const inner = sizeFromShape(xShape.slice(axis + 1));
  const count = idx.length;
  const offsets = new Int32Array(outer * count);
  for (let j = 0; j < count; j++) {
    const k = idx[j]!;
    if (k < 0 || k >= n) throw outOfRange(kernel, k, axis, n);
  }
  for (let o = 0, r = 0; o < outer; o++) {
    for (let j = 0; j < count; j++) offsets[r++] = (o * n + idx[j]!) * inner;
  }
  return { offsets, inner };
}

/**
 * The offsets (in `x`) that `TakeAlongAxis` reads, one per index element (`inner` is 1).
 * `indices` may be smaller than `x` on the other axes, like `torch.gather`.
 */
function takeAlongOffsets(
  kernel: string,
  xShape: readonly number[],
  indShape: readonly number[],
  axis: number,
  idx: BackendValues,
): { offsets: Int32Array; inner: number } {
  const rank = xShape.length;
  if (indShape.length !== rank || indShape.some((d, i) => i !== axis && d > xShape[i]!)) {
    throw new ShapeError(
      'SHAPE_MISMATCH',
      `${kernel} (cpu): indices ${formatShape(indShape)} must have the rank of x ${formatShape(xShape)} and be no larger on axes other than ${axis}`,
    );
  }
  const offsets = new Int32Array(idx.length);
  if (idx.length === 0) return { offsets, inner: 1 };
  const strides = computeStrides(xShape);
  const n = xShape[axis]!;
  const axisStride = strides[axis]!;
  const coord = new Int32Array(rank);
  let base = 0; // offset of the current position, without the axis component
  for (let p = 0; p < idx.length; p++) {
    const k = idx[p]!;
    if (k < 0 || k >= n) throw outOfRange(kernel, k, axis, n);
    offsets[p] = base + k * axisStride;
    for (let ax = rank - 1; ax >= 0; ax--) {
      if (ax !== axis) base += strides[ax]!;
      if (++coord[ax]! < indShape[ax]!) break;
      coord[ax] = 0;
      if (ax !== axis) base -= strides[ax]! * indShape[ax]!;
    }
  }
  return { offsets, inner: 1 };
}

/** `out` row `r` = the `inner` values of `src` at `offsets[r]`. */
function gatherRows(src: BackendValues, offsets: Int32Array, inner: number, dtype: DType): BackendValues {
  const out = allocValues(dtype, offsets.length * inner);
  for (let r = 0, o = 0; r < offsets.length; r++) {
    for (let i = 0, s = offsets[r]!; i < inner; i++) out[o++] = src[s + i]!;
  }
  return out;
}

/** The adjoint of {@link gatherRows}: adds row `r` of `src` into `out` at `offsets[r]`. */
function scatterAddRows(src: BackendValues, offsets: Int32Array, inner: number, out: BackendValues): void {
  for (let r = 0, o = 0; r < offsets.length; r++) {
    for (let i = 0, d = offsets[r]!; i < inner; i++) out[d + i] = out[d + i]! + src[o++]!;
  }
}

function checkGradShape(kernel: string, dy: TensorInfo, expected: readonly number[]): void {
  if (dy.shape.length !== expected.length || dy.shape.some((d, i) => d !== expected[i])) {
    throw new ShapeError('SHAPE_MISMATCH', `${kernel} (cpu): dy has shape ${formatShape(dy.shape)}, expected ${formatShape(expected)}`);
  }
}

/**
 * Selects entries along `axis` by an int32 index tensor of any rank; output shape
 * `x.shape[:axis] + indices.shape + x.shape[axis+1:]`.
 *
 * @example
 * ```ts
 * runKernel('Gather', [x, indices], { axis: 0 });
 * ```
 */
export const gatherCpu = defineCpuKernel('Gather', ({ inputs, attrs, backend }) => {
  const x = inputAt(inputs, 0, 'Gather');
  const indices = inputAt(inputs, 1, 'Gather');
  const axis = normalizeAxis(attrs.axis, x.shape.length, 'Gather');
  const { offsets, inner } = gatherOffsets('Gather', x.shape, axis, indexValues(indices, backend, 'Gather'));
  const shape = [...x.shape.slice(0, axis), ...indices.shape, ...x.shape.slice(axis + 1)];
  return backend.makeOutput(gatherRows(backend.values(x), offsets, inner, x.dtype), shape, x.dtype);
});

/**
 * The adjoint of `Gather`: scatter-adds `dy` into zeros of `shape` (repeated indices accumulate).
 *
 * @example
 * ```ts
 * runKernel('GatherGrad', [indices, dy], { axis: 0, shape: [5, 3] });
 * ```
 */
export const gatherGradCpu = defineCpuKernel('GatherGrad', ({ inputs, attrs, backend }) => {
  const indices = inputAt(inputs, 0, 'GatherGrad');
  const dy = inputAt(inputs, 1, 'GatherGrad');
  const { shape } = attrs;
  const axis = normalizeAxis(attrs.axis, shape.length, 'GatherGrad');
  checkGradShape('GatherGrad', dy, [...shape.slice(0, axis), ...indices.shape, ...shape.slice(axis + 1)]);
  const { offsets, inner } = gatherOffsets('GatherGrad', shape, axis, indexValues(indices, backend, 'GatherGrad'));
  const out = allocValues(dy.dtype, sizeFromShape(shape));
  scatterAddRows(backend.values(dy), offsets, inner, out);
  return backend.makeOutput(out, shape, dy.dtype);
});

/**
 * `torch.gather`: `out[..., j, ...] = x[..., indices[..., j, ...], ...]` along `axis`; output shape is
 * `indices.shape`.
 *
 * @example
 * ```ts
 * runKernel('TakeAlongAxis', [x, indices], { axis: 1 });
 * ```
 */
export const takeAlongAxisCpu = defineCpuKernel('TakeAlongAxis', ({ inputs, attrs, backend }) => {
  const x = inputAt(inputs, 0, 'TakeAlongAxis');
  const indices = inputAt(inputs, 1, 'TakeAlongAxis');
  const axis = normalizeAxis(attrs.axis, x.shape.length, 'TakeAlongAxis');
  const idx = indexValues(indices, backend, 'TakeAlongAxis');
  const { offsets, inner } = takeAlongOffsets('TakeAlongAxis', x.shape, indices.shape, axis, idx);
  return backend.makeOutput(gatherRows(backend.values(x), offsets, inner, x.dtype), indices.shape, x.dtype);
});

/**
 * The adjoint of `TakeAlongAxis`: scatter-adds `dy` (shaped like `indices`) into zeros of `shape`.
 *
 * @example
 * ```ts
 * runKernel('TakeAlongAxisGrad', [indices, dy], { axis: 1, shape: [2, 5] });
 * ```
 */
export const takeAlongAxisGradCpu = defineCpuKernel('TakeAlongAxisGrad', ({ inputs, attrs, backend }) => {
  const indices = inputAt(inputs, 0, 'TakeAlongAxisGrad');
  const dy = inputAt(inputs, 1, 'TakeAlongAxisGrad');
  const { shape } = attrs;
  const axis = normalizeAxis(attrs.axis, shape.length, 'TakeAlongAxisGrad');
  checkGradShape('TakeAlongAxisGrad', dy, indices.shape);
  const idx = indexValues(indices, backend, 'TakeAlongAxisGrad');
  const { offsets, inner } = takeAlongOffsets('TakeAlongAxisGrad', shape, indices.shape, axis, idx);
  const out = allocValues(dy.dtype, sizeFromShape(shape));
  scatterAddRows(backend.values(dy), offsets, inner, out);
  return backend.makeOutput(out, shape, dy.dtype);
});

/**
 * The gather/scatter kernels.
 *
 * @example
 * ```ts
 * use(gatherKernels);
 * ```
 */
export const gatherKernels = [gatherCpu, gatherGradCpu, takeAlongAxisCpu, takeAlongAxisGradCpu] as const;
