import { clamp, div, log, logSoftmax, sum, tidy, type Tensor, type TensorLike } from '@tensorkit/tensor';
import { classIndexLoss, probabilityTargetLoss } from './cross-entropy';
import { boolOption, floatArg, numberOption, optionsOf } from './options';
import { fromLogitsExpectation, lossPlugin } from './plugin';
import { reductionOption, type Reduction } from './reduce';

/**
 * Options of {@link categoricalCrossEntropy}.
 *
 * @example
 * ```ts
 * const o: CategoricalCrossEntropyOptions = { fromLogits: true, labelSmoothing: 0.1 };
 * ```
 */
export interface CategoricalCrossEntropyOptions {
  /** `yPred` holds logits instead of probabilities. Default false (Keras). */
  fromLogits?: boolean;
  /** ε in [0, 1]: targets become `(1 − ε)·t + ε/C`. Default 0. */
  labelSmoothing?: number;
  /** Default `'mean'` (over samples). */
  reduction?: Reduction;
}

/**
 * Options of {@link sparseCategoricalCrossEntropy}.
 *
 * @example
 * ```ts
 * const o: SparseCategoricalCrossEntropyOptions = { fromLogits: true, ignoreIndex: -1 };
 * ```
 */
export interface SparseCategoricalCrossEntropyOptions {
  /** `yPred` holds logits instead of probabilities. Default false (Keras). */
  fromLogits?: boolean;
  /** Labels equal to this are skipped (Keras's `ignore_class`); none by default. */
  ignoreIndex?: number;
  /** Default `'mean'` (over the labels not ignored). */
  reduction?: Reduction;
}

/** Keras's `epsilon()`: probabilities are clipped to [ε, 1 − ε] before the log. */
const KERAS_EPSILON = 1e-7;

/**
 * Log-probabilities from a prediction along the last axis: `logSoftmax` of logits, or, for
 * probabilities, Keras's `log(clip(p / Σp, ε, 1 − ε))` with ε = 1e−7. @internal
 */
export function logProbabilities(yPred: Tensor, fromLogits: boolean): Tensor {
  if (fromLogits) return logSoftmax(yPred, -1);
  return log(clamp(div(yPred, sum(yPred, -1, true)), KERAS_EPSILON, 1 - KERAS_EPSILON));
}

/**
 * Keras's `CategoricalCrossentropy`: **probabilities** (e.g. a softmax output) unless
 * `fromLogits` is set, one-hot or soft targets of the same shape, class axis last:
 * `ℓ_n = −Σ_c q[n, c]·log p[n, c]`, with `q = (1−ε)·t + ε/C`, `p = clip(p/Σp, 1e−7, 1 − 1e−7)`.
 * With logits it equals {@link crossEntropy} with probability targets.
 *
 * @example
 * ```ts
 * categoricalCrossEntropy(tensor([[0, 1]]), tensor([[0.2, 0.8]])); // −log 0.8 ≈ 0.2231
 * ```
 */
export function categoricalCrossEntropy(yTrue: TensorLike, yPred: TensorLike, options?: CategoricalCrossEntropyOptions): Tensor {
  const loss = 'categoricalCrossEntropy';
  const o = optionsOf(options, loss);
  const reduction = reductionOption(o.reduction, loss);
  const fromLogits = boolOption(o.fromLogits, false, 'fromLogits', loss);
  const labelSmoothing = numberOption(o.labelSmoothing, 0, 'labelSmoothing', loss, { min: 0, max: 1 });
  return tidy(() => {
    const logp = logProbabilities(floatArg(yPred, 'yPred', loss), fromLogits);
    return probabilityTargetLoss(loss, floatArg(yTrue, 'yTrue', loss), logp, undefined, labelSmoothing, reduction);
  });
}

/**
 * Keras's `SparseCategoricalCrossentropy`: class-index labels (the prediction's shape without
 * its last axis), **probabilities** unless `fromLogits`: `ℓ_n = −log p[n, y_n]`, with Keras's
 * clip to [1e−7, 1 − 1e−7] on probabilities. Labels equal to `ignoreIndex` are skipped.
 *
 * @example
 * ```ts
 * sparseCategoricalCrossEntropy(tensor([1], undefined, 'int32'), tensor([[0.2, 0.8]])); // ≈ 0.2231
 * ```
 */
export function sparseCategoricalCrossEntropy(
  yTrue: TensorLike,
  yPred: TensorLike,
  options?: SparseCategoricalCrossEntropyOptions,
): Tensor {
  const loss = 'sparseCategoricalCrossEntropy';
  const o = optionsOf(options, loss);
  const reduction = reductionOption(o.reduction, loss);
  const fromLogits = boolOption(o.fromLogits, false, 'fromLogits', loss);
  const ignoreIndex = o.ignoreIndex === undefined ? undefined : numberOption(o.ignoreIndex, 0, 'ignoreIndex', loss);
  return tidy(() => {
    const logp = logProbabilities(floatArg(yPred, 'yPred', loss), fromLogits);
    return classIndexLoss(loss, yTrue, logp, { ignoreIndex, labelSmoothing: 0, reduction });
  });
}

/**
 * The {@link categoricalCrossEntropy} plugin: probabilities unless `fromLogits`.
 *
 * @example
 * ```ts
 * use(categoricalCrossEntropyLoss);
 * ```
 */
export const categoricalCrossEntropyLoss = /* @__PURE__ */ lossPlugin('categoricalCrossEntropy', categoricalCrossEntropy, 'probabilities', {
  aliases: ['categoricalCrossentropy'],
  expectsWith: /* @__PURE__ */ fromLogitsExpectation(false),
});

/**
 * The {@link sparseCategoricalCrossEntropy} plugin: probabilities unless `fromLogits`.
 *
 * @example
 * ```ts
 * use(sparseCategoricalCrossEntropyLoss);
 * ```
 */
export const sparseCategoricalCrossEntropyLoss = /* @__PURE__ */ lossPlugin('sparseCategoricalCrossEntropy', sparseCategoricalCrossEntropy, 'probabilities', {
  aliases: ['sparseCategoricalCrossentropy'],
  expectsWith: /* @__PURE__ */ fromLogitsExpectation(false),
});
