import { ShapeError } from './errors';
import { computeStrides, formatShape } from './shape';

/*
 * The data-movement kernels (Transpose, Slice, BroadcastTo, Tile) all read their input through a
 * strided view. The views are computed and checked here, once, so every backend agrees on bounds
 * and layout and only implements "copy this strided view".
 */

/**
 * A strided view of row-major data: iterate `shape`, reading element `offset + Σ index·strides`.
 * `outShape` is the shape of the result (it differs from `shape` only for Tile, whose view has
 * two axes per input axis).
 *
 * @example
 * ```ts
 * const view: StridedView = { shape: [2], offset: 1, strides: [2], outShape: [2] };
 * ```
 */
export interface StridedView {
  shape: number[];
  offset: number;
  strides: number[];
  outShape: number[];
}

/**
 * The strides that read `shape` broadcast to `outShape` (0 along broadcast axes), NumPy rules;
 * `shape` must already be known to broadcast.
 *
 * @example
 * ```ts
 * broadcastStrides([3, 1], [2, 3, 4]); // [0, 1, 0]
 * ```
 */
export function broadcastStrides(shape: readonly number[], outShape: readonly number[]): number[] {
  const own = computeStrides(shape);
  const out = new Array<number>(outShape.length).fill(0);
  for (let i = 0; i < shape.length; i++) out[outShape.length - shape.length + i] = shape[i] === 1 ? 0 : own[i]!;
  return out;
}

/**
 * The view of a `Transpose`: output axis `i` is input axis `perm[i]`.
 *
 * @example
 * ```ts
 * computeTransposeView([2, 3], [1, 0], 'Transpose'); // shape [3, 2], strides [1, 3]
 * ```
 */
export function computeTransposeView(xShape: readonly number[], perm: readonly number[], kernel: string): StridedView {
  if (perm.length !== xShape.length || [...perm].sort((a, b) => a - b).some((p, i) => p !== i)) {
    throw new ShapeError('SHAPE_MISMATCH', `${kernel}: perm ${JSON.stringify(perm)} is not a permutation of the axes of ${formatShape(xShape)}`);
  }
  const strides = computeStrides(xShape);
  const shape = perm.map((p) => xShape[p]!);
  return { shape, offset: 0, strides: perm.map((p) => strides[p]!), outShape: shape };
}

/**
 * The view a `Slice` kernel reads (`{ begin, size, step }` per axis; missing axes are whole),
 * checked against the input shape.
 *
 * @example
 * ```ts
 * computeSliceView([4, 6], [1, 0], [2, 3], [1, 2], 'Slice (cpu)');
 * // { shape: [2, 3], offset: 6, strides: [6, 2], outShape: [2, 3] }
 * ```
 */
export function computeSliceView(
  xShape: readonly number[],
  begin: readonly number[],
  size: readonly number[],
  step: readonly number[],
  kernel: string,
): StridedView {
  const inputStrides = computeStrides(xShape);
  const view: StridedView = { shape: [], offset: 0, strides: [], outShape: [] };
  for (let i = 0; i < xShape.length; i++) {
    const b = begin[i] ?? 0;
    const s = step[i] ?? 1;
    const n = size[i] ?? xShape[i]! - b;
    if (b < 0 || n < 0 || s < 1 || (n > 0 && b + (n - 1) * s >= xShape[i]!)) {
      throw new ShapeError(
        'SHAPE_MISMATCH',
        `${kernel}: begin ${b}, size ${n}, step ${s} on axis ${i} is out of bounds for shape ${formatShape(xShape)}`,
      );
    }
    view.offset += b * inputStrides[i]!;
    view.shape.push(n);
    view.strides.push(inputStrides[i]! * s);
  }
  view.outShape = view.shape;
  return view;
}

/**
 * The view of a `BroadcastTo` (NumPy rules).
 *
 * @example
 * ```ts
 * computeBroadcastView([3, 1], [2, 3, 4], 'BroadcastTo'); // strides [0, 1, 0]
 * ```
 */
export function computeBroadcastView(xShape: readonly number[], shape: readonly number[], kernel: string): StridedView {
  const off = shape.length - xShape.length;
  if (off < 0 || xShape.some((d, i) => d !== 1 && d !== shape[off + i])) {
    throw new ShapeError('SHAPE_MISMATCH', `${kernel}: cannot broadcast ${formatShape(xShape)} to ${formatShape(shape)}`);
  }
  return { shape: [...shape], offset: 0, strides: broadcastStrides(xShape, shape), outShape: [...shape] };
}

/**
 * The view of a `Tile`: x viewed as `[1, d0, 1, d1, ...]` broadcast to `[r0, d0, r1, d1, ...]`,
 * which is laid out exactly like the tiled result `[r0·d0, r1·d1, ...]`.
 *
 * @example
 * ```ts
 * computeTileView([2, 3], [2, 1], 'Tile').outShape; // [4, 3]
 * ```
 */
export function computeTileView(xShape: readonly number[], reps: readonly number[], kernel: string): StridedView {
  if (reps.length !== xShape.length || reps.some((r) => !Number.isInteger(r) || r < 0)) {
    throw new ShapeError('SHAPE_MISMATCH', `${kernel}: reps ${JSON.stringify(reps)} must be one non-negative integer per axis of ${formatShape(xShape)}`);
  }
  const strides = computeStrides(xShape);
  return {
    shape: xShape.flatMap((d, i) => [reps[i]!, d]),
    offset: 0,
    strides: strides.flatMap((s) => [0, s]),
    outShape: xShape.map((d, i) => d * reps[i]!),
  };
}
