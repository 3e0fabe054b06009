import { add, div, maximum, mul, sqrt, sub } from '@tensorkit/tensor';
import { Optimizer, type OptimizerOptions, type ParamsInput, type UpdateRule } from '../optimizer';
import { betas, bool, nonNegative } from '../validate';
import { ema, emaSquare, l2 } from './common';

/**
 * The hyperparameters shared by Adam, AdamW, Adamax, NAdam and RAdam.
 *
 * @example
 * ```ts
 * const h: AdamFamilyHyper = { lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0 };
 * ```
 */
export interface AdamFamilyHyper {
  /** Learning rate. */
  lr: number;
  /** Decay rates of the first and second moment averages, each in [0, 1) (default [0.9, 0.999]). */
  betas: readonly [number, number];
  /** Added to the denominator (default 1e-8; Keras and tfjs use 1e-7). */
  eps: number;
  /** Weight decay: L2 added to the gradient, except in AdamW where it is decoupled. */
  weightDecay: number;
}

/**
 * Adam's and AdamW's hyperparameters.
 *
 * @example
 * ```ts
 * const h: AdamHyper = { lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, amsgrad: false };
 * ```
 */
export interface AdamHyper extends AdamFamilyHyper {
  /** Use the maximum of the past second moments (default false). */
  amsgrad: boolean;
}

/** The checks of the options every Adam-family optimizer has. @internal */
export const ADAM_FAMILY_CHECKS = { lr: nonNegative, betas, eps: nonNegative, weightDecay: nonNegative } as const;

/** Adam's rule; `decoupled` makes it AdamW (`θ ·= 1 − lr·weightDecay` before the step, no L2). */
function adamRule(name: string, decoupled: boolean): UpdateRule<AdamHyper> {
  return {
    name,
    defaults: { lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8, weightDecay: decoupled ? 1e-2 : 0, amsgrad: false },
    checks: { ...ADAM_FAMILY_CHECKS, amsgrad: bool },
    stateInit: (h) => ({ expAvg: 0, expAvgSq: 0, ...(h.amsgrad ? { maxExpAvgSq: 0 } : {}) }),
    update: ({ param, grad, state, step, group: h }) => {
      const [beta1, beta2] = h.betas;
      const theta = decoupled && h.weightDecay !== 0 ? mul(param, 1 - h.lr * h.weightDecay) : param;
      const g = decoupled ? grad : l2(grad, param, h.weightDecay);
      const m = ema(state.expAvg!, g, beta1);
      let v = emaSquare(state.expAvgSq!, g, beta2);
      state.expAvg!.assign(m);
      state.expAvgSq!.assign(v);
      if (h.amsgrad) {
        v = maximum(state.maxExpAvgSq!, v);
        state.maxExpAvgSq!.assign(v);
      }
      // m̂/(√v̂ + eps) with √(1−β2^t) moved out of the denominator: m·s/(√v + eps·s), one pass fewer.
      const s = Math.sqrt(1 - beta2 ** step);
      const stepSize = (h.lr * s) / (1 - beta1 ** step);
      param.assign(sub(theta, mul(div(m, add(sqrt(v), h.eps * s)), stepSize)));
    },
  };
}

/** The Adam update rule. @internal */
export const adamRuleCoupled = adamRule('adam', false);
/** The AdamW update rule. @internal */
export const adamwRule = adamRule('adamw', true);

/**
 * Adam, optionally AMSGrad, with coupled (L2) weight decay: PyTorch's `torch.optim.Adam`. eps
 * (1e-8) is added after the bias correction of `√v`, as in PyTorch.
 *
 * @example
 * ```ts
 * const opt = new Adam(model.parameters(), { lr: 1e-3 });
 * ```
 */
export class Adam extends Optimizer<AdamHyper> {
  constructor(params: ParamsInput<AdamHyper>, options: OptimizerOptions<AdamHyper> = {}) {
    super(adamRuleCoupled, params, options);
  }
}

/**
 * AdamW: Adam with decoupled weight decay (default 1e-2): PyTorch's `torch.optim.AdamW`.
 *
 * @example
 * ```ts
 * const opt = new AdamW(params, { lr: 1e-3, weightDecay: 0.1 });
 * ```
 */
export class AdamW extends Optimizer<AdamHyper> {
  constructor(params: ParamsInput<AdamHyper>, options: OptimizerOptions<AdamHyper> = {}) {
    super(adamwRule, params, options);
  }
}
