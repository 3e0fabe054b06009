import { ArgumentError, formatShape } from '@tensorkit/core';
import type { TensorLike } from '../convert';
import { runKernel } from '../engine';
import type { Tensor } from '../tensor';
import { axisArg } from './args';
import { describe, reshapeShared, withOperands } from './operands';

function permuteImpl(op: string, x: TensorLike, perm: readonly number[] | undefined): Tensor {
  return withOperands(op, (ops) => {
    const t = ops.tensor(x, 'x');
    const rank = t.rank;
    let p: number[];
    if (perm === undefined) p = Array.from({ length: rank }, (_, i) => rank - 1 - i);
    else {
      if (!Array.isArray(perm) || perm.length !== rank || perm.some((a) => typeof a !== 'number')) {
        throw new ArgumentError(
          'INVALID_AXIS',
          `${op}: 'perm' must list each of the ${rank} axes of ${formatShape(t.shape)} once, got ${Array.isArray(perm) ? JSON.stringify(perm) : describe(perm)}`,
        );
      }
      p = perm.map((a: number) => axisArg(a, rank, op));
      if (new Set(p).size !== rank) {
        throw new ArgumentError('INVALID_AXIS', `${op}: 'perm' ${JSON.stringify(perm)} repeats an axis; it must be a permutation of 0..${rank - 1}`);
      }
    }
    if (p.every((a, i) => a === i)) return reshapeShared(t, t.shape);
    return runKernel('Transpose', [t], { perm: p });
  });
}

/**
 * Permutes the axes: output axis `i` is input axis `perm[i]` (NumPy's `transpose`, PyTorch's
 * `permute`). Without `perm` the axes are reversed. For PyTorch's two-axis `transpose`, see
 * {@link swapAxes}.
 *
 * @example
 * ```ts
 * transpose(zeros([2, 3, 4])).shape;            // [4, 3, 2]
 * transpose(zeros([2, 3, 4]), [0, 2, 1]).shape; // [2, 4, 3]
 * ```
 */
export function transpose(x: TensorLike, perm?: readonly number[]): Tensor {
  return permuteImpl('transpose', x, perm);
}

/**
 * Alias of {@link transpose}, with PyTorch's name.
 *
 * @example
 * ```ts
 * permute(zeros([2, 3, 4]), [2, 0, 1]).shape; // [4, 2, 3]
 * ```
 */
export function permute(x: TensorLike, perm: readonly number[]): Tensor {
  return permuteImpl('permute', x, perm);
}

/**
 * Swaps two axes (PyTorch's `transpose(dim0, dim1)`, NumPy's `swapaxes`).
 *
 * @example
 * ```ts
 * swapAxes(zeros([2, 3, 4]), 0, -1).shape; // [4, 3, 2]
 * ```
 */
export function swapAxes(x: TensorLike, axis0: number, axis1: number): Tensor {
  return withOperands('swapAxes', (ops) => {
    const t = ops.tensor(x, 'x');
    const a = axisArg(axis0, t.rank, 'swapAxes', 'axis0');
    const b = axisArg(axis1, t.rank, 'swapAxes', 'axis1');
    if (a === b || t.rank === 0) return reshapeShared(t, t.shape);
    const perm = t.shape.map((_, i) => (i === a ? b : i === b ? a : i));
    return runKernel('Transpose', [t], { perm });
  });
}
