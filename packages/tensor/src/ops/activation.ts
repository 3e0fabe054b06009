import { ArgumentError } from '@tensorkit/core';
import type { TensorLike } from '../convert';
import { runKernel } from '../engine';
import type { Tensor } from '../tensor';
import { assertNumber, castTo, optionsOf, withOperands } from './operands';
import { unary } from './unary';

/**
 * The rectifier `max(x, 0)`, its own kernel so that its gradient at 0 is 0 (PyTorch). Int32 input
 * stays int32.
 *
 * @example
 * ```ts
 * relu(tensor([-1, 0, 2])); // [0, 0, 2]
 * ```
 */
export const relu = (x: TensorLike): Tensor => unary('Relu', 'relu', x);

/**
 * `min(max(x, 0), 6)`, with gradient 0 at 0 and at 6 (PyTorch).
 *
 * @example
 * ```ts
 * relu6(tensor([-1, 3, 8])); // [0, 3, 6]
 * ```
 */
export const relu6 = (x: TensorLike): Tensor => unary('Relu6', 'relu6', x);

/** Options of {@link leakyRelu}. */
export interface LeakyReluOptions {
  /** The slope for `x < 0` (PyTorch's `negative_slope`). Default 0.01. */
  negativeSlope?: number;
}

/**
 * `x > 0 ? x : negativeSlope * x`, in float32. Its gradient at 0 is `negativeSlope` (PyTorch).
 *
 * @example
 * ```ts
 * leakyRelu(tensor([-10, 5]));                          // [-0.1, 5]
 * leakyRelu(tensor([-10, 5]), { negativeSlope: 0.2 });  // [-2, 5]
 * ```
 */
export function leakyRelu(x: TensorLike, options?: LeakyReluOptions): Tensor {
  return withOperands('leakyRelu', (ops) => {
    const { negativeSlope = 0.01 } = optionsOf(options, 'leakyRelu', ['negativeSlope']);
    const alpha = assertNumber(negativeSlope, 'negativeSlope', 'leakyRelu', true);
    const t = castTo(ops, ops.tensor(x, 'x'), 'float32');
    return runKernel('LeakyRelu', [t], { alpha });
  });
}

/** Options of {@link hardTanh}. */
export interface HardTanhOptions {
  /** The lower limit. Default -1. */
  minVal?: number;
  /** The upper limit. Default 1. */
  maxVal?: number;
}

/**
 * Clamps to `[minVal, maxVal]` in float32, with gradient 0 at both ends (PyTorch's `hardtanh`;
 * compare {@link clamp}, whose gradient passes at the ends).
 *
 * @example
 * ```ts
 * hardTanh(tensor([-3, 0.5, 3]));                          // [-1, 0.5, 1]
 * hardTanh(tensor([-3, 3]), { minVal: -2, maxVal: 2 });    // [-2, 2]
 * ```
 */
export function hardTanh(x: TensorLike, options?: HardTanhOptions): Tensor {
  return withOperands('hardTanh', (ops) => {
    const { minVal = -1, maxVal = 1 } = optionsOf(options, 'hardTanh', ['minVal', 'maxVal']);
    const min = assertNumber(minVal, 'minVal', 'hardTanh');
    const max = assertNumber(maxVal, 'maxVal', 'hardTanh');
    if (min > max) {
      throw new ArgumentError('INVALID_ARGUMENT', `hardTanh: minVal ${min} is greater than maxVal ${max}; pass minVal <= maxVal`);
    }
    const t = castTo(ops, ops.tensor(x, 'x'), 'float32');
    return runKernel('HardTanh', [t], { min, max });
  });
}
