import { add, div, mul, sqrt, sub } from '@tensorkit/tensor';
import { Optimizer, type OptimizerOptions, type ParamsInput, type UpdateRule } from '../optimizer';
import { nonNegative } from '../validate';
import { ADAM_FAMILY_CHECKS, type AdamFamilyHyper } from './adam';
import { ema, emaSquare, l2 } from './common';

/**
 * NAdam's hyperparameters.
 *
 * @example
 * ```ts
 * const h: NAdamHyper = { lr: 2e-3, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, momentumDecay: 4e-3 };
 * ```
 */
export interface NAdamHyper extends AdamFamilyHyper {
  /** ψ in the momentum schedule `μ_t = β1·(1 − 0.5·0.96^(t·ψ))` (default 4e-3). */
  momentumDecay: number;
}

/** The NAdam update rule (PyTorch 2's algorithm, with the momentum product kept per parameter). @internal */
export const nadamRule: UpdateRule<NAdamHyper> = {
  name: 'nadam',
  defaults: { lr: 2e-3, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, momentumDecay: 4e-3 },
  checks: { ...ADAM_FAMILY_CHECKS, momentumDecay: nonNegative },
  stateInit: () => ({ expAvg: 0, expAvgSq: 0 }),
  scalarKeys: ['muProduct'],
  update: ({ param, grad, state, scalars, step, group: h }) => {
    const [beta1, beta2] = h.betas;
    const g = l2(grad, param, h.weightDecay);
    const mu = beta1 * (1 - 0.5 * 0.96 ** (step * h.momentumDecay));
    const muNext = beta1 * (1 - 0.5 * 0.96 ** ((step + 1) * h.momentumDecay));
    const muProduct = (scalars.muProduct ?? 1) * mu;
    scalars.muProduct = muProduct;
    const m = ema(state.expAvg!, g, beta1);
    const v = emaSquare(state.expAvgSq!, g, beta2);
    state.expAvg!.assign(m);
    state.expAvgSq!.assign(v);
    const den = add(sqrt(div(v, 1 - beta2 ** step)), h.eps);
    const gradTerm = mul(div(g, den), (h.lr * (1 - mu)) / (1 - muProduct));
    const momentumTerm = mul(div(m, den), (h.lr * muNext) / (1 - muProduct * muNext));
    param.assign(sub(sub(param, gradTerm), momentumTerm));
  },
};

/**
 * NAdam: Adam with Nesterov momentum and a momentum schedule (default lr 2e-3): PyTorch's
 * `torch.optim.NAdam`.
 *
 * @example
 * ```ts
 * const opt = new NAdam(params, { lr: 2e-3, momentumDecay: 4e-3 });
 * ```
 */
export class NAdam extends Optimizer<NAdamHyper> {
  constructor(params: ParamsInput<NAdamHyper>, options: OptimizerOptions<NAdamHyper> = {}) {
    super(nadamRule, params, options);
  }
}
