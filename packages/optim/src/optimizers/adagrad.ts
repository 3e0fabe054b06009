import { add, div, mul, sqrt, square, sub } from '@tensorkit/tensor';
import { Optimizer, type OptimizerOptions, type ParamsInput, type UpdateRule } from '../optimizer';
import { nonNegative } from '../validate';
import { l2 } from './common';

/**
 * Adagrad's hyperparameters (PyTorch's `Adagrad`).
 *
 * @example
 * ```ts
 * const h: AdagradHyper = { lr: 0.01, lrDecay: 0, weightDecay: 0, initialAccumulatorValue: 0, eps: 1e-10 };
 * ```
 */
export interface AdagradHyper {
  /** Learning rate (default 0.01). */
  lr: number;
  /** The learning rate at step t is `lr / (1 + (t−1)·lrDecay)` (default 0). */
  lrDecay: number;
  /** L2 penalty (default 0). */
  weightDecay: number;
  /** Starting value of the sum of squared gradients (default 0). */
  initialAccumulatorValue: number;
  /** Added outside the square root (default 1e-10). */
  eps: number;
}

/** The Adagrad update rule. @internal */
export const adagradRule: UpdateRule<AdagradHyper> = {
  name: 'adagrad',
  defaults: { lr: 0.01, lrDecay: 0, weightDecay: 0, initialAccumulatorValue: 0, eps: 1e-10 },
  checks: { lr: nonNegative, lrDecay: nonNegative, weightDecay: nonNegative, initialAccumulatorValue: nonNegative, eps: nonNegative },
  stateInit: (h) => ({ sum: h.initialAccumulatorValue }),
  update: ({ param, grad, state, step, group: h }) => {
    const g = l2(grad, param, h.weightDecay);
    const clr = h.lr / (1 + (step - 1) * h.lrDecay);
    const s = add(state.sum!, square(g));
    state.sum!.assign(s);
    param.assign(sub(param, mul(div(g, add(sqrt(s), h.eps)), clr)));
  },
};

/**
 * Adagrad: per-element learning rates scaled by the accumulated squared gradients; PyTorch's
 * `torch.optim.Adagrad` (eps outside the square root).
 *
 * @example
 * ```ts
 * const opt = new Adagrad(params, { lr: 0.1, lrDecay: 0.01 });
 * ```
 */
export class Adagrad extends Optimizer<AdagradHyper> {
  constructor(params: ParamsInput<AdagradHyper>, options: OptimizerOptions<AdagradHyper> = {}) {
    super(adagradRule, params, options);
  }
}
