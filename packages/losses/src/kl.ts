import { assertSameShape, boolOption, floatArg, optionsOf } from './options';
import { clamp, div, exp, greater, log, mul, sub, sum, tidy, where, type Tensor, type TensorLike } from '@tensorkit/tensor';
import { lossPlugin } from './plugin';
import { reduce, reductionOption, type Reduction } from './reduce';

/**
 * Options of {@link klDivergence}.
 *
 * @example
 * ```ts
 * const o: KlDivergenceOptions = { logInput: true, reduction: 'batchmean' };
 * ```
 */
export interface KlDivergenceOptions {
  /** `yPred` holds log-probabilities (PyTorch's `KLDivLoss`). Default false: probabilities (Keras). */
  logInput?: boolean;
  /** `yTrue` holds log-probabilities. Default false. */
  logTarget?: boolean;
  /** `'batchmean'` divides the sum by the batch size (the true KL per sample). Default `'mean'` (per element, as PyTorch). */
  reduction?: Reduction | 'batchmean';
}

/** Predicted probabilities are clipped at Keras's ε before the log, so p = 0 stays finite. */
const EPSILON = 1e-7;

/**
 * Kullback–Leibler divergence `KL(yTrue ‖ yPred)`, pointwise `t·(log t − log p)`, taken as 0 where
 * t = 0 (PyTorch's `KLDivLoss` when `logInput` is set; otherwise `log p = log(clip(p, 1e−7, 1))`).
 * With `logTarget`: `e^t·(t − log p)`. Reductions: `'batchmean'` = sum / batch size (the
 * mathematical KL), `'mean'` = sum / number of elements, `'sum'`, `'none'`.
 *
 * @example
 * ```ts
 * klDivergence(tensor([[0.5, 0.5]]), tensor([[0.9, 0.1]]), { reduction: 'batchmean' }); // ≈ 0.5108
 * ```
 */
export function klDivergence(yTrue: TensorLike, yPred: TensorLike, options?: KlDivergenceOptions): Tensor {
  const loss = 'klDivergence';
  const o = optionsOf(options, loss);
  const reduction = reductionOption<Reduction | 'batchmean'>(o.reduction, loss, ['batchmean']);
  const logInput = boolOption(o.logInput, false, 'logInput', loss);
  const logTarget = boolOption(o.logTarget, false, 'logTarget', loss);
  return tidy(() => {
    const t = floatArg(yTrue, 'yTrue', loss);
    const x = floatArg(yPred, 'yPred', loss);
    assertSameShape(t, x, loss);
    const logp = logInput ? x : log(clamp(x, EPSILON, 1));
    const pointwise = logTarget ? mul(exp(t), sub(t, logp)) : xlogxMinus(t, logp);
    if (reduction !== 'batchmean') return reduce(pointwise, reduction);
    return div(sum(pointwise), x.rank === 0 ? 1 : x.shape[0]!);
  });
}

/** `t·(log t − logp)`, 0 where t ≤ 0; the log runs on a safe value so the gradient has no 0·inf. */
function xlogxMinus(t: Tensor, logp: Tensor): Tensor {
  const positive = greater(t, 0);
  const safeT = where(positive, t, 1);
  return where(positive, mul(t, sub(log(safeT), logp)), 0);
}

/**
 * The {@link klDivergence} plugin (aliases `kld`, `kullbackLeiblerDivergence`).
 *
 * @example
 * ```ts
 * use(klDivergenceLoss);
 * ```
 */
export const klDivergenceLoss = /* @__PURE__ */ lossPlugin('klDivergence', klDivergence, 'probabilities', {
  aliases: ['kld', 'kullbackLeiblerDivergence'],
  expectsWith: (options) => ((options as KlDivergenceOptions | undefined)?.logInput === true ? 'logits' : 'probabilities'),
});
