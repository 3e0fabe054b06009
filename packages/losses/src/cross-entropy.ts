import { formatShape, ShapeError } from '@tensorkit/core';
import { add, logSoftmax, mul, neg, sum, tidy, type Tensor, type TensorLike } from '@tensorkit/tensor';
import { classTargets, classWeights, pick, targetFactor, targetWeights } from './classes';
import { asTensor, floatArg, numberOption, optionsOf } from './options';
import { lossPlugin } from './plugin';
import { reduce, reduceWeighted, reductionOption, type Reduction } from './reduce';

/**
 * Options of {@link crossEntropy}.
 *
 * @example
 * ```ts
 * const o: CrossEntropyOptions = { labelSmoothing: 0.1, ignoreIndex: -100, reduction: 'mean' };
 * ```
 */
export interface CrossEntropyOptions {
  /** Class weights, shape `[C]`. */
  weight?: TensorLike;
  /** Class-index targets equal to this are skipped (loss 0, not counted by `'mean'`). Default -100. */
  ignoreIndex?: number;
  /** ε in [0, 1]: the target becomes `(1 − ε)·target + ε/C`. Default 0. */
  labelSmoothing?: number;
  /** Default `'mean'`. */
  reduction?: Reduction;
}

/**
 * Options of {@link nll}.
 *
 * @example
 * ```ts
 * const o: NllOptions = { weight: tensor([1, 2, 1]), reduction: 'sum' };
 * ```
 */
export interface NllOptions {
  /** Class weights, shape `[C]`. */
  weight?: TensorLike;
  /** Targets equal to this are skipped. Default -100. */
  ignoreIndex?: number;
  /** Default `'mean'`. */
  reduction?: Reduction;
}

/**
 * The class-index loss over log-probabilities `logp` `[..., C]`, with PyTorch's weighting,
 * ignoring and smoothing: `ℓ = (1−ε)·(−w[y]·logp[y]) + (ε/C)·Σ_c −w[c]·logp[c]`, 0 where ignored;
 * `'mean'` divides by `Σ w[y]` over the targets not ignored. @internal
 */
export function classIndexLoss(
  loss: string,
  yTrue: TensorLike,
  logp: Tensor,
  o: { weight?: TensorLike | undefined; ignoreIndex: number | undefined; labelSmoothing: number; reduction: Reduction },
): Tensor {
  const targets = classTargets(yTrue, logp, loss, o.ignoreIndex);
  const weights = targetWeights(o.weight, targets, loss);
  let perTarget = neg(pick(logp, targets));
  if (weights) perTarget = mul(perTarget, weights);
  if (o.labelSmoothing > 0) {
    const w = classWeights(o.weight, targets.numClasses, loss);
    const smooth = neg(sum(w ? mul(logp, w) : logp, -1));
    perTarget = add(mul(perTarget, 1 - o.labelSmoothing), mul(smooth, o.labelSmoothing / targets.numClasses));
  }
  const { factor, total } = targetFactor(targets, weights);
  if (targets.mask) perTarget = mul(perTarget, targets.mask);
  return factor ? reduceWeighted(perTarget, o.reduction, total) : reduce(perTarget, o.reduction);
}

/**
 * PyTorch's `CrossEntropyLoss`: softmax cross-entropy **on logits**, computed with `logSoftmax`
 * (stable for logits of ±1000). The class axis is the last axis.
 *
 * - Class-index targets (int32, the logits' shape without the class axis):
 *   `ℓ_n = (1−ε)·(−w[y_n]·logp[n, y_n]) + (ε/C)·Σ_c −w[c]·logp[n, c]`, where
 *   `logp = logSoftmax(logits)`; `ℓ_n = 0` where `y_n = ignoreIndex`;
 *   `'mean'` = `Σ_n ℓ_n / Σ_{n not ignored} w[y_n]`.
 * - Probability targets (float, the logits' shape): `q = (1−ε)·t + ε/C`,
 *   `ℓ_n = −Σ_c w[c]·q[n, c]·logp[n, c]`; `'mean'` divides by the number of rows.
 *
 * Targets are told apart by rank: one axis fewer than the logits means class indices.
 * For probabilities as predictions, use {@link categoricalCrossEntropy} (Keras's).
 *
 * @example
 * ```ts
 * crossEntropy(tensor([0, 2], undefined, 'int32'), tensor([[2, 1, 0], [0, 1, 3]])); // ≈ 0.2887
 * ```
 */
