import {
  computeBroadcastView,
  computeSliceView,
  computeTileView,
  computeTransposeView,
  ShapeError,
  allocValues,
  computeStrides,
  formatShape,
  normalizeAxis,
  sizeFromShape,
  type StridedView,
  type TensorInfo,
} from '@tensorkit/core';
import type { CpuBackend } from '../backend';
import { defineCpuKernel, inputAt, stridedCopy } from '../util';

/** Reads `x` through a strided view (core's `compute*View`) into a new contiguous tensor. */
function gatherView(x: TensorInfo, backend: CpuBackend, view: StridedView): TensorInfo {
  const out = allocValues(x.dtype, sizeFromShape(view.shape));
  stridedCopy(view.shape, backend.values(x), view.offset, view.strides, out, 0, computeStrides(view.shape));
  return backend.makeOutput(out, view.outShape, x.dtype);
}

/**
 * Permutes the axes: output axis `i` is input axis `perm[i]`.
 *
 * @example
 * ```ts
 * runKernel('Transpose', [x], { perm: [1, 0] });
 * ```
 */
export const transposeCpu = defineCpuKernel('Transpose', ({ inputs, attrs, backend }) => {
  const x = inputAt(inputs, 0, 'Transpose');
  return gatherView(x, backend, computeTransposeView(x.shape, attrs.perm, 'Transpose (cpu)'));
});

/**
 * `x[begin : begin + size*step : step]` per axis (positive steps; `begin` normalised).
 *
 * @example
 * ```ts
 * runKernel('Slice', [x], { begin: [0, 1], size: [2, 2], step: [1, 2] });
 * ```
 */
export const sliceCpu = defineCpuKernel('Slice', ({ inputs, attrs, backend }) => {
  const x = inputAt(inputs, 0, 'Slice');
  return gatherView(x, backend, computeSliceView(x.shape, attrs.begin, attrs.size, attrs.step, 'Slice (cpu)'));
});

/**
 * Broadcasts `x` to `shape` (NumPy rules).
 *
 * @example
 * ```ts
 * runKernel('BroadcastTo', [x], { shape: [4, 3] });
 * ```
 */
export const broadcastToCpu = defineCpuKernel('BroadcastTo', ({ inputs, attrs, backend }) => {
  const x = inputAt(inputs, 0, 'BroadcastTo');
  return gatherView(x, backend, computeBroadcastView(x.shape, attrs.shape, 'BroadcastTo (cpu)'));
});

/**
 * Repeats `x` `reps[i]` times along axis `i` (`reps` has `x`'s rank).
 *
 * @example
 * ```ts
 * runKernel('Tile', [x], { reps: [2, 1] });
 * ```
 */
export const tileCpu = defineCpuKernel('Tile', ({ inputs, attrs, backend }) => {
  const x = inputAt(inputs, 0, 'Tile');
  return gatherView(x, backend, computeTileView(x.shape, attrs.reps, 'Tile (cpu)'));
});

/**
 * Pads with `constantValue`; `paddings[i]` is `[before, after]` for axis `i`.
 *
 * @example
 * ```ts
 * runKernel('Pad', [x], { paddings: [[1, 1], [0, 2]], constantValue: 0 });
 * ```
 */
export const padCpu = defineCpuKernel('Pad', ({ inputs, attrs, backend }) => {
  const x = inputAt(inputs, 0, 'Pad');
  const { paddings, constantValue } = attrs;
  if (paddings.length !== x.shape.length || paddings.some(([b, a]) => b < 0 || a < 0)) {
    throw new ShapeError('SHAPE_MISMATCH', `Pad (cpu): paddings ${JSON.stringify(paddings)} must be non-negative pairs, one per axis of ${formatShape(x.shape)}`);
  }
  const shape = x.shape.map((d, i) => d + paddings[i]![0] + paddings[i]![1]);
  const out = allocValues(x.dtype, sizeFromShape(shape));
  if (constantValue !== 0) out.fill(constantValue);
  const outStrides = computeStrides(shape);
  const offset = paddings.reduce((p, [b], i) => p + b * outStrides[i]!, 0);
  stridedCopy(x.shape, backend.values(x), 0, computeStrides(x.shape), out, offset, outStrides);
  return backend.makeOutput(out, shape, x.dtype);
});

/**
 * Concatenates any number of inputs along `axis`.
 *
 * @example
 * ```ts
 * runKernel('Concat', [a, b, c], { axis: 1 });
 * ```
 */
export const concatCpu = defineCpuKernel('Concat', ({ inputs, attrs, backend }) => {
  const first = inputAt(inputs, 0, 'Concat');
  const rank = first.shape.length;
  const axis = normalizeAxis(attrs.axis, rank, 'Concat');
  for (const t of inputs) {
    if (t.shape.length !== rank || t.dtype !== first.dtype || t.shape.some((d, i) => i !== axis && d !== first.shape[i])) {
      throw new ShapeError(
        'SHAPE_MISMATCH',
        `Concat (cpu): inputs ${inputs.map((u) => `${formatShape(u.shape)} ${u.dtype}`).join(', ')} must share dtype and every dimension but axis ${axis}`,
      );
    }
  }
  const shape = [...first.shape];
  shape[axis] = inputs.reduce((p, t) => p + t.shape[axis]!, 0);
  const out = allocValues(first.dtype, sizeFromShape(shape));
  const outStrides = computeStrides(shape);
  let offset = 0;
  for (const t of inputs) {
    stridedCopy(t.shape, backend.values(t), 0, computeStrides(t.shape), out, offset, outStrides);
    offset += t.shape[axis]! * outStrides[axis]!;
  }
  return backend.makeOutput(out, shape, first.dtype);
});

/**
 * Every layout kernel: transpose, slice, broadcast, tile, pad, concat.
 *
 * @example
 * ```ts
 * use(transformKernels);
 * ```
 */
export const transformKernels = [transposeCpu, sliceCpu, broadcastToCpu, tileCpu, padCpu, concatCpu] as const;
