import {
  abs, add, div, maximum, minimum, mul, softplus, square, sub, type Tensor, type TensorLike,
} from '@tensorkit/tensor';
import { numberOption, optionsOf } from './options';
import { lossPlugin } from './plugin';
import { pointwise } from './pointwise';
import { reductionOption, type Reduction } from './reduce';

/**
 * The options every loss takes.
 *
 * @example
 * ```ts
 * meanSquaredError(yTrue, yPred, { reduction: 'sum' } satisfies ReductionOptions);
 * ```
 */
export interface ReductionOptions {
  /** Default `'mean'`. */
  reduction?: Reduction;
}

/**
 * Options of {@link huber}.
 *
 * @example
 * ```ts
 * const o: HuberOptions = { delta: 0.5 };
 * ```
 */
export interface HuberOptions extends ReductionOptions {
  /** Where the loss turns from quadratic to linear; > 0. Default 1. */
  delta?: number;
}

/**
 * Options of {@link smoothL1}.
 *
 * @example
 * ```ts
 * const o: SmoothL1Options = { beta: 0.5 };
 * ```
 */
export interface SmoothL1Options extends ReductionOptions {
  /** Where the loss turns from quadratic to linear; >= 0 (0 is L1). Default 1. */
  beta?: number;
}

/**
 * Options of {@link quantile}.
 *
 * @example
 * ```ts
 * const o: QuantileOptions = { tau: 0.9 };
 * ```
 */
export interface QuantileOptions extends ReductionOptions {
  /** The quantile, in [0, 1]. Default 0.5 (half the absolute error). */
  tau?: number;
}

/** A loss with only `reduction`: checks the options and runs `f` pointwise. */
function simple(loss: string, f: (t: Tensor, p: Tensor) => Tensor) {
  return (yTrue: TensorLike, yPred: TensorLike, options?: ReductionOptions): Tensor => {
    const reduction = reductionOption(optionsOf(options, loss).reduction, loss);
    return pointwise(loss, yTrue, yPred, reduction, f);
  };
}

/**
 * Mean squared error: `ℓ = (p − t)²`.
 *
 * @example
 * ```ts
 * meanSquaredError(tensor([1, 2]), tensor([1.5, 1])); // (0.25 + 1) / 2 = 0.625
 * ```
 */
export const meanSquaredError = /* @__PURE__ */ simple('meanSquaredError', (t, p) => square(sub(p, t)));

/**
 * Mean absolute error (L1): `ℓ = |p − t|` (gradient 0 where p = t, as PyTorch).
 *
 * @example
 * ```ts
 * meanAbsoluteError(tensor([1, 2]), tensor([1.5, 1])); // 0.75
 * ```
 */
export const meanAbsoluteError = /* @__PURE__ */ simple('meanAbsoluteError', (t, p) => abs(sub(p, t)));

/** Guards `|t|` away from 0, as Keras does, so a zero target gives a large loss, not inf. */
const MAPE_EPSILON = 1e-7;

/**
 * Mean absolute percentage error as a **fraction** (not ×100): `ℓ = |t − p| / max(|t|, 1e−7)`.
 *
 * @example
 * ```ts
 * meanAbsolutePercentageError(tensor([2, 4]), tensor([1, 5])); // (0.5 + 0.25) / 2 = 0.375
 * ```
 */
export const meanAbsolutePercentageError = /* @__PURE__ */ simple('meanAbsolutePercentageError', (t, p) =>
  div(abs(sub(t, p)), maximum(abs(t), MAPE_EPSILON)),
);

/**
 * Log-cosh: `ℓ = log cosh(d)`, `d = p − t`, computed as `|d| + softplus(−2|d|) − log 2`, which
 * never overflows (cosh does beyond |d| ≈ 89 in float32). Its gradient is `tanh(d)`.
 *
 * @example
 * ```ts
 * logCosh(tensor([0, 0]), tensor([1, 300])); // [log cosh 1, 300 − log 2] averaged
 * ```
 */
export const logCosh = /* @__PURE__ */ simple('logCosh', (t, p) => {
  const a = abs(sub(p, t));
  return sub(add(a, softplus(mul(a, -2))), Math.LN2);
});

/** `0.5·q² + delta·(|d| − q)` with `q = min(|d|, delta)`: Huber without a branch (no where, so no 0·inf in the gradient). */
function huberPointwise(t: Tensor, p: Tensor, delta: number): Tensor {
  const a = abs(sub(p, t));
  const q = minimum(a, delta);
  return add(mul(square(q), 0.5), mul(sub(a, q), delta));
}

/**
 * Huber loss, `d = p − t`: `ℓ = 0.5·d²` if `|d| < δ`, else `δ·(|d| − 0.5·δ)`. Huber(δ) = δ·SmoothL1(β = δ).
 *
 * @example
 * ```ts
 * huber(tensor([0, 0]), tensor([0.5, 3]), { delta: 1 }); // (0.125 + 2.5) / 2
 * ```
 */
