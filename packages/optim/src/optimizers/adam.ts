import { getKernel, type AdamUpdateAttrs } from '@tensorkit/core';
import { add, div, getBackend, maximum, mul, runKernelMulti, sqrt, sub, type Tensor, type Variable } from '@tensorkit/tensor';
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

type AdamState = Record<string, Variable>;

/**
 * One Adam step with the fused `AdamUpdate` kernel: a single pass per parameter. Used when the
 * active backend registers it; the math is the composed path's below.
 */
function fusedStep(param: Variable, grad: Tensor, state: AdamState, attrs: AdamUpdateAttrs): void {
  const inputs = [param, grad, state.expAvg!, state.expAvgSq!, ...(attrs.amsgrad ? [state.maxExpAvgSq!] : [])];
  const [p, m, v, vMax] = runKernelMulti('AdamUpdate', inputs, attrs);
  state.expAvg!.assign(m!);
  state.expAvgSq!.assign(v!);
  if (vMax) state.maxExpAvgSq!.assign(vMax);
  param.assign(p!);
}

/** The same step composed from primitive ops, for backends without the fused kernel. */
function composedStep(param: Variable, grad: Tensor, state: AdamState, a: AdamUpdateAttrs): void {
  const theta = a.paramScale !== 1 ? mul(param, a.paramScale) : param;
  const g = l2(grad, param, a.weightDecay);
  const m = ema(state.expAvg!, g, a.beta1);
  let v = emaSquare(state.expAvgSq!, g, a.beta2);
  state.expAvg!.assign(m);
  state.expAvgSq!.assign(v);
  if (a.amsgrad) {
    v = maximum(state.maxExpAvgSq!, v);
    state.maxExpAvgSq!.assign(v);
  }
  param.assign(sub(theta, mul(div(m, add(sqrt(v), a.epsHat)), a.stepSize)));
}

/** Adam's rule; `decoupled` makes it AdamW (`θ ·= 1 − lr·weightDecay` before the step, no L2). */
function adamRule(name: string, decoupled: boolean): UpdateRule<AdamHyper> {
  return {
    name,
    defaults: { lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8, weightDecay: decoupled ? 1e-2 : 0, amsgrad: false },
    checks: { ...ADAM_FAMILY_CHECKS, amsgrad: bool },
    stateInit: (h) => ({ expAvg: 0, expAvgSq: 0, ...(h.amsgrad ? { maxExpAvgSq: 0 } : {}) }),
    update: ({ param, grad, state, step, group: h }) => {
      const [beta1, beta2] = h.betas;
      // m̂/(√v̂ + eps) with √(1−β2^t) moved out of the denominator: m·s/(√v + eps·s), one pass fewer.
      const s = Math.sqrt(1 - beta2 ** step);
      const attrs: AdamUpdateAttrs = {
        beta1,
        beta2,
        stepSize: (h.lr * s) / (1 - beta1 ** step),
        epsHat: h.eps * s,
        weightDecay: decoupled ? 0 : h.weightDecay,
        paramScale: decoupled ? 1 - h.lr * h.weightDecay : 1,
        amsgrad: h.amsgrad,
      };
      const fused = getKernel(getBackend(), 'AdamUpdate') !== undefined;
      (fused ? fusedStep : composedStep)(param, grad, state as AdamState, attrs);
    },
  };
}

/** The Adam update rule. @internal */
export const adamRuleCoupled = /* @__PURE__ */ adamRule('adam', false);
/** The AdamW update rule. @internal */
export const adamwRule = /* @__PURE__ */ adamRule('adamw', true);

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
