import {
  broadcastTo, cast, div, equal, logicalAnd, mul, prod, reshape, sum, where, type Tensor,
} from '@tensorkit/tensor';
import type { GradFunc } from '../gradient-types';
import { keptShape } from './broadcast';

type AxesAttrs = { axes: readonly number[] };

/** dy and the forward output, reshaped with the reduced axes kept, broadcast back to x's shape. */
function expand(t: Tensor, x: Tensor, axes: readonly number[]): Tensor {
  return broadcastTo(reshape(t, keptShape(x.shape, axes)), x.shape);
}

/** max/min: the gradient goes to the extreme elements, shared evenly among ties (PyTorch amax). */
const extremeGrad: GradFunc<AxesAttrs> = (dy, { inputs: [x], outputs: [y], attrs: { axes } }) => {
  const hit = cast(equal(x!, expand(y!, x!, axes)), 'float32');
  const count = expand(sum(hit, [...axes]), x!, axes);
  return [mul(expand(dy, x!, axes), div(hit, count))];
};

/**
 * prod: d/dx_i = product of the other elements, exactly, also with zeros (PyTorch): with no
 * zero it is y / x_i; with one zero only that element gets the product of the others; with
 * two or more every gradient is 0.
 */
const prodGrad: GradFunc<AxesAttrs> = (dy, { inputs: [x], outputs: [y], attrs: { axes } }) => {
  const isZero = equal(x!, 0);
  const zeros = expand(sum(cast(isZero, 'float32'), [...axes]), x!, axes);
  const othersIfOneZero = expand(prod(where(isZero, 1, x!), [...axes]), x!, axes);
  const noZero = div(expand(y!, x!, axes), where(isZero, 1, x!));
  const local = where(equal(zeros, 0), noZero, where(logicalAnd(equal(zeros, 1), isZero), othersIfOneZero, 0));
  return [mul(expand(dy, x!, axes), local)];
};

/** Gradients of the reduction kernels. */
export const REDUCTION_GRADIENTS: Record<string, GradFunc> = {
  Sum: (dy, { inputs: [x], attrs }) => [expand(dy, x!, (attrs as AxesAttrs).axes)],
  Prod: prodGrad,
  Max: extremeGrad,
  Min: extremeGrad,
  All: () => [null],
  Any: () => [null],
  ArgMax: () => [null],
  ArgMin: () => [null],
};
