import { DTypeError, broadcastShapes, formatShape, upcastType } from '@tensorkit/core';
import type { TensorLike } from '../convert';
import { runKernel } from '../engine';
import { isTensor, type Tensor } from '../tensor';
import { castTo, withOperands } from './operands';

/**
 * Picks `x` where `condition` is true and `y` elsewhere, broadcasting all three (NumPy rules).
 * `condition` must be bool; `x` and `y` are promoted to a common dtype, and a number on either
 * side takes the other side's dtype.
 *
 * @example
 * ```ts
 * where(tensor([true, false, true]), tensor([1, 2, 3]), 0); // [1, 0, 3]
 * ```
 */
export function where(condition: TensorLike, x: TensorLike, y: TensorLike): Tensor {
  return withOperands('where', (ops) => {
    const c = ops.tensor(condition, 'condition');
    if (c.dtype !== 'bool') {
      throw new DTypeError(
        'DTYPE_MISMATCH',
        `where: 'condition' must be bool, got ${c.dtype} ${formatShape(c.shape)}; compare first (e.g. greater(x, 0)) or cast(condition, 'bool')`,
      );
    }
    const likeX = typeof x === 'number' && isTensor(y) ? y.dtype : undefined;
    const a0 = ops.tensor(x, 'x', likeX);
    const b0 = ops.tensor(y, 'y', a0.dtype);
    const dtype = upcastType(a0.dtype, b0.dtype);
    const a = castTo(ops, a0, dtype);
    const b = castTo(ops, b0, dtype);
    broadcastShapes('where', c.shape, a.shape, b.shape);
    return runKernel('Where', [c, a, b], {});
  });
}
