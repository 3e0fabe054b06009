import { ShapeError, formatShape, shapesEqual } from '@tensorkit/core';
import { toValues, type TensorLike } from '../convert';
import { makeTensor, runKernel } from '../engine';
import type { Tensor } from '../tensor';
import { tidy } from '../tidy';
import { arange } from '../creation';
import { axisArg, indicesOperand, shapeArg } from './args';
import { equal } from './binary';
import { assertInt, assertNumber, reshapeShared, withOperands } from './operands';
import { where } from './where';

function gatherImpl(op: string, x: TensorLike, indices: TensorLike, axis: number): Tensor {
  return withOperands(op, (ops) => {
    const t = ops.tensor(x, 'x');
    const idx = indicesOperand(ops, indices, op);
    if (t.rank === 0) throw new ShapeError('SHAPE_MISMATCH', `${op}: cannot index a scalar (shape []); reshape it to [1] first`);
    const ax = axisArg(axis, t.rank, op);
    return runKernel('Gather', [t, idx], { axis: ax });
  });
}

/**
 * Selects entries of `x` along `axis` by int32 `indices` of any rank (PyTorch's `index_select`,
 * NumPy's `take`). The output shape is `x.shape[:axis] + indices.shape + x.shape[axis+1:]`.
 * Indices may repeat. Also available as {@link gather}.
 *
 * @example
 * ```ts
 * const x = tensor([[1, 2], [3, 4], [5, 6]]);
 * indexSelect(x, [2, 0], 0);  // [[5, 6], [1, 2]]
 * indexSelect(x, [1], 1);     // [[2], [4], [6]]
 * ```
 */
export function indexSelect(x: TensorLike, indices: TensorLike, axis: number): Tensor {
  return gatherImpl('indexSelect', x, indices, axis);
}

/**
 * Alias of {@link indexSelect}, with TensorFlow.js's name (not `torch.gather`: that is
 * {@link takeAlongAxis}).
 *
 * @example
 * ```ts
 * gather(tensor([10, 20, 30]), [2, 2, 0], 0); // [30, 30, 10]
 * ```
 */
export function gather(x: TensorLike, indices: TensorLike, axis: number): Tensor {
  return gatherImpl('gather', x, indices, axis);
}

/**
 * Picks one entry of `x` along `axis` per entry of `indices`, which has `x`'s rank (PyTorch's
 * `gather`, NumPy's `take_along_axis`): for axis 1 of a matrix, `out[i][j] = x[i][indices[i][j]]`.
 * The output has `indices`' shape; on the other axes `indices` may be smaller than `x`.
 *
 * @example
 * ```ts
 * takeAlongAxis(tensor([[1, 2], [3, 4]]), tensor([[1, 1], [0, 1]], undefined, 'int32'), 1); // [[2, 2], [3, 4]]
 * ```
 */
export function takeAlongAxis(x: TensorLike, indices: TensorLike, axis: number): Tensor {
  const op = 'takeAlongAxis';
  return withOperands(op, (ops) => {
    const t = ops.tensor(x, 'x');
    const idx = indicesOperand(ops, indices, op);
    if (t.rank === 0) throw new ShapeError('SHAPE_MISMATCH', `${op}: cannot index a scalar (shape []); reshape it to [1] first`);
    const ax = axisArg(axis, t.rank, op);
    if (idx.rank !== t.rank || idx.shape.some((d, i) => i !== ax && d > t.shape[i]!)) {
      throw new ShapeError(
        'SHAPE_MISMATCH',
        `${op}: indices ${formatShape(idx.shape)} must have the rank of x ${formatShape(t.shape)} and be no larger on every axis but ${ax}`,
      );
    }
    return runKernel('TakeAlongAxis', [t, idx], { axis: ax });
  });
}

/**
 * The adjoint of {@link indexSelect}, used by gradients: scatter-adds `dy` (shaped like
 * `indexSelect`'s output) into zeros of `xShape` along `axis`; repeated indices accumulate.
 *
 * @example
 * ```ts
 * indexSelectGrad(tensor([0, 0, 2], undefined, 'int32'), tensor([1, 2, 3]), 0, [3]); // [3, 0, 3]
 * ```
 */
