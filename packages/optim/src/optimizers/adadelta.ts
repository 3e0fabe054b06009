import { add, div, mul, sqrt, sub } from '@tensorkit/tensor';
import { Optimizer, type OptimizerOptions, type ParamsInput, type UpdateRule } from '../optimizer';
import { closedUnit, nonNegative } from '../validate';
import { emaSquare, l2 } from './common';

/**
 * Adadelta's hyperparameters.
 *
 * @example
 * ```ts
 * const h: AdadeltaHyper = { lr: 1, rho: 0.9, eps: 1e-6, weightDecay: 0 };
 * ```
 */
export interface AdadeltaHyper {
  /** Scales the update (default 1.0). */
  lr: number;
  /** Decay rate of the running averages (default 0.9). */
  rho: number;
  /** Added inside both square roots (default 1e-6). */
  eps: number;
  /** L2 penalty (default 0). */
  weightDecay: number;
}

/** The Adadelta update rule. @internal */
export const adadeltaRule: UpdateRule<AdadeltaHyper> = {
  name: 'adadelta',
  defaults: { lr: 1, rho: 0.9, eps: 1e-6, weightDecay: 0 },
  checks: { lr: nonNegative, rho: closedUnit, eps: nonNegative, weightDecay: nonNegative },
  stateInit: () => ({ squareAvg: 0, accDelta: 0 }),
  update: ({ param, grad, state, group: h }) => {
    const g = l2(grad, param, h.weightDecay);
    const v = emaSquare(state.squareAvg!, g, h.rho);
    const delta = mul(div(sqrt(add(state.accDelta!, h.eps)), sqrt(add(v, h.eps))), g);
    state.squareAvg!.assign(v);
    state.accDelta!.assign(emaSquare(state.accDelta!, delta, h.rho));
    param.assign(sub(param, mul(delta, h.lr)));
  },
};

/**
 * Adadelta: PyTorch's `torch.optim.Adadelta`.
 *
 * @example
 * ```ts
 * const opt = new Adadelta(params, { rho: 0.9 });
 * ```
 */
export class Adadelta extends Optimizer<AdadeltaHyper> {
  constructor(params: ParamsInput<AdadeltaHyper>, options: OptimizerOptions<AdadeltaHyper> = {}) {
    super(adadeltaRule, params, options);
  }
}
