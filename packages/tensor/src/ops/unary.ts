import type { UnaryKernelName } from '@tensorkit/core';
import type { TensorLike } from '../convert';
import type { Tensor } from '../tensor';
import { Operands, castTo } from './operands';

/** Kernels that keep an integer dtype; every other unary op computes in float32. */
const KEEPS_DTYPE = new Set<UnaryKernelName>(['Neg', 'Abs', 'Sign', 'Square', 'Floor', 'Ceil', 'Round', 'Relu', 'Relu6']);

/** The one unary-op builder: convert, promote ints to float where the math needs it, run. @internal */
export function unary(kernel: UnaryKernelName, op: string, x: TensorLike): Tensor {
  const ops = new Operands(op);
  let t = ops.tensor(x, 'x');
  if (kernel === 'LogicalNot') t = castTo(ops, t, 'bool');
  else if (!KEEPS_DTYPE.has(kernel) || t.dtype === 'bool') t = castTo(ops, t, 'float32');
  return ops.run(kernel, [t], {});
}

/**
 * `-x`.
 *
 * @example
 * ```ts
 * neg(tensor([1, -2])); // [-1, 2]
 * ```
 */
export const neg = (x: TensorLike): Tensor => unary('Neg', 'neg', x);

/**
 * `|x|`.
 *
 * @example
 * ```ts
 * abs(tensor([-1, 2])); // [1, 2]
 * ```
 */
export const abs = (x: TensorLike): Tensor => unary('Abs', 'abs', x);

/**
 * The sign: -1, 0 or 1.
 *
 * @example
 * ```ts
 * sign(tensor([-3, 0, 2])); // [-1, 0, 1]
 * ```
 */
export const sign = (x: TensorLike): Tensor => unary('Sign', 'sign', x);

/**
 * `e^x`.
 *
 * @example
 * ```ts
 * exp(tensor([0, 1])); // [1, 2.718]
 * ```
 */
export const exp = (x: TensorLike): Tensor => unary('Exp', 'exp', x);

/**
 * Natural logarithm.
 *
 * @example
 * ```ts
 * log(tensor([1, Math.E])); // [0, 1]
 * ```
 */
export const log = (x: TensorLike): Tensor => unary('Log', 'log', x);

/**
 * `log(1 + x)`, accurate for small `x`.
 *
 * @example
 * ```ts
 * log1p(tensor([1e-8])); // [1e-8]
 * ```
 */
export const log1p = (x: TensorLike): Tensor => unary('Log1p', 'log1p', x);

/**
 * `e^x - 1`, accurate for small `x`.
 *
 * @example
 * ```ts
 * expm1(tensor([1e-8])); // [1e-8]
 * ```
 */
export const expm1 = (x: TensorLike): Tensor => unary('Expm1', 'expm1', x);

/**
 * Square root.
 *
 * @example
 * ```ts
 * sqrt(tensor([4, 9])); // [2, 3]
 * ```
 */
export const sqrt = (x: TensorLike): Tensor => unary('Sqrt', 'sqrt', x);

/**
 * `1 / sqrt(x)`.
 *
 * @example
 * ```ts
 * rsqrt(tensor([4])); // [0.5]
 * ```
 */
export const rsqrt = (x: TensorLike): Tensor => unary('Rsqrt', 'rsqrt', x);

/**
 * `x * x`.
 *
 * @example
 * ```ts
 * square(tensor([-3])); // [9]
 * ```
 */
export const square = (x: TensorLike): Tensor => unary('Square', 'square', x);

/**
 * `1 / x`.
 *
 * @example
 * ```ts
 * reciprocal(tensor([4])); // [0.25]
 * ```
 */
export const reciprocal = (x: TensorLike): Tensor => unary('Reciprocal', 'reciprocal', x);

/**
 * Sine (radians).
 *
 * @example
 * ```ts
 * sin(tensor([0])); // [0]
 * ```
 */
export const sin = (x: TensorLike): Tensor => unary('Sin', 'sin', x);

/**
 * Cosine (radians).
 *
 * @example
 * ```ts
 * cos(tensor([0])); // [1]
 * ```
 */
export const cos = (x: TensorLike): Tensor => unary('Cos', 'cos', x);

/**
 * Hyperbolic tangent.
 *
 * @example
 * ```ts
 * tanh(tensor([0])); // [0]
 * ```
 */
export const tanh = (x: TensorLike): Tensor => unary('Tanh', 'tanh', x);

/**
 * The logistic function `1 / (1 + e^-x)`, stable for large `|x|`.
 *
 * @example
 * ```ts
 * sigmoid(tensor([0])); // [0.5]
 * ```
 */
export const sigmoid = (x: TensorLike): Tensor => unary('Sigmoid', 'sigmoid', x);

/**
 * `log(1 + e^x)`, returning `x` above 20 like PyTorch (beta 1, threshold 20).
 *
 * @example
 * ```ts
 * softplus(tensor([0])); // [0.6931]
 * ```
 */
export const softplus = (x: TensorLike): Tensor => unary('Softplus', 'softplus', x);

/**
 * The error function.
 *
 * @example
 * ```ts
 * erf(tensor([0, 1])); // [0, 0.8427]
 * ```
 */
export const erf = (x: TensorLike): Tensor => unary('Erf', 'erf', x);

/**
 * Rounds down.
 *
 * @example
 * ```ts
 * floor(tensor([1.7, -1.2])); // [1, -2]
 * ```
 */
export const floor = (x: TensorLike): Tensor => unary('Floor', 'floor', x);

/**
 * Rounds up.
 *
 * @example
 * ```ts
 * ceil(tensor([1.2])); // [2]
 * ```
 */
export const ceil = (x: TensorLike): Tensor => unary('Ceil', 'ceil', x);

/**
 * Rounds half to even, like PyTorch and NumPy.
 *
 * @example
 * ```ts
 * round(tensor([0.5, 1.5, 2.5])); // [0, 2, 2]
 * ```
 */
export const round = (x: TensorLike): Tensor => unary('Round', 'round', x);

/**
 * Logical not (non-bool inputs are compared with 0 first).
 *
 * @example
 * ```ts
 * logicalNot(tensor([true, false])); // [false, true]
 * ```
 */
export const logicalNot = (x: TensorLike): Tensor => unary('LogicalNot', 'logicalNot', x);

/**
 * True where `x` is NaN.
 *
 * @example
 * ```ts
 * isNaN(tensor([NaN, 1])); // [true, false]
 * ```
 */
export const isNaN = (x: TensorLike): Tensor => unary('IsNaN', 'isNaN', x);