export function indexSelectGrad(indices: TensorLike, dy: TensorLike, axis: number, xShape: readonly number[]): Tensor {
  const op = 'indexSelectGrad';
  return withOperands(op, (ops) => {
    const idx = indicesOperand(ops, indices, op);
    const g = ops.tensor(dy, 'dy');
    const shape = shapeArg(xShape, op, 'xShape');
    if (shape.length === 0) throw new ShapeError('SHAPE_MISMATCH', `${op}: 'xShape' must have rank >= 1, got []`);
    const ax = axisArg(axis, shape.length, op);
    const expected = [...shape.slice(0, ax), ...idx.shape, ...shape.slice(ax + 1)];
    if (!shapesEqual(g.shape, expected)) {
      throw new ShapeError(
        'SHAPE_MISMATCH',
        `${op}: dy ${formatShape(g.shape)} must have indexSelect's output shape ${formatShape(expected)} ` +
          `(x ${formatShape(shape)}, indices ${formatShape(idx.shape)}, axis ${ax})`,
      );
    }
    return runKernel('GatherGrad', [idx, g], { axis: ax, shape });
  });
}

/**
 * The adjoint of {@link takeAlongAxis}, used by gradients: scatter-adds `dy` (shaped like
 * `indices`) into zeros of `xShape` along `axis`.
 *
 * @example
 * ```ts
 * takeAlongAxisGrad(tensor([[1, 1]], undefined, 'int32'), tensor([[1, 2]]), 1, [1, 3]); // [[0, 3, 0]]
 * ```
 */
export function takeAlongAxisGrad(indices: TensorLike, dy: TensorLike, axis: number, xShape: readonly number[]): Tensor {
  const op = 'takeAlongAxisGrad';
  return withOperands(op, (ops) => {
    const idx = indicesOperand(ops, indices, op);
    const g = ops.tensor(dy, 'dy');
    const shape = shapeArg(xShape, op, 'xShape');
    const ax = axisArg(axis, shape.length, op);
    if (!shapesEqual(g.shape, idx.shape) || idx.rank !== shape.length || idx.shape.some((d, i) => i !== ax && d > shape[i]!)) {
      throw new ShapeError(
        'SHAPE_MISMATCH',
        `${op}: dy ${formatShape(g.shape)} must have the shape of indices ${formatShape(idx.shape)}, ` +
          `which must have the rank of x ${formatShape(shape)} and be no larger on every axis but ${ax}`,
      );
    }
    return runKernel('TakeAlongAxisGrad', [idx, g], { axis: ax, shape });
  });
}

/**
 * One-hot encodes integer `indices` into a new last axis of size `depth`: `onValue` where the
 * position equals the index, `offValue` elsewhere (indices outside `[0, depth)` give an all-off
 * row). The result is int32 when both values are integers, float32 otherwise.
 *
 * @example
 * ```ts
 * oneHot(tensor([0, 2], undefined, 'int32'), 3); // [[1, 0, 0], [0, 0, 1]] int32
 * oneHot([1], 2, 0.9, 0.1);                      // [[0.1, 0.9]] float32
 * ```
 */
export function oneHot(indices: TensorLike, depth: number, onValue = 1, offValue = 0): Tensor {
  const op = 'oneHot';
  assertInt(depth, 'depth', op, 1);
  const on = assertNumber(onValue, 'onValue', op);
  const off = assertNumber(offValue, 'offValue', op);
  return tidy(() =>
    withOperands(op, (ops) => {
      const idx = indicesOperand(ops, indices, op);
      const positions = arange(0, depth, 1, 'int32');
      const hit = equal(reshapeShared(idx, [...idx.shape, 1]), positions);
      const dtype = Number.isInteger(on) && Number.isInteger(off) ? 'int32' : 'float32';
      const onT = makeTensor(toValues([on], dtype), [], dtype);
      const offT = makeTensor(toValues([off], dtype), [], dtype);
      return where(hit, onT, offT);
    }),
  );
}
