import * as tk from '@tensorkit/tensor';
import type { Tensor, TensorLike } from '@tensorkit/tensor';

/**
 * `softmax(x)ᵢ = e^(xᵢ − m) / Σⱼ e^(xⱼ − m)` along `axis` (default the last), with
 * `m = max(x)`: shifting by the maximum keeps it exact for logits of ±1000.
 *
 * @example
 * ```ts
 * softmax(tensor([3.2, 1.3, 0.2, 0.8])); // [0.775, 0.116, 0.039, 0.070]
 * softmax(tensor([[1, 2], [3, 5]]), 0);   // per column
 * ```
 */
export const softmax = (x: TensorLike, axis = -1): Tensor => tk.softmax(x, axis);

/**
 * `logSoftmax(x)ᵢ = xᵢ − m − log Σⱼ e^(xⱼ − m)` along `axis` (default the last), `m = max(x)`:
 * finite for any logits, unlike `log(softmax(x))`.
 *
 * @example
 * ```ts
 * logSoftmax(tensor([1000, -1000])); // [0, -2000]
 * ```
 */
export const logSoftmax = (x: TensorLike, axis = -1): Tensor => tk.logSoftmax(x, axis);
