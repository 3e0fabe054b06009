import { add, div, mul, sqrt, square, sub } from '@tensorkit/tensor';
import { Optimizer, type OptimizerOptions, type ParamsInput, type UpdateRule } from '../optimizer';
import { bool, closedUnit, nonNegative } from '../validate';
import { ema, emaSquare, l2 } from './common';

/**
 * RMSprop's hyperparameters (PyTorch's `RMSprop`).
 *
 * @example
 * ```ts
 * const h: RMSpropHyper = { lr: 0.01, alpha: 0.99, eps: 1e-8, weightDecay: 0, momentum: 0, centered: false };
 * ```
 */
export interface RMSpropHyper {
  /** Learning rate (default 0.01). */
  lr: number;
  /** Smoothing constant of the squared-gradient average (default 0.99; Keras calls it rho). */
  alpha: number;
  /** Added to the denominator, outside the square root (default 1e-8). */
  eps: number;
  /** L2 penalty (default 0). */
  weightDecay: number;
  /** Momentum factor (default 0). */
  momentum: number;
  /** Normalize by the estimated variance of the gradient instead of its second moment (default false). */
  centered: boolean;
}

/** The RMSprop update rule. @internal */
export const rmspropRule: UpdateRule<RMSpropHyper> = {
  name: 'rmsprop',
  defaults: { lr: 0.01, alpha: 0.99, eps: 1e-8, weightDecay: 0, momentum: 0, centered: false },
  checks: { lr: nonNegative, alpha: closedUnit, eps: nonNegative, weightDecay: nonNegative, momentum: nonNegative, centered: bool },
  stateInit: (h) => ({ squareAvg: 0, ...(h.momentum > 0 ? { momentumBuffer: 0 } : {}), ...(h.centered ? { gradAvg: 0 } : {}) }),
  update: ({ param, grad, state, group: h }) => {
    const g = l2(grad, param, h.weightDecay);
    const v = emaSquare(state.squareAvg!, g, h.alpha);
    state.squareAvg!.assign(v);
    let second = v;
    if (h.centered) {
      const mean = ema(state.gradAvg!, g, h.alpha);
      state.gradAvg!.assign(mean);
      second = sub(v, square(mean));
    }
    const direction = div(g, add(sqrt(second), h.eps));
    if (h.momentum > 0) {
      const buf = add(mul(state.momentumBuffer!, h.momentum), direction);
      state.momentumBuffer!.assign(buf);
      param.assign(sub(param, mul(buf, h.lr)));
    } else {
      param.assign(sub(param, mul(direction, h.lr)));
    }
  },
};

/**
 * RMSprop, optionally centered and with momentum: PyTorch's `torch.optim.RMSprop`.
 *
 * @example
 * ```ts
 * const opt = new RMSprop(params, { lr: 0.01, centered: true });
 * ```
 */
export class RMSprop extends Optimizer<RMSpropHyper> {
  constructor(params: ParamsInput<RMSpropHyper>, options: OptimizerOptions<RMSpropHyper> = {}) {
    super(rmspropRule, params, options);
  }
}
