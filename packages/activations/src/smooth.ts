import { ArgumentError } from '@tensorkit/core';
import * as tk from '@tensorkit/tensor';
import type { Tensor, TensorLike } from '@tensorkit/tensor';
import { floatTensor, numberOption, optionsOf } from './options';

/** Options of {@link softplus}. */
export interface SoftplusOptions {
  /** The sharpness `β` (> 0). Default 1. */
  beta?: number;
  /** Above `β·x > threshold` the result is `x` itself (PyTorch's linear regime). Default 20. */
  threshold?: number;
}

/**
 * `softplus(x) = log(1 + e^(βx)) / β`, and `x` where `βx > threshold` (PyTorch's rule; at
 * `βx = threshold` the log form is used). Defaults `β = 1`, `threshold = 20`. The log form is
 * evaluated on `min(βx, threshold)`, so neither branch overflows and the gradient stays finite.
 *
 * @example
 * ```ts
 * softplus(tensor([0, 100]));                       // [0.6931, 100]
 * softplus(tensor([1]), { beta: 2, threshold: 10 }); // [1.0635]
 * ```
 */
export function softplus(x: TensorLike, options?: SoftplusOptions): Tensor {
  const o = optionsOf(options, 'softplus', ['beta', 'threshold']);
  const beta = numberOption(o.beta, 1, 'beta', 'softplus', true);
  const threshold = numberOption(o.threshold, 20, 'threshold', 'softplus');
  return tk.tidy(() => {
    const t = floatTensor(x, 'softplus');
    const bx = tk.mul(t, beta);
    const smooth = tk.div(tk.log1p(tk.exp(tk.clamp(bx, null, threshold))), beta);
    return tk.where(tk.greater(bx, threshold), t, smooth);
  });
}

/**
 * `softsign(x) = x / (1 + |x|)`, a slower-saturating alternative to tanh.
 *
 * @example
 * ```ts
 * softsign(tensor([-3, 0, 1])); // [-0.75, 0, 0.5]
 * ```
 */
export const softsign = (x: TensorLike): Tensor =>
  tk.tidy(() => {
    const t = floatTensor(x, 'softsign');
    return tk.div(t, tk.add(1, tk.abs(t)));
  });

/**
 * `mish(x) = x·tanh(softplus(x))` (Misra 2019), with softplus at β = 1.
 *
 * @example
 * ```ts
 * mish(tensor([-1, 0, 1])); // [-0.3034, 0, 0.8651]
 * ```
 */
export const mish = (x: TensorLike): Tensor =>
  tk.tidy(() => {
    const t = floatTensor(x, 'mish');
    return tk.mul(t, tk.tanh(tk.softplus(t)));
  });

/** Options of {@link gelu}. */
export interface GeluOptions {
  /** `'none'` (default) for the exact erf form, `'tanh'` for the tanh approximation. */
  approximate?: 'none' | 'tanh';
}

const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);

/**
 * The Gaussian error linear unit, `gelu(x) = x·Φ(x) = ½x(1 + erf(x/√2))`; with
 * `approximate: 'tanh'`, `½x(1 + tanh(√(2/π)(x + 0.044715x³)))` (as in PyTorch; the exact form
 * is the default, Keras's default is the approximation).
 *
 * @example
 * ```ts
 * gelu(tensor([-1, 0, 1]));                         // [-0.1587, 0, 0.8413]
 * gelu(tensor([1]), { approximate: 'tanh' });       // [0.8412]
 * ```
 */
export function gelu(x: TensorLike, options?: GeluOptions): Tensor {
  const { approximate = 'none' } = optionsOf(options, 'gelu', ['approximate']);
  if (approximate !== 'none' && approximate !== 'tanh') {
    throw new ArgumentError('INVALID_ARGUMENT', `gelu: approximate must be 'none' or 'tanh', got ${JSON.stringify(approximate)}`);
  }
  return tk.tidy(() => {
    const t = floatTensor(x, 'gelu');
    const cdf =
      approximate === 'none'
        ? tk.erf(tk.mul(t, Math.SQRT1_2))
        : tk.tanh(tk.mul(SQRT_2_OVER_PI, tk.add(t, tk.mul(0.044715, tk.mul(tk.square(t), t)))));
    return tk.mul(tk.mul(0.5, t), tk.add(1, cdf));
  });
}
