import {
  add, cast, div, exp, expandDims, mul, neg, notEqual, oneHot, relu, square, sub, sum, tidy, where, type Tensor, type TensorLike,
} from '@tensorkit/tensor';
import { ArgumentError } from '@tensorkit/core';
import { classTargets, pick, targetWeights } from './classes';
import { floatArg, numberOption, optionsOf } from './options';
import { lossPlugin } from './plugin';
import { pointwise } from './pointwise';
import { reduce, reductionOption, type Reduction } from './reduce';
import type { ReductionOptions } from './regression';

/**
 * Options of {@link hingeEmbedding}.
 *
 * @example
 * ```ts
 * const o: HingeEmbeddingOptions = { margin: 2 };
 * ```
 */
export interface HingeEmbeddingOptions extends ReductionOptions {
  /** Default 1. */
  margin?: number;
}

/**
 * Options of {@link multiMarginHinge}.
 *
 * @example
 * ```ts
 * const o: MultiMarginHingeOptions = { p: 2, margin: 0.5 };
 * ```
 */
export interface MultiMarginHingeOptions extends ReductionOptions {
  /** The exponent, 1 or 2 (as PyTorch). Default 1. */
  p?: number;
  /** Default 1. */
  margin?: number;
  /** Class weights, shape `[C]`. */
  weight?: TensorLike;
}

/** A loss of `m = y·f` with only `reduction`. */
function ofMargin(loss: string, f: (m: Tensor) => Tensor) {
  return (yTrue: TensorLike, yPred: TensorLike, options?: ReductionOptions): Tensor => {
    const reduction = reductionOption(optionsOf(options, loss).reduction, loss);
    return pointwise(loss, yTrue, yPred, reduction, (y, fx) => f(mul(y, fx)));
  };
}

/**
 * Binary hinge loss with labels −1/1 (not 0/1): `ℓ = max(0, 1 − y·f)`.
 *
 * @example
 * ```ts
 * hinge(tensor([1, -1]), tensor([0.3, -2])); // (0.7 + 0) / 2
 * ```
 */
export const hinge = /* @__PURE__ */ ofMargin('hinge', (m) => relu(sub(1, m)));

/**
 * Squared hinge loss with labels −1/1: `ℓ = max(0, 1 − y·f)²`.
 *
 * @example
 * ```ts
 * squaredHinge(tensor([1, -1]), tensor([0.3, -2])); // (0.49 + 0) / 2
 * ```
 */
export const squaredHinge = /* @__PURE__ */ ofMargin('squaredHinge', (m) => square(relu(sub(1, m))));

/**
 * Exponential loss (AdaBoost's) with labels −1/1: `ℓ = exp(−y·f)`.
 *
 * @example
 * ```ts
 * exponential(tensor([1, -1]), tensor([0, 1])); // (1 + e^−1) / 2
 * ```
 */
export const exponential = /* @__PURE__ */ ofMargin('exponential', (m) => exp(neg(m)));

/**
 * PyTorch's `HingeEmbeddingLoss`, labels −1/1: `ℓ = x` where y = 1, `max(0, margin − x)` where
 * y = −1 (x is typically a distance).
 *
 * @example
 * ```ts
 * hingeEmbedding(tensor([1, -1]), tensor([0.3, 0.4]), { margin: 1 }); // (0.3 + 0.6) / 2
 * ```
 */
export function hingeEmbedding(yTrue: TensorLike, yPred: TensorLike, options?: HingeEmbeddingOptions): Tensor {
  const loss = 'hingeEmbedding';
  const o = optionsOf(options, loss);
  const reduction = reductionOption(o.reduction, loss);
  const margin = numberOption(o.margin, 1, 'margin', loss);
  return pointwise(loss, yTrue, yPred, reduction, (y, x) =>
    add(where(notEqual(y, 1), relu(sub(margin, x)), 0), where(notEqual(y, -1), x, 0)),
  );
}

/**
 * PyTorch's `MultiMarginLoss` (multi-class hinge), class-index labels, class axis last:
 * `ℓ_n = (1/C)·Σ_{j≠y_n} w[y_n]·max(0, margin − x[n, y_n] + x[n, j])^p`, p ∈ {1, 2}; `'mean'`
 * averages over samples.
 *
 * @example
 * ```ts
 * multiMarginHinge(tensor([0], undefined, 'int32'), tensor([[1, 0.5, -1]])); // (0.5 + 0) / 3
 * ```
 */
export function multiMarginHinge(yTrue: TensorLike, yPred: TensorLike, options?: MultiMarginHingeOptions): Tensor {
  const loss = 'multiMarginHinge';
  const o = optionsOf(options, loss);
  const reduction: Reduction = reductionOption(o.reduction, loss);
  const margin = numberOption(o.margin, 1, 'margin', loss);
  const p = numberOption(o.p, 1, 'p', loss);
  if (p !== 1 && p !== 2) throw new ArgumentError('INVALID_ARGUMENT', `${loss}: option 'p' must be 1 or 2 (as in PyTorch), got ${p}`);
  return tidy(() => {
    const x = floatArg(yPred, 'yPred', loss);
    const targets = classTargets(yTrue, x, loss);
    const violation = relu(add(sub(margin, expandDims(pick(x, targets), -1)), x));
    const powered = p === 2 ? square(violation) : violation;
    const others = sub(1, cast(oneHot(targets.safe, targets.numClasses), 'float32'));
    let perSample = div(sum(mul(powered, others), -1), targets.numClasses);
    const w = targetWeights(o.weight, targets, loss);
    if (w) perSample = mul(perSample, w);
    return reduce(perSample, reduction);
  });
}

/**
 * The {@link hinge} plugin.
 *
 * @example
 * ```ts
 * use(hingeLoss);
 * ```
 */
export const hingeLoss = /* @__PURE__ */ lossPlugin('hinge', hinge, 'values');

/**
 * The {@link squaredHinge} plugin.
 *
 * @example
 * ```ts
 * use(squaredHingeLoss);
 * ```
 */
export const squaredHingeLoss = /* @__PURE__ */ lossPlugin('squaredHinge', squaredHinge, 'values');

/**
 * The {@link exponential} plugin.
 *
 * @example
 * ```ts
 * use(exponentialLoss);
 * ```
 */
export const exponentialLoss = /* @__PURE__ */ lossPlugin('exponential', exponential, 'values');

/**
 * The {@link hingeEmbedding} plugin.
 *
 * @example
 * ```ts
 * use(hingeEmbeddingLoss);
 * ```
 */
export const hingeEmbeddingLoss = /* @__PURE__ */ lossPlugin('hingeEmbedding', hingeEmbedding, 'values');

/**
 * The {@link multiMarginHinge} plugin (alias `multiMargin`; expects raw class scores).
 *
 * @example
 * ```ts
 * use(multiMarginHingeLoss);
 * ```
 */
export const multiMarginHingeLoss = /* @__PURE__ */ lossPlugin('multiMarginHinge', multiMarginHinge, 'logits', { aliases: ['multiMargin'] });
