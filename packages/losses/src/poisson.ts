import { add, exp, greater, log, mul, sub, where, type Tensor, type TensorLike } from '@tensorkit/tensor';
import { boolOption, numberOption, optionsOf } from './options';
import { lossPlugin } from './plugin';
import { pointwise } from './pointwise';
import { reductionOption, type Reduction } from './reduce';

/**
 * Options of {@link poissonNll}.
 *
 * @example
 * ```ts
 * const o: PoissonNllOptions = { logInput: false, full: true };
 * ```
 */
export interface PoissonNllOptions {
  /** `yPred` is the log-rate (default true); false means the rate itself. */
  logInput?: boolean;
  /** Add the Stirling term of `log(t!)`. Default false. */
  full?: boolean;
  /** Added to the rate before its log when `logInput` is false. Default 1e-8. */
  eps?: number;
  /** Default `'mean'`. */
  reduction?: Reduction;
}

/**
 * PyTorch's `PoissonNLLLoss`, targets t are counts:
 * - `logInput: true` (default): `ℓ = e^x − t·x`;
 * - `logInput: false`: `ℓ = x − t·log(x + eps)`;
 * - `full: true` adds Stirling's `t·log t − t + 0.5·log(2πt)`, only where t > 1.
 *
 * @example
 * ```ts
 * poissonNll(tensor([2, 0]), tensor([0.5, -1])); // log-rates
 * ```
 */
export function poissonNll(yTrue: TensorLike, yPred: TensorLike, options?: PoissonNllOptions): Tensor {
  const loss = 'poissonNll';
  const o = optionsOf(options, loss);
  const reduction = reductionOption(o.reduction, loss);
  const logInput = boolOption(o.logInput, true, 'logInput', loss);
  const full = boolOption(o.full, false, 'full', loss);
  const eps = numberOption(o.eps, 1e-8, 'eps', loss, { min: 0 });
  return pointwise(loss, yTrue, yPred, reduction, (t, x) => {
    const nll = logInput ? sub(exp(x), mul(t, x)) : sub(x, mul(t, log(add(x, eps))));
    return full ? add(nll, stirling(t)) : nll;
  });
}

/** `t·log t − t + 0.5·log(2πt)` where t > 1, else 0; the logs run on a safe t (no 0·inf in gradients). */
function stirling(t: Tensor): Tensor {
  const big = greater(t, 1);
  const safe = where(big, t, 1);
  const term = add(sub(mul(safe, log(safe)), safe), mul(log(mul(safe, 2 * Math.PI)), 0.5));
  return where(big, term, 0);
}

/**
 * The {@link poissonNll} plugin (alias `poisson`): expects a log-rate, reported as `'logits'`
 * (unless `logInput: false`, then `'values'`).
 *
 * @example
 * ```ts
 * use(poissonNllLoss);
 * ```
 */
export const poissonNllLoss = /* @__PURE__ */ lossPlugin('poissonNll', poissonNll, 'logits', {
  aliases: ['poisson'],
  expectsWith: (options) => ((options as PoissonNllOptions | undefined)?.logInput === false ? 'values' : 'logits'),
});
