import { ArgumentError, ShapeError, formatShape } from '@tensorkit/core';
import type { TensorLike } from '../convert';
import { runKernel } from '../engine';
import type { Tensor } from '../tensor';
import { assertNumber, describe, reshapeShared, withOperands } from './operands';

/**
 * Pads every axis with `constantValue`: `paddings[i]` is `[before, after]` for axis `i`, one pair
 * per axis (NumPy's `pad` order, not PyTorch's last-axis-first `F.pad`).
 *
 * @example
 * ```ts
 * pad(tensor([[1, 2]]), [[1, 0], [0, 2]]);   // [[0, 0, 0, 0], [1, 2, 0, 0]]
 * pad(tensor([1, 2]), [[1, 1]], -1);         // [-1, 1, 2, -1]
 * ```
 */
export function pad(x: TensorLike, paddings: readonly (readonly [number, number])[], constantValue = 0): Tensor {
  return withOperands('pad', (ops) => {
    const t = ops.tensor(x, 'x');
    const value = assertNumber(constantValue, 'constantValue', 'pad');
    const valid =
      Array.isArray(paddings) &&
      paddings.every((p) => Array.isArray(p) && p.length === 2 && p.every((v) => Number.isInteger(v) && v >= 0));
    if (!valid) {
      throw new ArgumentError('INVALID_ARGUMENT', `pad: 'paddings' must be [before, after] pairs of non-negative integers, got ${describe(paddings)}`);
    }
    if (paddings.length !== t.rank) {
      throw new ShapeError(
        'SHAPE_MISMATCH',
        `pad: ${paddings.length} padding pairs for a tensor of shape ${formatShape(t.shape)}; give exactly one [before, after] per axis (${t.rank})`,
      );
    }
    if (paddings.every(([b, a]) => b === 0 && a === 0)) return reshapeShared(t, t.shape);
    return runKernel('Pad', [t], { paddings: paddings.map(([b, a]) => [b, a] as const), constantValue: value });
  });
}
