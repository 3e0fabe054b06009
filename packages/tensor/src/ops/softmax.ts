import type { TensorLike } from '../convert';
import type { Tensor } from '../tensor';
import { tidy } from '../tidy';
import { axisArg } from './args';
import { div, sub } from './binary';
import { floatOperand } from './operands';
import { max, sum } from './reduction';
import { exp, log } from './unary';

/**
 * The softmax along `axis` (default the last): `exp(x - max) / sum(exp(x - max))`. Shifting by
 * the maximum keeps it exact for large logits (±1000 included).
 *
 * @example
 * ```ts
 * softmax(tensor([1, 2, 3]));        // [0.0900, 0.2447, 0.6652]
 * softmax(tensor([[1000, 0]]), -1);  // [[1, 0]]
 * ```
 */
export function softmax(x: TensorLike, axis = -1): Tensor {
  return tidy(() => {
    const t = floatOperand(x, 'softmax');
    const ax = axisArg(axis, t.rank, 'softmax');
    const e = exp(sub(t, max(t, ax, true)));
    return div(e, sum(e, ax, true));
  });
}

/**
 * The log of the softmax along `axis`: `x - max - log(sum(exp(x - max)))`, stable for large
 * logits.
 *
 * @example
 * ```ts
 * logSoftmax(tensor([0, 0]));          // [-0.6931, -0.6931]
 * logSoftmax(tensor([1000, -1000]));   // [0, -2000]
 * ```
 */
export function logSoftmax(x: TensorLike, axis = -1): Tensor {
  return tidy(() => {
    const t = floatOperand(x, 'logSoftmax');
    const ax = axisArg(axis, t.rank, 'logSoftmax');
    const shifted = sub(t, max(t, ax, true));
    return sub(shifted, log(sum(exp(shifted), ax, true)));
  });
}
