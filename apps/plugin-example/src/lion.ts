import { CORE_VERSION, type NamedPlugin } from '@tensorkit/core';
import { add, mul, sign, sub } from '@tensorkit/tensor';
import { Optimizer, betas, finite, nonNegative, type OptimizerOptions, type ParamsInput, type UpdateRule } from '@tensorkit/optim';
import { PACKAGE } from './package-name';

/** Lion's hyperparameters. */
export interface LionHyper {
  lr: number;
  betas: [number, number];
  weightDecay: number;
}

/** The Lion update: the sign of an interpolated momentum, and decoupled weight decay as in AdamW. */
const lionRule: UpdateRule<LionHyper> = {
  name: 'lion',
  defaults: { lr: 1e-4, betas: [0.9, 0.99], weightDecay: 0 },
  checks: { lr: nonNegative, betas, weightDecay: finite },
  stateInit: () => ({ expAvg: 0 }),
  update: ({ param, grad, state, group: { lr, betas: [beta1, beta2], weightDecay } }) => {
    const m = state.expAvg!;
    const direction = sign(add(mul(m, beta1), mul(grad, 1 - beta1)));
    param.assign(sub(mul(param, 1 - lr * weightDecay), mul(direction, lr)));
    m.assign(add(mul(m, beta2), mul(grad, 1 - beta2)));
  },
};

/**
 * Lion (Chen et al., 2023, "Symbolic Discovery of Optimization Algorithms"): the update is the
 * sign of `β1·m + (1-β1)·g`, so every coordinate moves by exactly `lr`; use a learning rate 3-10x
 * smaller than Adam's. Built on `Optimizer` of `@tensorkit/optim`, so param groups, clipping,
 * `stateDict` and schedulers work as for the built-in optimizers.
 *
 * @example
 * ```ts
 * const opt = new Lion(model.parameters(), { lr: 3e-4, weightDecay: 0.1 });
 * ```
 */
export class Lion extends Optimizer<LionHyper> {
  constructor(params: ParamsInput<LionHyper>, options: OptimizerOptions<LionHyper> = {}) {
    super(lionRule, params, options);
  }
}

/** The optimizer plugin of {@link Lion}. */
export interface LionPlugin extends NamedPlugin<'optimizer'> {
  readonly kind: 'optimizer';
  create(params: ParamsInput<LionHyper>, options?: OptimizerOptions<LionHyper>): Lion;
}

/**
 * The `lion` optimizer plugin: `use(lion)`, then `compile({ optimizer: 'lion' })`.
 *
 * @example
 * ```ts
 * model.compile({ optimizer: 'lion', optimizerOptions: { lr: 1e-3 }, loss: 'mse' });
 * ```
 */
export const lion: LionPlugin = {
  kind: 'optimizer', name: 'lion', package: PACKAGE, coreVersion: CORE_VERSION,
  create: (params, options) => new Lion(params, options),
};
