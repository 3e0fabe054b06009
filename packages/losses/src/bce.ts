import { ArgumentError, formatShape } from '@tensorkit/core';
import { customGrad } from '@tensorkit/autograd';
import {
  add, div, log, log1p, maximum, mul, neg, softplus, sub, tidy, type Tensor, type TensorLike,
} from '@tensorkit/tensor';
import { assertBroadcastsTo, assertSameShape, boolOption, floatArg, optionsOf } from './options';
import { fromLogitsExpectation, lossPlugin } from './plugin';
import { reduce, reductionOption, type Reduction } from './reduce';
import { firstBad, shouldCheckValues } from './value-checks';

/**
 * Options of {@link binaryCrossEntropy}.
 *
 * @example
 * ```ts
 * const o: BinaryCrossEntropyOptions = { fromLogits: true, posWeight: tensor([3]) };
 * ```
 */
export interface BinaryCrossEntropyOptions {
  /** `yPred` holds logits (PyTorch's `BCEWithLogitsLoss`) instead of probabilities. Default false. */
  fromLogits?: boolean;
  /** Element weights, broadcast to `yPred`. */
  weight?: TensorLike;
  /** Weight of the positive term, broadcast along the last axis (logits only, as PyTorch). */
  posWeight?: TensorLike;
  /** Default `'mean'`. */
  reduction?: Reduction;
}

/** PyTorch clamps each log at −100 so that p = 0 or 1 gives a finite loss. */
const LOG_FLOOR = -100;
/** PyTorch's floor of `p·(1−p)` in the gradient: p = 0 or 1 gives ±1e12, not ±inf. */
const GRAD_EPS = 1e-12;

/** `max(log p, −100)` and `max(log(1−p), −100)`. */
const clampedLogs = (p: Tensor): [Tensor, Tensor] => [maximum(log(p), LOG_FLOOR), maximum(log1p(neg(p)), LOG_FLOOR)];

/**
 * Pointwise BCE on probabilities with PyTorch's gradients: the forward clamps the logs, and the
 * gradient wrt p is `(p − t) / max(p·(1−p), 1e−12)` (finite at 0 and 1, where the clamped logs
 * alone would give 0·inf = NaN). The gradient wrt t is `log(1−p) − log p` (with the clamped logs,
 * so it stays finite at p ∈ {0, 1}).
 */
const bceOnProbabilities = /* @__PURE__ */ customGrad((t: Tensor, p: Tensor) => {
  const [logP, log1mP] = clampedLogs(p);
  return {
    value: neg(add(mul(t, logP), mul(sub(1, t), log1mP))),
    gradFunc: (dy, { inputs: [tt, pp] }) => {
      const [lp, l1p] = clampedLogs(pp!);
      const dp = div(sub(pp!, tt!), maximum(mul(pp!, sub(1, pp!)), GRAD_EPS));
      return [mul(dy, sub(l1p, lp)), mul(dy, dp)];
    },
  };
});

/**
 * Binary cross-entropy, PyTorch's math.
 *
 * - On probabilities (default, Keras's and PyTorch's `BCELoss`):
 *   `ℓ = −w·[t·max(log p, −100) + (1−t)·max(log(1−p), −100)]`; the clamp makes p ∈ {0, 1} finite,
 *   and the gradient there is PyTorch's `w·(p − t)/max(p·(1−p), 1e−12)` (±1e12, not NaN).
 * - With `fromLogits: true` (PyTorch's `BCEWithLogitsLoss`, stable for any logit x):
 *   `ℓ = w·[(1−t)·x + (1 + (posWeight−1)·t)·softplus(−x)]`.
 *
 * A probability outside [0, 1] (or NaN) is an error, as in PyTorch, which almost always means the
 * model outputs logits: pass `fromLogits: true`. Checking reads `yPred` synchronously, so it runs
 * as {@link setLossValueChecks} says (every call on the CPU backend, the first call on a GPU).
 *
 * @example
 * ```ts
 * binaryCrossEntropy(tensor([1, 0]), tensor([0.9, 0.2])); // ≈ 0.1643
 * binaryCrossEntropy(tensor([1, 0]), tensor([2.2, -1.4]), { fromLogits: true });
 * ```
 */
export function binaryCrossEntropy(yTrue: TensorLike, yPred: TensorLike, options?: BinaryCrossEntropyOptions): Tensor {
  return bce('binaryCrossEntropy', yTrue, yPred, options, false);
}

