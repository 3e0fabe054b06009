import {
  add, cast, exp, mul, neg, oneHot, pow, sigmoid, sub, sum, tidy, type Tensor, type TensorLike,
} from '@tensorkit/tensor';
import { bceWithLogits, binaryCrossEntropy } from './bce';
import { classTargets } from './classes';
import { logProbabilities } from './keras-categorical';
import { asTensor, assertSameShape, boolOption, floatArg, numberOption, optionsOf } from './options';
import { fromLogitsExpectation, lossPlugin } from './plugin';
import { reduce, reductionOption, type Reduction } from './reduce';

/**
 * Options of {@link focal}.
 *
 * @example
 * ```ts
 * const o: FocalOptions = { alpha: 0.25, gamma: 2 };
 * ```
 */
export interface FocalOptions {
  /** Weight of the positive class, in [0, 1]; a negative value disables the weighting. Default 0.25. */
  alpha?: number;
  /** Focusing exponent, >= 0 (0 is plain BCE). Default 2. */
  gamma?: number;
  /** `yPred` holds logits (torchvision's convention). Default true. */
  fromLogits?: boolean;
  /** Default `'mean'`. */
  reduction?: Reduction;
}

/**
 * Options of {@link categoricalFocal}.
 *
 * @example
 * ```ts
 * const o: CategoricalFocalOptions = { gamma: 1 };
 * ```
 */
export interface CategoricalFocalOptions {
  /** Focusing exponent, >= 0 (0 is cross-entropy). Default 2. */
  gamma?: number;
  /** `yPred` holds logits. Default true. */
  fromLogits?: boolean;
  /** Default `'mean'` (over samples). */
  reduction?: Reduction;
}

/**
 * Binary sigmoid focal loss (torchvision's `sigmoid_focal_loss`), targets in {0, 1}:
 * `p = σ(x)`, `ce = BCEWithLogits(x, t)`, `p_t = p·t + (1−p)·(1−t)`,
 * `ℓ = α_t·ce·(1 − p_t)^γ` with `α_t = α·t + (1−α)·(1−t)` (no α factor when α < 0).
 * With `fromLogits: false`, `p = yPred` and `ce` is {@link binaryCrossEntropy} on probabilities.
 *
 * @example
 * ```ts
 * focal(tensor([1, 0]), tensor([2, -1])); // logits; α = 0.25, γ = 2
 * ```
 */
export function focal(yTrue: TensorLike, yPred: TensorLike, options?: FocalOptions): Tensor {
  const loss = 'focal';
  const o = optionsOf(options, loss);
  const reduction = reductionOption(o.reduction, loss);
  const alpha = numberOption(o.alpha, 0.25, 'alpha', loss, { max: 1 });
  const gamma = numberOption(o.gamma, 2, 'gamma', loss, { min: 0 });
  const fromLogits = boolOption(o.fromLogits, true, 'fromLogits', loss);
  return tidy(() => {
    const t = floatArg(yTrue, 'yTrue', loss);
    const x = floatArg(yPred, 'yPred', loss);
    assertSameShape(t, x, loss);
    const p = fromLogits ? sigmoid(x) : x;
    const ce = fromLogits ? bceWithLogits(t, x, undefined, loss) : binaryCrossEntropy(t, x, { reduction: 'none' });
    const pt = add(mul(p, t), mul(sub(1, p), sub(1, t)));
    let pointwise = mul(ce, pow(sub(1, pt), gamma));
    if (alpha >= 0) pointwise = mul(pointwise, add(mul(t, alpha), mul(sub(1, t), 1 - alpha)));
    return reduce(pointwise, reduction);
  });
}

/**
 * Multi-class softmax focal loss, class axis last: `ℓ_n = −Σ_c t[n, c]·(1 − p[n, c])^γ·log p[n, c]`
 * with `log p = logSoftmax(x)`; for class-index labels (int32, one axis fewer) that is
 * `−(1 − p[n, y_n])^γ·log p[n, y_n]`. γ = 0 is cross-entropy. `'mean'` averages over samples.
 *
 * @example
 * ```ts
 * categoricalFocal(tensor([0], undefined, 'int32'), tensor([[2, 0, -1]]), { gamma: 2 });
 * ```
 */
export function categoricalFocal(yTrue: TensorLike, yPred: TensorLike, options?: CategoricalFocalOptions): Tensor {
  const loss = 'categoricalFocal';
  const o = optionsOf(options, loss);
  const reduction = reductionOption(o.reduction, loss);
  const gamma = numberOption(o.gamma, 2, 'gamma', loss, { min: 0 });
  const fromLogits = boolOption(o.fromLogits, true, 'fromLogits', loss);
  return tidy(() => {
    const x = floatArg(yPred, 'yPred', loss);
    const y = asTensor(yTrue, 'yTrue', loss);
    let t: Tensor;
    if (y.rank === x.rank) {
      t = floatArg(y, 'yTrue', loss);
      assertSameShape(t, x, loss);
    } else {
      const targets = classTargets(y, x, loss);
      t = cast(oneHot(targets.safe, targets.numClasses), 'float32');
    }
    const logp = logProbabilities(x, fromLogits);
    const modulation = pow(sub(1, exp(logp)), gamma);
    return reduce(neg(sum(mul(mul(t, modulation), logp), -1)), reduction);
  });
}

/**
 * The {@link focal} plugin (alias `sigmoidFocal`): logits unless `fromLogits: false`.
 *
 * @example
 * ```ts
 * use(focalLoss);
 * ```
 */
export const focalLoss = /* @__PURE__ */ lossPlugin('focal', focal, 'logits', { aliases: ['sigmoidFocal', 'binaryFocal'], expectsWith: /* @__PURE__ */ fromLogitsExpectation(true) });

/**
 * The {@link categoricalFocal} plugin (alias `softmaxFocal`): logits unless `fromLogits: false`.
 *
 * @example
 * ```ts
 * use(categoricalFocalLoss);
 * ```
 */
export const categoricalFocalLoss = /* @__PURE__ */ lossPlugin('categoricalFocal', categoricalFocal, 'logits', {
  aliases: ['softmaxFocal'],
  expectsWith: /* @__PURE__ */ fromLogitsExpectation(true),
});
