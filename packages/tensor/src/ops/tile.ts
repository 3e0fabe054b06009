import { ArgumentError, ShapeError, broadcastShapes, formatShape, shapesEqual } from '@tensorkit/core';
import type { TensorLike } from '../convert';
import { runKernel } from '../engine';
import type { Tensor } from '../tensor';
import { describe, reshapeShared, withOperands } from './operands';
import { shapeArg } from './args';

/**
 * Repeats `x` `reps[i]` times along axis `i` (NumPy's `tile`). A shorter `reps` is padded with
 * leading 1s; a longer one adds leading axes to `x`.
 *
 * @example
 * ```ts
 * tile(tensor([1, 2]), [2]);          // [1, 2, 1, 2]
 * tile(tensor([[1, 2]]), [2, 1]);     // [[1, 2], [1, 2]]
 * tile(tensor([1, 2]), [2, 1]).shape; // [2, 2]
 * ```
 */
export function tile(x: TensorLike, reps: readonly number[]): Tensor {
  return withOperands('tile', (ops) => {
    let t = ops.tensor(x, 'x');
    if (!Array.isArray(reps) || reps.some((r) => !Number.isInteger(r) || r < 0)) {
      throw new ArgumentError('INVALID_ARGUMENT', `tile: 'reps' must be a list of non-negative integers, got ${describe(reps)}`);
    }
    const rank = Math.max(t.rank, reps.length);
    const r = [...new Array<number>(rank - reps.length).fill(1), ...reps];
    if (t.rank < rank) t = ops.temp(reshapeShared(t, [...new Array<number>(rank - t.rank).fill(1), ...t.shape]));
    if (r.every((v) => v === 1)) return reshapeShared(t, t.shape);
    return runKernel('Tile', [t], { reps: r });
  });
}

/**
 * Broadcasts `x` to `shape` (NumPy rules: align from the right; size-1 axes stretch), as PyTorch's
 * `expand` and NumPy's `broadcast_to`. The result is a real tensor of that shape.
 *
 * @example
 * ```ts
 * broadcastTo(tensor([1, 2]), [3, 2]);  // [[1, 2], [1, 2], [1, 2]]
 * ```
 */
export function broadcastTo(x: TensorLike, shape: readonly number[]): Tensor {
  return withOperands('broadcastTo', (ops) => {
    const t = ops.tensor(x, 'x');
    const target = shapeArg(shape, 'broadcastTo');
    const fits = target.length >= t.rank && (() => {
      try {
        return shapesEqual(broadcastShapes('broadcastTo', t.shape, target), target);
      } catch {
        return false;
      }
    })();
    if (!fits || target.some((d) => d < 0)) {
      throw new ShapeError(
        'SHAPE_MISMATCH',
        `broadcastTo: cannot broadcast ${formatShape(t.shape)} to ${formatShape(target)}; ` +
          'aligned from the right, each size of x must equal the target size or be 1',
      );
    }
    if (shapesEqual(t.shape, target)) return reshapeShared(t, target);
    return runKernel('BroadcastTo', [t], { shape: target });
  });
}
