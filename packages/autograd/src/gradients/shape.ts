import {
  expandDims, indexSelect, indexSelectGrad, pad, reshape, slice, split, sum, takeAlongAxis, takeAlongAxisGrad, transpose,
  zerosLike, type Tensor,
} from '@tensorkit/tensor';
import type { GradFunc } from '../gradient-types';
import { unbroadcast } from './broadcast';

/** Pads `t` along one axis only. */
function padAxis(t: Tensor, axis: number, before: number, after: number): Tensor {
  return pad(t, t.shape.map((_, i) => (i === axis ? [before, after] : [0, 0]) as [number, number]));
}

/**
 * The adjoint of a strided slice: dy scattered into zeros of x's shape. Along an axis with step
 * s, zeros are interleaved (dy[i] lands at begin + i·s) by padding a new axis of size s and
 * folding it in; then the axis is padded out to x's size.
 */
const sliceGrad: GradFunc<{ begin: readonly number[]; size: readonly number[]; step: readonly number[] }> = (
  dy,
  { inputs: [x], attrs: { begin, size, step } },
) => {
  if (size.some((n) => n === 0)) return [zerosLike(x!)];
  let g = dy;
  for (let axis = 0; axis < x!.rank; axis++) {
    const n = size[axis]!;
    const s = step[axis]!;
    let span = n;
    if (s > 1) {
      const spread = padAxis(expandDims(g, axis + 1), axis + 1, 0, s - 1);
      const folded = reshape(spread, g.shape.map((d, i) => (i === axis ? d * s : d)));
      span = (n - 1) * s + 1;
      g = slice(folded, g.shape.map((d, i) => (i === axis ? [0, span, 1] : [0, d, 1])) as [number, number, number][]);
    }
    g = padAxis(g, axis, begin[axis]!, x!.shape[axis]! - begin[axis]! - span);
  }
  return [g];
};

/** tile: sum the gradient over the repeats, viewing each axis as [rep, size]. */
const tileGrad: GradFunc<{ reps: readonly number[] }> = (dy, { inputs: [x], attrs: { reps } }) => {
  const split2: number[] = [];
  x!.shape.forEach((d, i) => split2.push(reps[i]!, d));
  const repAxes = x!.shape.map((_, i) => 2 * i);
  return [reshape(sum(reshape(dy, split2), repAxes), x!.shape)];
};

/** Gradients of the data-movement kernels (and of the engine's zero-copy reshape). */
export const SHAPE_GRADIENTS: Record<string, GradFunc> = {
  Reshape: (dy, { inputs: [x] }) => [reshape(dy, x!.shape)],
  Transpose: (dy, { attrs }) => {
    const perm = (attrs as { perm: readonly number[] }).perm;
    const inverse = perm.map((_, i) => perm.indexOf(i));
    return [transpose(dy, inverse)];
  },
  Slice: sliceGrad,
  Concat: (dy, { inputs, attrs }) => {
    const axis = (attrs as { axis: number }).axis;
    return split(dy, inputs.map((t) => t.shape[axis]!), axis);
  },
  Pad: (dy, { inputs: [x], attrs }) => {
    const paddings = (attrs as { paddings: readonly (readonly [number, number])[] }).paddings;
    return [slice(dy, x!.shape.map((d, i) => [paddings[i]![0], paddings[i]![0] + d, 1]) as [number, number, number][])];
  },
  Tile: tileGrad,
  BroadcastTo: (dy, { inputs: [x] }) => [unbroadcast(dy, x!.shape)],
  Gather: (dy, { inputs: [x, indices], attrs }) => [indexSelectGrad(indices!, dy, (attrs as { axis: number }).axis, x!.shape), null],
  // GatherGrad(indices, dy) is linear in dy; its adjoint is Gather itself.
  GatherGrad: (ddx, { inputs: [indices], attrs }) => [null, indexSelect(ddx, indices!, (attrs as { axis: number }).axis)],
  TakeAlongAxis: (dy, { inputs: [x, indices], attrs }) => [
    takeAlongAxisGrad(indices!, dy, (attrs as { axis: number }).axis, x!.shape),
    null,
  ],
  TakeAlongAxisGrad: (ddx, { inputs: [indices], attrs }) => [null, takeAlongAxis(ddx, indices!, (attrs as { axis: number }).axis)],
};
