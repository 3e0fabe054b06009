import {
  add, cast, cos, div, exp, greater, greaterEqual, less, lessEqual, logicalAnd, mul, neg, sigmoid, sign, sin, square,
  step, sub, zerosLike, type Tensor,
} from '@tensorkit/tensor';
import type { GradFunc } from '../gradient-types';

const mask = (condition: Tensor): Tensor => cast(condition, 'float32');
/** The derivative is 0 everywhere it exists (floor, sign, ...): PyTorch returns zeros. */
const zeroGrad: GradFunc = (_dy, { inputs: [x] }) => [zerosLike(x!)];
const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);

/** Gradients of the unary kernels, as tensor ops (so they can be differentiated again). */
export const UNARY_GRADIENTS: Record<string, GradFunc> = {
  Neg: (dy) => [neg(dy)],
  Abs: (dy, { inputs: [x] }) => [mul(dy, sign(x!))],
  Sign: zeroGrad,
  Floor: zeroGrad,
  Ceil: zeroGrad,
  Round: zeroGrad,
  Step: zeroGrad,
  Exp: (dy, { outputs: [y] }) => [mul(dy, y!)],
  Log: (dy, { inputs: [x] }) => [div(dy, x!)],
  Log1p: (dy, { inputs: [x] }) => [div(dy, add(x!, 1))],
  Expm1: (dy, { outputs: [y] }) => [mul(dy, add(y!, 1))],
  Sqrt: (dy, { outputs: [y] }) => [div(dy, mul(y!, 2))],
  Rsqrt: (dy, { inputs: [x], outputs: [y] }) => [mul(dy, mul(-0.5, div(y!, x!)))],
  Square: (dy, { inputs: [x] }) => [mul(dy, mul(x!, 2))],
  Reciprocal: (dy, { outputs: [y] }) => [neg(mul(dy, square(y!)))],
  Sin: (dy, { inputs: [x] }) => [mul(dy, cos(x!))],
  Cos: (dy, { inputs: [x] }) => [neg(mul(dy, sin(x!)))],
  Tanh: (dy, { outputs: [y] }) => [mul(dy, sub(1, square(y!)))],
  Sigmoid: (dy, { outputs: [y] }) => [mul(dy, mul(y!, sub(1, y!)))],
  Softplus: (dy, { inputs: [x] }) => [mul(dy, sigmoid(x!))],
  Erf: (dy, { inputs: [x] }) => [mul(dy, mul(TWO_OVER_SQRT_PI, exp(neg(square(x!)))))],
  // Kinks follow PyTorch: relu'(0) = 0, leakyRelu'(0) = slope, relu6 and hardTanh are 0 at both ends.
  Relu: (dy, { inputs: [x] }) => [mul(dy, step(x!, 0))],
  LeakyRelu: (dy, { inputs: [x], attrs }) => [mul(dy, step(x!, (attrs as { alpha: number }).alpha))],
  Relu6: (dy, { inputs: [x] }) => [mul(dy, mask(logicalAnd(greater(x!, 0), less(x!, 6))))],
  HardTanh: (dy, { inputs: [x], attrs }) => {
    const { min, max } = attrs as { min: number; max: number };
    return [mul(dy, mask(logicalAnd(greater(x!, min), less(x!, max))))];
  },
  // clamp passes the gradient at its boundaries (min <= x <= max), unlike hardTanh.
  Clamp: (dy, { inputs: [x], attrs }) => {
    const { min, max } = attrs as { min: number; max: number };
    return [mul(dy, mask(logicalAnd(greaterEqual(x!, min), lessEqual(x!, max))))];
  },
  LogicalNot: () => [null],
  IsNaN: () => [null],
};
