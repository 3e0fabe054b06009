import type { ArithmeticKernelName, ComparisonKernelName } from '@tensorkit/core';
import type { TensorLike } from '../convert';
import type { Tensor } from '../tensor';
import { binaryOperands } from './operands';

function arithmetic(kernel: ArithmeticKernelName, op: string, a: TensorLike, b: TensorLike, float = false): Tensor {
  const { ops, x, y } = binaryOperands(a, b, op, float);
  return ops.run(kernel, [x, y], {});
}

function compare(kernel: ComparisonKernelName, op: string, a: TensorLike, b: TensorLike): Tensor {
  const { ops, x, y } = binaryOperands(a, b, op);
  return ops.run(kernel, [x, y], {});
}

/**
 * `a + b`, broadcasting; a number is allowed on either side.
 *
 * @example
 * ```ts
 * add(tensor([1, 2]), 10); // [11, 12]
 * ```
 */
export const add = (a: TensorLike, b: TensorLike): Tensor => arithmetic('Add', 'add', a, b);

/**
 * `a - b`, broadcasting. `sub(2, x)` is PyTorch's `2 - x`.
 *
 * @example
 * ```ts
 * sub(2, tensor([1, 5])); // [1, -3]
 * ```
 */
export const sub = (a: TensorLike, b: TensorLike): Tensor => arithmetic('Sub', 'sub', a, b);

/**
 * `a * b`, broadcasting.
 *
 * @example
 * ```ts
 * mul(tensor([[1], [2]]), tensor([3, 4])); // [[3, 4], [6, 8]]
 * ```
 */
export const mul = (a: TensorLike, b: TensorLike): Tensor => arithmetic('Mul', 'mul', a, b);

/**
 * True division `a / b`, broadcasting. Integer inputs give float32, as in PyTorch.
 *
 * @example
 * ```ts
 * div(tensor([1, 2], undefined, 'int32'), 2); // [0.5, 1] float32
 * ```
 */
export const div = (a: TensorLike, b: TensorLike): Tensor => arithmetic('Div', 'div', a, b, true);

/**
 * `a ** b`, broadcasting.
 *
 * @example
 * ```ts
 * pow(tensor([2, 3]), 2); // [4, 9]
 * ```
 */
export const pow = (a: TensorLike, b: TensorLike): Tensor => arithmetic('Pow', 'pow', a, b);

/**
 * Elementwise maximum, broadcasting.
 *
 * @example
 * ```ts
 * maximum(tensor([1, 5]), 3); // [3, 5]
 * ```
 */
export const maximum = (a: TensorLike, b: TensorLike): Tensor => arithmetic('Maximum', 'maximum', a, b);

/**
 * Elementwise minimum, broadcasting.
 *
 * @example
 * ```ts
 * minimum(tensor([1, 5]), 3); // [1, 3]
 * ```
 */
export const minimum = (a: TensorLike, b: TensorLike): Tensor => arithmetic('Minimum', 'minimum', a, b);

/**
 * Remainder with the sign of the divisor (Python's `%`, PyTorch's `remainder`).
 *
 * @example
 * ```ts
 * mod(tensor([-3, 3]), 2); // [1, 1]
 * ```
 */
export const mod = (a: TensorLike, b: TensorLike): Tensor => arithmetic('Mod', 'mod', a, b);

/**
 * `a == b` elementwise, as bool.
 *
 * @example
 * ```ts
 * equal(tensor([1, 2]), 2); // [false, true]
 * ```
 */
export const equal = (a: TensorLike, b: TensorLike): Tensor => compare('Equal', 'equal', a, b);

/**
 * `a != b` elementwise, as bool.
 *
 * @example
 * ```ts
 * notEqual(tensor([1, 2]), 2); // [true, false]
 * ```
 */
export const notEqual = (a: TensorLike, b: TensorLike): Tensor => compare('NotEqual', 'notEqual', a, b);

/**
 * `a < b` elementwise, as bool.
 *
 * @example
 * ```ts
 * less(tensor([1, 3]), 2); // [true, false]
 * ```
 */
export const less = (a: TensorLike, b: TensorLike): Tensor => compare('Less', 'less', a, b);

/**
 * `a <= b` elementwise, as bool.
 *
 * @example
 * ```ts
 * lessEqual(tensor([2, 3]), 2); // [true, false]
 * ```
 */
export const lessEqual = (a: TensorLike, b: TensorLike): Tensor => compare('LessEqual', 'lessEqual', a, b);

/**
 * `a > b` elementwise, as bool.
 *
 * @example
 * ```ts
 * greater(tensor([1, 3]), 2); // [false, true]
 * ```
 */
export const greater = (a: TensorLike, b: TensorLike): Tensor => compare('Greater', 'greater', a, b);

/**
 * `a >= b` elementwise, as bool.
 *
 * @example
 * ```ts
 * greaterEqual(tensor([2, 1]), 2); // [true, false]
 * ```
 */
export const greaterEqual = (a: TensorLike, b: TensorLike): Tensor => compare('GreaterEqual', 'greaterEqual', a, b);

/**
 * Logical and of two bool tensors (other dtypes are compared with 0).
 *
 * @example
 * ```ts
 * logicalAnd(tensor([true, true]), tensor([true, false])); // [true, false]
 * ```
 */
export const logicalAnd = (a: TensorLike, b: TensorLike): Tensor => compare('LogicalAnd', 'logicalAnd', a, b);

/**
 * Logical or of two bool tensors.
 *
 * @example
 * ```ts
 * logicalOr(tensor([false, true]), false); // [false, true]
 * ```
 */
export const logicalOr = (a: TensorLike, b: TensorLike): Tensor => compare('LogicalOr', 'logicalOr', a, b);
