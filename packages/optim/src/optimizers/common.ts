/**
 * Elementwise building blocks shared by the update rules, so each rule reads like its PyTorch
 * formula.
 */
import { add, mul, square, type Tensor } from '@tensorkit/tensor';

/** Coupled (L2) weight decay: `g + weightDecay·θ`, or `g` itself when the decay is 0. */
export function l2(grad: Tensor, param: Tensor, weightDecay: number): Tensor {
  return weightDecay === 0 ? grad : add(grad, mul(param, weightDecay));
}

/** An exponential moving average `β·avg + (1−β)·x`. */
export function ema(avg: Tensor, x: Tensor, beta: number): Tensor {
  return add(mul(avg, beta), mul(x, 1 - beta));
}

/** `β·avg + (1−β)·x²`, the second-moment average of Adam, RMSprop and Adadelta. */
export function emaSquare(avg: Tensor, x: Tensor, beta: number): Tensor {
  return ema(avg, square(x), beta);
}