/** Both BCE entry points, differing only in their name (for errors) and the `fromLogits` default. */
function bce(loss: string, yTrue: TensorLike, yPred: TensorLike, options: BinaryCrossEntropyOptions | undefined, defaultFromLogits: boolean): Tensor {
  const o = optionsOf(options, loss);
  const reduction = reductionOption(o.reduction, loss);
  const fromLogits = boolOption(o.fromLogits, defaultFromLogits, 'fromLogits', loss);
  return tidy(() => {
    const t = floatArg(yTrue, 'yTrue', loss);
    const x = floatArg(yPred, 'yPred', loss);
    assertSameShape(t, x, loss);
    let pointwise: Tensor;
    if (fromLogits) {
      pointwise = bceWithLogits(t, x, o.posWeight, loss);
    } else {
      if (o.posWeight !== undefined) {
        throw new ArgumentError('INVALID_ARGUMENT', `${loss}: posWeight needs logits (as in PyTorch); pass { fromLogits: true } with logit predictions`);
      }
      checkProbabilities(x, loss);
      pointwise = bceOnProbabilities(t, x);
    }
    if (o.weight !== undefined) {
      const w = floatArg(o.weight, 'weight', loss);
      assertBroadcastsTo(w, x.shape, 'weight', loss);
      pointwise = mul(pointwise, w);
    }
    return reduce(pointwise, reduction);
  });
}

/** `(1−t)·x + (1 + (pw−1)·t)·softplus(−x)`: no exp of a large number anywhere. @internal */
export function bceWithLogits(t: Tensor, x: Tensor, posWeight: TensorLike | undefined, loss: string): Tensor {
  let coef: Tensor | number = 1;
  if (posWeight !== undefined) {
    const pw = floatArg(posWeight, 'posWeight', loss);
    assertBroadcastsTo(pw, x.shape, 'posWeight', loss);
    coef = add(1, mul(sub(pw, 1), t));
  }
  return add(mul(sub(1, t), x), mul(coef, softplus(neg(x))));
}

function checkProbabilities(p: Tensor, loss: string): void {
  if (!shouldCheckValues(loss)) return;
  const bad = firstBad(p, (v) => v >= 0 && v <= 1);
  if (bad) {
    throw new ArgumentError(
      'INVALID_ARGUMENT',
      `${loss}: yPred ${formatShape(p.shape)} holds ${bad.value} at flat position ${bad.index}, but probabilities must be in [0, 1]; ` +
        `if the model outputs logits, pass { fromLogits: true } (or apply sigmoid first)`,
    );
  }
}

/**
 * {@link binaryCrossEntropy} with `fromLogits: true` by default: PyTorch's `BCEWithLogitsLoss`,
 * `ℓ = w·[(1−t)·x + (1 + (posWeight−1)·t)·softplus(−x)]`.
 *
 * @example
 * ```ts
 * binaryCrossEntropyWithLogits(tensor([1, 0]), tensor([2.2, -1.4]), { posWeight: tensor([2, 2]) });
 * ```
 */
export function binaryCrossEntropyWithLogits(yTrue: TensorLike, logits: TensorLike, options?: BinaryCrossEntropyOptions): Tensor {
  return bce('binaryCrossEntropyWithLogits', yTrue, logits, options, true);
}

/**
 * The {@link binaryCrossEntropy} plugin: probabilities unless `fromLogits` (aliases `bce`, `logLoss`).
 *
 * @example
 * ```ts
 * use(binaryCrossEntropyLoss);
 * ```
 */
export const binaryCrossEntropyLoss = /* @__PURE__ */ lossPlugin('binaryCrossEntropy', binaryCrossEntropy, 'probabilities', {
  aliases: ['bce', 'logLoss', 'binaryCrossentropy'],
  expectsWith: /* @__PURE__ */ fromLogitsExpectation(false),
});

/**
 * The {@link binaryCrossEntropyWithLogits} plugin: a separate registry entry, not an alias,
 * because its default is logits (`{ loss: 'binaryCrossEntropyWithLogits' }` must not mean probabilities).
 *
 * @example
 * ```ts
 * use(binaryCrossEntropyWithLogitsLoss);
 * ```
 */
export const binaryCrossEntropyWithLogitsLoss = /* @__PURE__ */ lossPlugin('binaryCrossEntropyWithLogits', binaryCrossEntropyWithLogits, 'logits', {
  aliases: ['bceWithLogits'],
  expectsWith: /* @__PURE__ */ fromLogitsExpectation(true),
});
