import { add, mul, sub } from '@tensorkit/tensor';
import { ArgumentError } from '@tensorkit/core';
import { Optimizer, type OptimizerOptions, type ParamsInput, type UpdateRule } from '../optimizer';
import { bool, closedUnit, nonNegative } from '../validate';
import { l2 } from './common';

/**
 * SGD's hyperparameters (PyTorch's `SGD`).
 *
 * @example
 * ```ts
 * const h: SGDHyper = { lr: 0.1, momentum: 0.9, dampening: 0, weightDecay: 0, nesterov: true };
 * ```
 */
export interface SGDHyper {
  /** Learning rate (default 1e-3, PyTorch 2's default). */
  lr: number;
  /** Momentum factor (default 0: plain SGD). */
  momentum: number;
  /** Dampening of the momentum (default 0). */
  dampening: number;
  /** L2 penalty added to the gradient (default 0). */
  weightDecay: number;
  /** Nesterov momentum (default false); needs momentum > 0 and dampening 0. */
  nesterov: boolean;
}

/** The SGD update rule. @internal */
export const sgdRule: UpdateRule<SGDHyper> = {
  name: 'sgd',
  defaults: { lr: 1e-3, momentum: 0, dampening: 0, weightDecay: 0, nesterov: false },
  checks: { lr: nonNegative, momentum: nonNegative, dampening: closedUnit, weightDecay: nonNegative, nesterov: bool },
  checkGroup: (h) => {
    if (h.nesterov && (h.momentum <= 0 || h.dampening !== 0)) {
      throw new ArgumentError(
        'INVALID_ARGUMENT',
        `sgd: option 'nesterov' needs momentum > 0 and dampening 0, got momentum ${h.momentum} and dampening ${h.dampening}; set momentum (e.g. 0.9) or nesterov: false`,
      );
    }
  },
  stateInit: (h) => (h.momentum !== 0 ? { momentumBuffer: 0 } : {}),
  update: ({ param, grad, state, step, group: h }) => {
    let g = l2(grad, param, h.weightDecay);
    if (h.momentum !== 0) {
      const buf = step === 1 ? g : add(mul(state.momentumBuffer!, h.momentum), mul(g, 1 - h.dampening));
      state.momentumBuffer!.assign(buf);
      g = h.nesterov ? add(g, mul(buf, h.momentum)) : buf;
    }
    param.assign(sub(param, mul(g, h.lr)));
  },
};

/**
 * Stochastic gradient descent with optional momentum, dampening, Nesterov momentum and weight
 * decay: PyTorch's `torch.optim.SGD`.
 *
 * @example
 * ```ts
 * const opt = new SGD([w, b], { lr: 0.1, momentum: 0.9, nesterov: true });
 * opt.step(grads);
 * ```
 */
export class SGD extends Optimizer<SGDHyper> {
  constructor(params: ParamsInput<SGDHyper>, options: OptimizerOptions<SGDHyper> = {}) {
    super(sgdRule, params, options);
  }
}
