import { ArgumentError, ShapeError, formatShape, inferReshape } from '@tensorkit/core';
import type { TensorLike } from '../convert';
import type { Tensor } from '../tensor';
import { axesArg, axisArg, shapeArg } from './args';
import { reshapeShared, withOperands } from './operands';

/**
 * Gives `x` a new shape with the same number of elements, row-major. One entry may be -1 and is
 * inferred. No data is copied: the result shares `x`'s data.
 *
 * @example
 * ```ts
 * reshape(tensor([1, 2, 3, 4, 5, 6]), [2, -1]); // [[1, 2, 3], [4, 5, 6]]
 * ```
 */
export function reshape(x: TensorLike, shape: readonly number[]): Tensor {
  return withOperands('reshape', (ops) => {
    const t = ops.tensor(x, 'x');
    const target = inferReshape(shapeArg(shape, 'reshape'), t.size, 'reshape', t.shape);
    return reshapeShared(t, target);
  });
}

/**
 * Flattens axes `startAxis..endAxis` (inclusive, negative from the end) into one, as PyTorch's
 * `flatten`. A scalar becomes shape `[1]`. No data is copied.
 *
 * @example
 * ```ts
 * flatten(zeros([2, 3, 4])).shape;        // [24]
 * flatten(zeros([2, 3, 4]), 1).shape;     // [2, 12]
 * flatten(zeros([2, 3, 4]), 0, 1).shape;  // [6, 4]
 * ```
 */
export function flatten(x: TensorLike, startAxis = 0, endAxis = -1): Tensor {
  return withOperands('flatten', (ops) => {
    const t = ops.tensor(x, 'x');
    if (t.rank === 0) {
      axisArg(startAxis, 1, 'flatten', 'startAxis');
      axisArg(endAxis, 1, 'flatten', 'endAxis');
      return reshapeShared(t, [1]);
    }
    const start = axisArg(startAxis, t.rank, 'flatten', 'startAxis');
    const end = axisArg(endAxis, t.rank, 'flatten', 'endAxis');
    if (start > end) {
      throw new ArgumentError(
        'INVALID_AXIS',
        `flatten: startAxis ${startAxis} comes after endAxis ${endAxis} for shape ${formatShape(t.shape)}; pass startAxis <= endAxis`,
      );
    }
    const merged = t.shape.slice(start, end + 1).reduce((p, d) => p * d, 1);
    return reshapeShared(t, [...t.shape.slice(0, start), merged, ...t.shape.slice(end + 1)]);
  });
}

/**
 * Inserts an axis of size 1 at `axis` (in `[-rank-1, rank]`), as NumPy's `expand_dims` and
 * PyTorch's `unsqueeze`. No data is copied.
 *
 * @example
 * ```ts
 * expandDims(tensor([1, 2]), 0).shape;  // [1, 2]
 * expandDims(tensor([1, 2]), -1).shape; // [2, 1]
 * ```
 */
export function expandDims(x: TensorLike, axis: number): Tensor {
  return withOperands('expandDims', (ops) => {
    const t = ops.tensor(x, 'x');
    const ax = axisArg(axis, t.rank + 1, 'expandDims');
    return reshapeShared(t, [...t.shape.slice(0, ax), 1, ...t.shape.slice(ax)]);
  });
}

/**
 * Removes axes of size 1: all of them, or those in `axis`. As in NumPy, naming an axis whose size
 * is not 1 is an error. No data is copied.
 *
 * @example
 * ```ts
 * squeeze(zeros([1, 3, 1])).shape;     // [3]
 * squeeze(zeros([1, 3, 1]), 0).shape;  // [3, 1]
 * ```
 */
export function squeeze(x: TensorLike, axis?: number | readonly number[]): Tensor {
  return withOperands('squeeze', (ops) => {
    const t = ops.tensor(x, 'x');
    const axes = axis === undefined ? t.shape.flatMap((d, i) => (d === 1 ? [i] : [])) : axesArg(axis, t.rank, 'squeeze');
    const bad = axes.filter((a) => t.shape[a] !== 1);
    if (bad.length > 0) {
      throw new ShapeError(
        'SHAPE_MISMATCH',
        `squeeze: axis ${JSON.stringify(bad)} of shape ${formatShape(t.shape)} does not have size 1; only size-1 axes can be removed`,
      );
    }
    return reshapeShared(t, t.shape.filter((_, i) => !axes.includes(i)));
  });
}
