import {
  add, cast, div, equal, floor, greater, greaterEqual, less, log, logicalAnd, mul, neg, pow, square, sub, where, type Tensor,
} from '@tensorkit/tensor';
import type { GradFunc } from '../gradient-types';
import { unbroadcast } from './broadcast';

const float = (condition: Tensor): Tensor => cast(condition, 'float32');

/** Gradient split for maximum/minimum: the winner gets dy, a tie splits it 50/50 (PyTorch). */
function selectionGrads(dy: Tensor, a: Tensor, b: Tensor, aWins: Tensor): Tensor[] {
  const tie = float(equal(a, b));
  const weightA = add(float(aWins), mul(tie, 0.5));
  const weightB = sub(1, weightA);
  return [unbroadcast(mul(dy, weightA), a.shape), unbroadcast(mul(dy, weightB), b.shape)];
}

/** Gradients of the binary kernels; each is summed back to its input's (broadcast) shape. */
export const BINARY_GRADIENTS: Record<string, GradFunc> = {
  Add: (dy, { inputs: [a, b] }) => [unbroadcast(dy, a!.shape), unbroadcast(dy, b!.shape)],
  Sub: (dy, { inputs: [a, b] }) => [unbroadcast(dy, a!.shape), unbroadcast(neg(dy), b!.shape)],
  Mul: (dy, { inputs: [a, b] }) => [unbroadcast(mul(dy, b!), a!.shape), unbroadcast(mul(dy, a!), b!.shape)],
  Div: (dy, { inputs: [a, b] }) => [
    unbroadcast(div(dy, b!), a!.shape),
    unbroadcast(neg(div(mul(dy, a!), square(b!))), b!.shape),
  ],
  Pow: (dy, { inputs: [a, b], outputs: [y] }) => {
    // PyTorch: d/da = b·a^(b-1), masked to 0 where b == 0; d/db = a^b·log a, masked to 0 where a == 0 and b >= 0.
    const da = where(equal(b!, 0), 0, mul(b!, pow(a!, sub(b!, 1))));
    const logA = where(logicalAnd(equal(a!, 0), greaterEqual(b!, 0)), 0, mul(y!, log(a!)));
    return [unbroadcast(mul(dy, da), a!.shape), unbroadcast(mul(dy, logA), b!.shape)];
  },
  Maximum: (dy, { inputs: [a, b] }) => selectionGrads(dy, a!, b!, greater(a!, b!)),
  Minimum: (dy, { inputs: [a, b] }) => selectionGrads(dy, a!, b!, less(a!, b!)),
  // remainder(a, b) = a - floor(a / b)·b
  Mod: (dy, { inputs: [a, b] }) => [unbroadcast(dy, a!.shape), unbroadcast(neg(mul(dy, floor(div(a!, b!)))), b!.shape)],
  Where: (dy, { inputs: [condition, a, b] }) => [
    null,
    unbroadcast(where(condition!, dy, 0), a!.shape),
    unbroadcast(where(condition!, 0, dy), b!.shape),
  ],
  // Comparisons and logic are piecewise constant: no gradient flows to either side.
  Equal: () => [null, null],
  NotEqual: () => [null, null],
  Less: () => [null, null],
  LessEqual: () => [null, null],
  Greater: () => [null, null],
  GreaterEqual: () => [null, null],
  LogicalAnd: () => [null, null],
  LogicalOr: () => [null, null],
  // A cast between float32 tensors is the identity; casts to or from integers carry no gradient.
  Cast: (dy, { inputs: [x], outputs: [y] }) => [x!.dtype === 'float32' && y!.dtype === 'float32' ? dy : null],
};
