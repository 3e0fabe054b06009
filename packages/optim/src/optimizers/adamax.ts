import { abs, add, div, maximum, mul, sub } from '@tensorkit/tensor';
import { Optimizer, type OptimizerOptions, type ParamsInput, type UpdateRule } from '../optimizer';
import { ADAM_FAMILY_CHECKS, type AdamFamilyHyper } from './adam';
import { ema, l2 } from './common';

/** The Adamax update rule. @internal */
export const adamaxRule: UpdateRule<AdamFamilyHyper> = {
  name: 'adamax',
  defaults: { lr: 2e-3, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0 },
  checks: ADAM_FAMILY_CHECKS,
  stateInit: () => ({ expAvg: 0, expInf: 0 }),
  update: ({ param, grad, state, step, group: h }) => {
    const [beta1, beta2] = h.betas;
    const g = l2(grad, param, h.weightDecay);
    const m = ema(state.expAvg!, g, beta1);
    const u = maximum(mul(state.expInf!, beta2), add(abs(g), h.eps));
    state.expAvg!.assign(m);
    state.expInf!.assign(u);
    param.assign(sub(param, mul(div(m, u), h.lr / (1 - beta1 ** step))));
  },
};

/**
 * Adamax: Adam with the infinity norm (default lr 2e-3): PyTorch's `torch.optim.Adamax`.
 *
 * @example
 * ```ts
 * const opt = new Adamax(params, { lr: 2e-3 });
 * ```
 */
export class Adamax extends Optimizer<AdamFamilyHyper> {
  constructor(params: ParamsInput<AdamFamilyHyper>, options: OptimizerOptions<AdamFamilyHyper> = {}) {
    super(adamaxRule, params, options);
  }
}
