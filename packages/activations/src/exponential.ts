import { ArgumentError } from '@tensorkit/core';
import * as tk from '@tensorkit/tensor';
import type { Tensor, TensorLike } from '@tensorkit/tensor';
import { floatTensor, numberOption, optionsOf } from './options';

/* SELU's constants (Klambauer et al. 2017), PyTorch's values. */
const SELU_ALPHA = 1.6732632423543772; // 1.6732632423543772848170429916717 rounded to a double
const SELU_SCALE = 1.0507009873554805; // 1.0507009873554804934193349852946 rounded to a double

/**
 * `scale·(x if x > 0 else alpha·(e^(x·inputScale) − 1))`, the shared shape of elu, selu and
 * celu. The exponential branch sees `min(x, 0)`: `where` differentiates both branches, and an
 * unclamped `exp(100)` is `inf` in float32, whose gradient `0·inf` would be NaN.
 */
function expLinear(x: TensorLike, fn: string, alpha: number, scale: number, inputScale: number): Tensor {
  return tk.tidy(() => {
    const t = floatTensor(x, fn);
    const negative = tk.mul(alpha, tk.expm1(tk.mul(tk.clamp(t, null, 0), inputScale)));
    const y = tk.where(tk.greater(t, 0), t, negative);
    return scale === 1 ? y : tk.mul(y, scale);
  });
}

/** Options of {@link elu} and {@link celu}. */
export interface EluOptions {
  /** The saturation value `α` for large negative inputs (the output tends to `−α`). Default 1. */
  alpha?: number;
}

/**
 * The exponential linear unit: `elu(x) = x if x > 0 else α(eˣ − 1)`, default `α = 1`.
 *
 * @example
 * ```ts
 * elu(tensor([-100, 0, 2]));               // [-1, 0, 2]
 * elu(tensor([-1]), { alpha: 0.5 });        // [-0.3161]
 * ```
 */
export function elu(x: TensorLike, options?: EluOptions): Tensor {
  const o = optionsOf(options, 'elu', ['alpha']);
  return expLinear(x, 'elu', numberOption(o.alpha, 1, 'alpha', 'elu'), 1, 1);
}

/**
 * The scaled ELU: `selu(x) = λ·(x if x > 0 else α(eˣ − 1))` with `α = 1.6732632423543772`
 * and `λ = 1.0507009873554805` (PyTorch's constants), which keep activations normalised through deep
 * stacks (pair it with `leCunNormal`).
 *
 * @example
 * ```ts
 * selu(tensor([-100, 0, 1])); // [-1.7581, 0, 1.0507]
 * ```
 */
export const selu = (x: TensorLike): Tensor => expLinear(x, 'selu', SELU_ALPHA, SELU_SCALE, 1);

/**
 * The continuously differentiable ELU: `celu(x) = max(0, x) + min(0, α(e^(x/α) − 1))`, default
 * `α = 1` (then it equals {@link elu}). `α` must not be 0.
 *
 * @example
 * ```ts
 * celu(tensor([-1, 2]), { alpha: 2 }); // [-0.7869, 2]
 * ```
 */
export function celu(x: TensorLike, options?: EluOptions): Tensor {
  const o = optionsOf(options, 'celu', ['alpha']);
  const alpha = numberOption(o.alpha, 1, 'alpha', 'celu');
  if (alpha === 0) throw new ArgumentError('INVALID_ARGUMENT', 'celu: alpha must not be 0 (celu divides by it); pass e.g. { alpha: 1 }');
  return expLinear(x, 'celu', alpha, 1, 1 / alpha);
}
