import * as tk from '@tensorkit/tensor';
import type { Tensor, TensorLike } from '@tensorkit/tensor';
import { customGrad } from '@tensorkit/autograd';
import { floatTensor, onFloat } from './options';

/**
 * The logistic function: `sigmoid(x) = 1 / (1 + e^(−x))`. It saturates: at ±10 its gradient
 * `σ(x)(1 − σ(x))` is below 5e-5, which is why deep sigmoid stacks learn slowly.
 *
 * @example
 * ```ts
 * sigmoid(tensor([0, 100])); // [0.5, 1]
 * ```
 */
export const sigmoid = (x: TensorLike): Tensor => onFloat(x, 'sigmoid', tk.sigmoid);

/**
 * The hyperbolic tangent: `tanh(x) = (eˣ − e^(−x)) / (eˣ + e^(−x))`. Unlike sigmoid it is
 * zero-centred: `tanh(0) = 0` and `tanh(−x) = −tanh(x)`.
 *
 * @example
 * ```ts
 * tanh(tensor([-1, 0, 1])); // [-0.7616, 0, 0.7616]
 * ```
 */
export const tanh = (x: TensorLike): Tensor => onFloat(x, 'tanh', tk.tanh);

/**
 * `logSigmoid(x) = log σ(x) = −softplus(−x)`, computed in that form so that it is finite and
 * exact for large |x| (`logSigmoid(−100) = −100`, where `log(σ(−100))` underflows to `−inf`).
 *
 * @example
 * ```ts
 * logSigmoid(tensor([-100, 0])); // [-100, -0.6931]
 * ```
 */
export const logSigmoid = (x: TensorLike): Tensor => tk.tidy(() => tk.neg(tk.softplus(tk.neg(floatTensor(x, 'logSigmoid')))));

/**
 * The sigmoid-weighted linear unit: `silu(x) = x·σ(x)`, also registered as `swish`.
 *
 * @example
 * ```ts
 * silu(tensor([-1, 0, 1])); // [-0.2689, 0, 0.7311]
 * ```
 */
export const silu = (x: TensorLike): Tensor =>
  tk.tidy(() => {
    const t = floatTensor(x, 'silu');
    return tk.mul(t, tk.sigmoid(t));
  });

/**
 * `swish(x) = x·σ(x)`: the same function as {@link silu}.
 *
 * @example
 * ```ts
 * swish(tensor([1])); // [0.7311]
 * ```
 */
export const swish = silu;

/**
 * The piecewise-linear sigmoid: `hardSigmoid(x) = relu6(x + 3) / 6`, i.e. `0` if `x ≤ −3`, `1`
 * if `x ≥ 3`, else `x/6 + 1/2` (PyTorch's; Keras's old hard_sigmoid used `0.2x + 0.5`). Its
 * gradient is `1/6` strictly inside (−3, 3) and 0 at the kinks, as in PyTorch.
 *
 * @example
 * ```ts
 * hardSigmoid(tensor([-4, 0, 1.5])); // [0, 0.5, 0.75]
 * ```
 */
export const hardSigmoid = (x: TensorLike): Tensor =>
  tk.tidy(() => tk.div(tk.relu6(tk.add(floatTensor(x, 'hardSigmoid'), 3)), 6));

/*
 * PyTorch's hardswish_backward: 0 below −3, x/3 + 1/2 on [−3, 3], 1 above. The composition
 * x·relu6(x+3)/6 would give 0 and 1 at the kinks instead of −1/2 and 3/2.
 */
const hardSwishWithGrad = /* @__PURE__ */ customGrad((x) => ({
  value: tk.div(tk.mul(x, tk.relu6(tk.add(x, 3))), 6),
  gradFunc: (dy, { inputs: [t] }) => [
    tk.mul(dy, tk.where(tk.less(t!, -3), 0, tk.where(tk.lessEqual(t!, 3), tk.add(tk.div(t!, 3), 0.5), 1))),
  ],
}));

/**
 * `hardSwish(x) = x·relu6(x + 3) / 6` (MobileNetV3): `0` if `x ≤ −3`, `x` if `x ≥ 3`, else
 * `x(x + 3)/6`. The gradient at the kinks follows PyTorch: `x/3 + 1/2` on `[−3, 3]`, so `−1/2`
 * at −3 and `3/2` at 3.
 *
 * @example
 * ```ts
 * hardSwish(tensor([-4, 1, 4])); // [0, 0.6667, 4]
 * ```
 */
export const hardSwish = (x: TensorLike): Tensor => tk.tidy(() => hardSwishWithGrad(floatTensor(x, 'hardSwish')));
