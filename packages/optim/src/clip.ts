/**
 * Gradient clipping, as PyTorch's `clip_grad_norm_` and `clip_grad_value_`, but functional: the
 * clipped gradients come back in a new Map and the inputs are left alone (tensors are immutable),
 * so the caller disposes the old gradients as it disposes any other intermediate (or uses `tidy`).
 */
import { ArgumentError } from '@tensorkit/core';
import { abs, add, clamp, div, isTensor, max, maximum, minimum, mul, scalar, sqrt, square, sum, tidy, type Tensor } from '@tensorkit/tensor';
import { badOption } from './validate';

/** PyTorch adds this to the total norm before dividing, so a zero gradient is never divided by 0. */
const NORM_EPS = 1e-6;

/**
 * The result of {@link clipGradNorm}: the clipped gradients (a new Map, same keys) and the total
 * norm before clipping as a scalar tensor (read it when you need it; nothing waits on the GPU).
 *
 * @example
 * ```ts
 * const { grads: clipped, totalNorm } = clipGradNorm(grads, 1);
 * ```
 */
export interface ClipGradNormResult<K> {
  readonly grads: Map<K, Tensor>;
  readonly totalNorm: Tensor;
}

function checkGrads(op: string, grads: unknown): asserts grads is Map<unknown, Tensor> {
  if (!(grads instanceof Map) || ![...grads.values()].every(isTensor)) {
    throw new ArgumentError(
      'INVALID_ARGUMENT',
      `${op}: grads must be a Map of tensors (the 'grads' returned by variableGrads), got ${grads === null ? 'null' : typeof grads}`,
    );
  }
}

/** The total `normType` norm of all gradients together, as a scalar tensor. */
export function totalNormOf(gs: readonly Tensor[], normType: number): Tensor {
  if (gs.length === 0) return scalar(0);
  if (normType === Infinity) return gs.map((g) => max(abs(g))).reduce((a, b) => maximum(a, b));
  return sqrt(gs.map((g) => sum(square(g))).reduce((a, b) => add(a, b)));
}

/** `min(1, maxNorm / (norm + 1e-6))` as a scalar tensor: exactly 1 when no clipping is needed. */
export function clipCoefficient(norm: Tensor, maxNorm: number): Tensor {
  return minimum(div(maxNorm, add(norm, NORM_EPS)), 1);
}

/**
 * Rescales the gradients so that their total norm (all of them together, as one vector) is at most
 * `maxNorm`: each gradient is multiplied by `min(1, maxNorm / (total + 1e-6))`. `normType` is 2
 * (Euclidean) or `Infinity` (the largest absolute value). Returns the clipped gradients in a new
 * Map and the total norm before clipping, as a scalar tensor. The input gradients are not
 * disposed.
 *
 * @example
 * ```ts
 * const { value, grads } = variableGrads(loss);
 * const { grads: clipped, totalNorm } = clipGradNorm(grads, 1.0);
 * optimizer.step(clipped);
 * dispose([value, grads, clipped, totalNorm]);
 * ```
 */
export function clipGradNorm<K>(grads: Map<K, Tensor>, maxNorm: number, normType: number = 2): ClipGradNormResult<K> {
  checkGrads('clipGradNorm', grads);
  if (typeof maxNorm !== 'number' || !(maxNorm > 0) || !Number.isFinite(maxNorm)) {
    badOption('clipGradNorm', 'maxNorm', maxNorm, 'a finite number > 0');
  }
  if (normType !== 2 && normType !== Infinity) badOption('clipGradNorm', 'normType', normType, '2 or Infinity');
  const keys = [...grads.keys()];
  const gs = [...grads.values()];
  return tidy(() => {
    const totalNorm = totalNormOf(gs, normType);
    const coef = clipCoefficient(totalNorm, maxNorm);
    return { grads: new Map(keys.map((k, i) => [k, mul(gs[i]!, coef)])), totalNorm };
  });
}

/**
 * Clamps every gradient element to `[-clipValue, clipValue]`. Returns a new Map; the input
 * gradients are not disposed.
 *
 * @example
 * ```ts
 * const clipped = clipGradValue(grads, 0.5);
 * ```
 */
export function clipGradValue<K>(grads: Map<K, Tensor>, clipValue: number): Map<K, Tensor> {
  checkGrads('clipGradValue', grads);
  if (typeof clipValue !== 'number' || !(clipValue > 0) || !Number.isFinite(clipValue)) {
    badOption('clipGradValue', 'clipValue', clipValue, 'a finite number > 0');
  }
  return new Map([...grads].map(([k, g]) => [k, clamp(g, -clipValue, clipValue)]));
}
