import { DTypeError, isDType, type DType } from '@tensorkit/core';
import type { TensorLike } from '../convert';
import { runKernel } from '../engine';
import type { Tensor } from '../tensor';
import { reshapeShared, withOperands } from './operands';

/**
 * Converts `x` to `dtype`. float32 to int32 truncates toward zero and anything to bool is
 * `x != 0`, as in PyTorch. Casting to the same dtype returns a {@link clone}.
 *
 * @example
 * ```ts
 * cast(tensor([1.7, -1.7, 0]), 'int32'); // [1, -1, 0] int32
 * cast(tensor([2, 0]), 'bool');          // [true, false]
 * ```
 */
export function cast(x: TensorLike, dtype: DType): Tensor {
  return withOperands('cast', (ops) => {
    const t = ops.tensor(x, 'x');
    if (!isDType(dtype)) {
      throw new DTypeError('DTYPE_MISMATCH', `cast: unknown dtype '${String(dtype)}'; use 'float32', 'int32' or 'bool'`);
    }
    if (t.dtype === dtype) return reshapeShared(t, t.shape);
    return runKernel('Cast', [t], { dtype });
  });
}

/**
 * A new tensor with the same values, shape and dtype. Tensors are immutable, so the copy shares
 * `x`'s data (nothing is copied); disposing either one leaves the other valid.
 *
 * @example
 * ```ts
 * const a = tensor([1, 2]);
 * const b = clone(a);
 * a.dispose();
 * b.dataSync(); // Float32Array [1, 2]
 * ```
 */
export function clone(x: TensorLike): Tensor {
  return withOperands('clone', (ops) => {
    const t = ops.tensor(x, 'x');
    return reshapeShared(t, t.shape);
  });
}
