import { add, div, mul, sqrt, sub } from '@tensorkit/tensor';
import { Optimizer, type OptimizerOptions, type ParamsInput, type UpdateRule } from '../optimizer';
import { ADAM_FAMILY_CHECKS, type AdamFamilyHyper } from './adam';
import { ema, emaSquare, l2 } from './common';

/** The RAdam update rule. @internal */
export const radamRule: UpdateRule<AdamFamilyHyper> = {
  name: 'radam',
  defaults: { lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0 },
  checks: ADAM_FAMILY_CHECKS,
  stateInit: () => ({ expAvg: 0, expAvgSq: 0 }),
  update: ({ param, grad, state, step, group: h }) => {
    const [beta1, beta2] = h.betas;
    const g = l2(grad, param, h.weightDecay);
    const m = ema(state.expAvg!, g, beta1);
    const v = emaSquare(state.expAvgSq!, g, beta2);
    state.expAvg!.assign(m);
    state.expAvgSq!.assign(v);
    const bc1 = 1 - beta1 ** step;
    const bc2 = 1 - beta2 ** step;
    const rhoInf = 2 / (1 - beta2) - 1;
    const rhoT = rhoInf - (2 * step * beta2 ** step) / bc2;
    if (rhoT > 5) {
      // The variance of the adaptive learning rate is tractable: rectify it.
      const r = Math.sqrt(((rhoT - 4) * (rhoT - 2) * rhoInf) / ((rhoInf - 4) * (rhoInf - 2) * rhoT));
      const update = div(m, add(sqrt(v), h.eps));
      param.assign(sub(param, mul(update, (h.lr * r * Math.sqrt(bc2)) / bc1)));
    } else {
      param.assign(sub(param, mul(m, h.lr / bc1)));
    }
  },
};

/**
 * RAdam: Adam with a rectified adaptive learning rate (plain momentum SGD for the first steps):
 * PyTorch's `torch.optim.RAdam`.
 *
 * @example
 * ```ts
 * const opt = new RAdam(params, { lr: 1e-3 });
 * ```
 */
export class RAdam extends Optimizer<AdamFamilyHyper> {
  constructor(params: ParamsInput<AdamFamilyHyper>, options: OptimizerOptions<AdamFamilyHyper> = {}) {
    super(radamRule, params, options);
  }
}