export function crossEntropy(yTrue: TensorLike, logits: TensorLike, options?: CrossEntropyOptions): Tensor {
  const loss = 'crossEntropy';
  const o = optionsOf(options, loss);
  const reduction = reductionOption(o.reduction, loss);
  const labelSmoothing = numberOption(o.labelSmoothing, 0, 'labelSmoothing', loss, { min: 0, max: 1 });
  const ignoreIndex = numberOption(o.ignoreIndex, -100, 'ignoreIndex', loss);
  return tidy(() => {
    const x = floatArg(logits, 'logits', loss);
    const y = asTensor(yTrue, 'yTrue', loss);
    const logp = logSoftmax(x, -1);
    if (y.rank !== x.rank) return classIndexLoss(loss, y, logp, { weight: o.weight, ignoreIndex, labelSmoothing, reduction });
    return probabilityTargetLoss(loss, floatArg(y, 'yTrue', loss), logp, o.weight, labelSmoothing, reduction);
  });
}

/** `−Σ_c w[c]·q[c]·logp[c]` with `q = (1−ε)·t + ε/C`; `'mean'` over rows. @internal */
export function probabilityTargetLoss(
  loss: string,
  t: Tensor,
  logp: Tensor,
  weight: TensorLike | undefined,
  labelSmoothing: number,
  reduction: Reduction,
): Tensor {
  if (t.rank !== logp.rank || t.shape.some((d, i) => d !== logp.shape[i])) {
    throw new ShapeError(
      'SHAPE_MISMATCH',
      `${loss}: probability targets have shape ${formatShape(t.shape)} but the prediction is ${formatShape(logp.shape)}; ` +
        `pass targets of the same shape, or class indices of shape ${formatShape(logp.shape.slice(0, -1))}`,
    );
  }
  const numClasses = logp.shape[logp.rank - 1]!;
  const q = labelSmoothing > 0 ? add(mul(t, 1 - labelSmoothing), labelSmoothing / numClasses) : t;
  const w = classWeights(weight, numClasses, loss);
  const perRow = neg(sum(mul(w ? mul(q, w) : q, logp), -1));
  return reduce(perRow, reduction);
}

/**
 * PyTorch's `NLLLoss`: the negative log-likelihood of class-index targets given
 * log-probabilities (e.g. the output of `logSoftmax`): `ℓ_n = −w[y_n]·logProbs[n, y_n]`, 0 where
 * `y_n = ignoreIndex`; `'mean'` = `Σ ℓ_n / Σ_{n not ignored} w[y_n]`. The class axis is the last.
 *
 * @example
 * ```ts
 * nll(tensor([1], undefined, 'int32'), logSoftmax(tensor([[0, 2]]))); // ≈ 0.1269
 * ```
 */
export function nll(yTrue: TensorLike, logProbs: TensorLike, options?: NllOptions): Tensor {
  const loss = 'nll';
  const o = optionsOf(options, loss);
  const reduction = reductionOption(o.reduction, loss);
  const ignoreIndex = numberOption(o.ignoreIndex, -100, 'ignoreIndex', loss);
  return tidy(() => classIndexLoss(loss, yTrue, floatArg(logProbs, 'logProbs', loss), { weight: o.weight, ignoreIndex, labelSmoothing: 0, reduction }));
}

/**
 * The {@link crossEntropy} plugin (expects logits).
 *
 * @example
 * ```ts
 * use(crossEntropyLoss);
 * ```
 */
export const crossEntropyLoss = /* @__PURE__ */ lossPlugin('crossEntropy', crossEntropy, 'logits', { aliases: ['softmaxCrossEntropy'] });

/**
 * The {@link nll} plugin (expects log-probabilities, reported as `'logits'`: they must not go
 * through another softmax).
 *
 * @example
 * ```ts
 * use(nllLoss);
 * ```
 */
export const nllLoss = /* @__PURE__ */ lossPlugin('nll', nll, 'logits', { aliases: ['nllLoss', 'negativeLogLikelihood'] });
