import { ArgumentError, DTypeError, formatShape } from '@tensorkit/core';
import type { TensorLike } from '../convert';
import { runKernel } from '../engine';
import type { Tensor } from '../tensor';
import { assertNumber, castTo, withOperands } from './operands';

/**
 * Limits `x` to `[min, max]`. A `null` or omitted side is unbounded (±Infinity). Int32 input stays
 * int32 when both bounds are integers; otherwise the result is float32. As in PyTorch, the
 * gradient passes at the boundary (`min <= x <= max` inclusive), unlike {@link hardTanh}.
 *
 * @example
 * ```ts
 * clamp(tensor([-2, 0.5, 3]), 0, 1);  // [0, 0.5, 1]
 * clamp(tensor([-2, 3]), null, 1);    // [-2, 1]
 * ```
 */
export function clamp(x: TensorLike, min?: number | null, max?: number | null): Tensor {
  return withOperands('clamp', (ops) => {
    let t = ops.tensor(x, 'x');
    const lo = min === null || min === undefined ? -Infinity : assertNumber(min, 'min', 'clamp');
    const hi = max === null || max === undefined ? Infinity : assertNumber(max, 'max', 'clamp');
    if (lo > hi) {
      throw new ArgumentError('INVALID_ARGUMENT', `clamp: min ${lo} is greater than max ${hi}; pass min <= max`);
    }
    if (t.dtype === 'bool') {
      throw new DTypeError('DTYPE_MISMATCH', `clamp: 'x' must be numeric, got bool ${formatShape(t.shape)}; cast(x, 'float32') first`);
    }
    const intBound = (v: number): boolean => !Number.isFinite(v) || Number.isInteger(v);
    if (t.dtype === 'int32' && !(intBound(lo) && intBound(hi))) t = castTo(ops, t, 'float32');
    return runKernel('Clamp', [t], { min: lo, max: hi });
  });
}

/**
 * The step function: `x > 0 ? 1 : alpha`, in float32.
 *
 * @example
 * ```ts
 * step(tensor([-1, 0, 2]));      // [0, 0, 1]
 * step(tensor([-1, 2]), 0.5);    // [0.5, 1]
 * ```
 */
export function step(x: TensorLike, alpha = 0): Tensor {
  return withOperands('step', (ops) => {
    const t = castTo(ops, ops.tensor(x, 'x'), 'float32');
    return runKernel('Step', [t], { alpha: assertNumber(alpha, 'alpha', 'step') });
  });
}