export function huber(yTrue: TensorLike, yPred: TensorLike, options?: HuberOptions): Tensor {
  const loss = 'huber';
  const o = optionsOf(options, loss);
  const reduction = reductionOption(o.reduction, loss);
  const delta = numberOption(o.delta, 1, 'delta', loss, { min: 0, exclusiveMin: true });
  return pointwise(loss, yTrue, yPred, reduction, (t, p) => huberPointwise(t, p, delta));
}

/**
 * Smooth L1 (PyTorch's `SmoothL1Loss`), `d = p − t`: `ℓ = 0.5·d²/β` if `|d| < β`, else
 * `|d| − 0.5·β`; β = 0 is plain L1.
 *
 * @example
 * ```ts
 * smoothL1(tensor([0, 0]), tensor([0.5, 3]), { beta: 1 }); // (0.125 + 2.5) / 2
 * ```
 */
export function smoothL1(yTrue: TensorLike, yPred: TensorLike, options?: SmoothL1Options): Tensor {
  const loss = 'smoothL1';
  const o = optionsOf(options, loss);
  const reduction = reductionOption(o.reduction, loss);
  const beta = numberOption(o.beta, 1, 'beta', loss, { min: 0 });
  return pointwise(loss, yTrue, yPred, reduction, (t, p) => (beta === 0 ? abs(sub(p, t)) : div(huberPointwise(t, p, beta), beta)));
}

/**
 * Quantile (pinball) loss, `e = t − p`: `ℓ = max(τ·e, (τ − 1)·e)`. τ = 0.5 is half the absolute
 * error; τ = 0.9 penalises under-prediction 9× more than over-prediction.
 *
 * @example
 * ```ts
 * quantile(tensor([1, 1]), tensor([0, 2]), { tau: 0.9 }); // (0.9 + 0.1) / 2
 * ```
 */
export function quantile(yTrue: TensorLike, yPred: TensorLike, options?: QuantileOptions): Tensor {
  const loss = 'quantile';
  const o = optionsOf(options, loss);
  const reduction = reductionOption(o.reduction, loss);
  const tau = numberOption(o.tau, 0.5, 'tau', loss, { min: 0, max: 1 });
  return pointwise(loss, yTrue, yPred, reduction, (t, p) => {
    const e = sub(t, p);
    return maximum(mul(e, tau), mul(e, tau - 1));
  });
}

/**
 * The {@link meanSquaredError} plugin (alias `mse`).
 *
 * @example
 * ```ts
 * use(meanSquaredErrorLoss); // then { loss: 'mse' } works too
 * ```
 */
export const meanSquaredErrorLoss = /* @__PURE__ */ lossPlugin('meanSquaredError', meanSquaredError, 'values', { aliases: ['mse'] });

/**
 * The {@link meanAbsoluteError} plugin (aliases `mae`, `l1`).
 *
 * @example
 * ```ts
 * use(meanAbsoluteErrorLoss);
 * ```
 */
export const meanAbsoluteErrorLoss = /* @__PURE__ */ lossPlugin('meanAbsoluteError', meanAbsoluteError, 'values', { aliases: ['mae', 'l1'] });

/**
 * The {@link meanAbsolutePercentageError} plugin (alias `mape`).
 *
 * @example
 * ```ts
 * use(meanAbsolutePercentageErrorLoss);
 * ```
 */
export const meanAbsolutePercentageErrorLoss = /* @__PURE__ */ lossPlugin('meanAbsolutePercentageError', meanAbsolutePercentageError, 'values', {
  aliases: ['mape'],
});

/**
 * The {@link logCosh} plugin.
 *
 * @example
 * ```ts
 * use(logCoshLoss);
 * ```
 */
export const logCoshLoss = /* @__PURE__ */ lossPlugin('logCosh', logCosh, 'values');

/**
 * The {@link huber} plugin.
 *
 * @example
 * ```ts
 * use(huberLoss);
 * ```
 */
export const huberLoss = /* @__PURE__ */ lossPlugin('huber', huber, 'values');

/**
 * The {@link smoothL1} plugin.
 *
 * @example
 * ```ts
 * use(smoothL1Loss);
 * ```
 */
export const smoothL1Loss = /* @__PURE__ */ lossPlugin('smoothL1', smoothL1, 'values');

/**
 * The {@link quantile} plugin (alias `pinball`).
 *
 * @example
 * ```ts
 * use(quantileLoss); // { loss: 'pinball' } works too
 * ```
 */
export const quantileLoss = /* @__PURE__ */ lossPlugin('quantile', quantile, 'values', { aliases: ['pinball'] });
