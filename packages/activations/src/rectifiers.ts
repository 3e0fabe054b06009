import { ShapeError, formatShape } from '@tensorkit/core';
import * as tk from '@tensorkit/tensor';
import type { Tensor, TensorLike } from '@tensorkit/tensor';
import { floatTensor, numberOption, onFloat, optionsOf } from './options';

/*
 * The piecewise-linear activations. relu, relu6, leakyRelu and hardTanh are kernels of their own
 * in @tensorkit/tensor, so their kinks have PyTorch's gradients (NAMES.md); these wrappers only
 * check options and document the formula.
 */

/**
 * The rectifier: `relu(x) = max(0, x)`. Its gradient at 0 is 0, as in PyTorch. Like every
 * activation here it returns float32 (int32 input is cast; bool is refused).
 *
 * @example
 * ```ts
 * relu(tensor([-1, 0, 2])); // [0, 0, 2]
 * ```
 */
export const relu = (x: TensorLike): Tensor => onFloat(x, 'relu', tk.relu);

/**
 * `relu6(x) = min(max(0, x), 6)`, with gradient 0 at 0 and at 6.
 *
 * @example
 * ```ts
 * relu6(tensor([-1, 3, 8])); // [0, 3, 6]
 * ```
 */
export const relu6 = (x: TensorLike): Tensor => onFloat(x, 'relu6', tk.relu6);

/** Options of {@link leakyRelu}. */
export interface LeakyReluOptions {
  /** The slope `a` for `x <= 0` (PyTorch's `negative_slope`). Default 0.01. */
  negativeSlope?: number;
}

/**
 * `leakyRelu(x) = x if x > 0 else a·x`, with `a = negativeSlope` (default 0.01). The gradient
 * at 0 is `a`, as in PyTorch.
 *
 * @example
 * ```ts
 * leakyRelu(tensor([-10, 5]));                         // [-0.1, 5]
 * leakyRelu(tensor([-10, 5]), { negativeSlope: 0.2 }); // [-2, 5]
 * ```
 */
export function leakyRelu(x: TensorLike, options?: LeakyReluOptions): Tensor {
  const o = optionsOf(options, 'leakyRelu', ['negativeSlope']);
  return tk.leakyRelu(x, { negativeSlope: numberOption(o.negativeSlope, 0.01, 'negativeSlope', 'leakyRelu') });
}

/** Options of {@link hardTanh}. */
export interface HardTanhOptions {
  /** The lower limit. Default -1. */
  minVal?: number;
  /** The upper limit. Default 1. */
  maxVal?: number;
}

/**
 * `hardTanh(x) = clamp(x, minVal, maxVal)` (defaults -1 and 1), with gradient 0 at both limits
 * (PyTorch's `hardtanh`).
 *
 * @example
 * ```ts
 * hardTanh(tensor([-3, 0.5, 3]));                       // [-1, 0.5, 1]
 * hardTanh(tensor([-3, 3]), { minVal: -2, maxVal: 2 }); // [-2, 2]
 * ```
 */
export function hardTanh(x: TensorLike, options?: HardTanhOptions): Tensor {
  const o = optionsOf(options, 'hardTanh', ['minVal', 'maxVal']);
  return tk.hardTanh(x, {
    minVal: numberOption(o.minVal, -1, 'minVal', 'hardTanh'),
    maxVal: numberOption(o.maxVal, 1, 'maxVal', 'hardTanh'),
  });
}

/**
 * The identity, `linear(x) = x`: the activation of a layer without one. It returns a new tensor
 * handle (sharing the data), so disposing the result never disposes `x`.
 *
 * @example
 * ```ts
 * linear(tensor([-1, 2])); // [-1, 2]
 * ```
 */
export const linear = (x: TensorLike): Tensor => onFloat(x, 'linear', tk.clone);

/**
 * The parametric rectifier: `prelu(x, w) = x if x > 0 else w·x`, where `w` is learned, with one
 * slope per channel (the **last** axis, as everywhere in tensorkit) or one shared slope.
 * `weight` has shape `[1]` or `[C]` with `C = x.shape[-1]`; a rank-1 `x` has no channel axis
 * and takes a `[1]` weight (PyTorch's rule). The gradient at 0 is `w`, as in PyTorch. The layer
 * that owns `w` comes with `@tensorkit/layers`.
 *
 * @example
 * ```ts
 * prelu(tensor([[-2, 3], [4, -1]]), tensor([0.25, 0.5])); // [[-0.5, 3], [4, -0.5]]
 * ```
 */
export function prelu(x: TensorLike, weight: TensorLike): Tensor {
  return tk.tidy(() => {
    const t = floatTensor(x, 'prelu');
    const w = floatTensor(weight, 'prelu');
    const channels = t.rank >= 2 ? t.shape[t.rank - 1]! : 1;
    const size = w.shape.reduce((a, b) => a * b, 1);
    if (w.rank !== 1 || (size !== 1 && size !== channels)) {
      throw new ShapeError(
        'SHAPE_MISMATCH',
        `prelu: weight must have shape [1] or [${channels}] (one slope per channel, the last axis of x ${formatShape(t.shape)}), ` +
          `got ${formatShape(w.shape)}`,
      );
    }
    return tk.where(tk.greater(t, 0), t, tk.mul(w, t));
  });
}
