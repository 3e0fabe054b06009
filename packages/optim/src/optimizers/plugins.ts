/**
 * The optimizer plugins, one per algorithm, registered by `./register` or `use()`. Each is also
 * callable, as NAMES.md writes it: `sgd({ lr: 0.1, momentum: 0.9 })` is SGD with those options,
 * not yet bound to parameters, which `model.compile({ optimizer })` accepts (Keras style).
 */
import { CORE_VERSION, type NamedPlugin } from '@tensorkit/core';
import { resolveOptimizerOptions, type BaseHyper, type Optimizer, type OptimizerOptions, type ParamsInput, type UpdateRule } from '../optimizer';
import { Adadelta, adadeltaRule, type AdadeltaHyper } from './adadelta';
import { Adagrad, adagradRule, type AdagradHyper } from './adagrad';
import { Adam, AdamW, adamRuleCoupled, adamwRule, type AdamFamilyHyper, type AdamHyper } from './adam';
import { Adamax, adamaxRule } from './adamax';
import { NAdam, nadamRule, type NAdamHyper } from './nadam';
import { RAdam, radamRule } from './radam';
import { RMSprop, rmspropRule, type RMSpropHyper } from './rmsprop';
import { SGD, sgdRule, type SGDHyper } from './sgd';

/**
 * An optimizer plugin: `create(params, options)` builds the optimizer over variables or groups.
 *
 * @example
 * ```ts
 * const opt = get('optimizer', 'adam').create(model.parameters(), { lr: 1e-3 });
 * ```
 */
export interface OptimizerPlugin<H extends BaseHyper = BaseHyper> extends ConfiguredOptimizer<H> {
  /** This optimizer with `options`, to be bound to parameters later (e.g. by `compile`). */
  (options?: OptimizerOptions<H>): ConfiguredOptimizer<H>;
}

/**
 * An optimizer with its options chosen but no parameters yet: `create(params)` builds it (extra
 * options given there override the chosen ones). `sgd({ lr: 0.1 })` returns one.
 *
 * @example
 * ```ts
 * const spec: ConfiguredOptimizer = adam({ lr: 1e-3 });
 * const opt = spec.create(model.trainableParameters());
 * ```
 */
export interface ConfiguredOptimizer<H extends BaseHyper = BaseHyper> extends NamedPlugin<'optimizer'> {
  readonly create: (params: ParamsInput<H>, options?: OptimizerOptions<H>) => Optimizer<H>;
}

/* @__NO_SIDE_EFFECTS__ */
function plugin<H extends BaseHyper>(
  rule: UpdateRule<H>,
  Ctor: new (params: ParamsInput<H>, options?: OptimizerOptions<H>) => Optimizer<H>,
): OptimizerPlugin<H> {
  const name = rule.name;
  const meta = { kind: 'optimizer' as const, package: '@tensorkit/optim', coreVersion: CORE_VERSION };
  const configure = (chosen: OptimizerOptions<H> = {}): ConfiguredOptimizer<H> => ({
    ...meta,
    name,
    create: (params, options) => new Ctor(params, { ...chosen, ...options }),
  });
  const callable = Object.assign((options: OptimizerOptions<H> = {}) => {
    resolveOptimizerOptions(rule, options);
    return configure(options);
  }, meta, { create: (params: ParamsInput<H>, options?: OptimizerOptions<H>) => new Ctor(params, options) });
  // A function's `name` is read-only for assignment but configurable.
  return Object.defineProperty(callable, 'name', { value: name }) as OptimizerPlugin<H>;
}

/**
 * The `sgd` plugin ({@link SGD}).
 *
 * @example
 * ```ts
 * use(sgd); get('optimizer', 'sgd').create([w], { lr: 0.1, momentum: 0.9 });
 * ```
 */
export const sgd: OptimizerPlugin<SGDHyper> = /* @__PURE__ */ plugin(sgdRule, SGD);
/**
 * The `adagrad` plugin ({@link Adagrad}).
 *
 * @example
 * ```ts
 * get('optimizer', 'adagrad').create([w], { lr: 0.1 });
 * ```
 */
export const adagrad: OptimizerPlugin<AdagradHyper> = /* @__PURE__ */ plugin(adagradRule, Adagrad);
/**
 * The `rmsprop` plugin ({@link RMSprop}).
 *
 * @example
 * ```ts
 * get('optimizer', 'rmsprop').create([w], { lr: 0.01, centered: true });
 * ```
 */
export const rmsprop: OptimizerPlugin<RMSpropHyper> = /* @__PURE__ */ plugin(rmspropRule, RMSprop);
/**
 * The `adam` plugin ({@link Adam}).
 *
 * @example
 * ```ts
 * get('optimizer', 'adam').create([w], { lr: 1e-3, amsgrad: true });
 * ```
 */
export const adam: OptimizerPlugin<AdamHyper> = /* @__PURE__ */ plugin(adamRuleCoupled, Adam);
/**
 * The `adamw` plugin ({@link AdamW}).
 *
 * @example
 * ```ts
 * get('optimizer', 'adamw').create([w], { lr: 1e-3, weightDecay: 0.01 });
 * ```
 */
export const adamw: OptimizerPlugin<AdamHyper> = /* @__PURE__ */ plugin(adamwRule, AdamW);
/**
 * The `adamax` plugin ({@link Adamax}).
 *
 * @example
 * ```ts
 * get('optimizer', 'adamax').create([w], { lr: 2e-3 });
 * ```
 */
export const adamax: OptimizerPlugin<AdamFamilyHyper> = /* @__PURE__ */ plugin(adamaxRule, Adamax);
/**
 * The `nadam` plugin ({@link NAdam}).
 *
 * @example
 * ```ts
 * get('optimizer', 'nadam').create([w], { lr: 2e-3 });
 * ```
 */
export const nadam: OptimizerPlugin<NAdamHyper> = /* @__PURE__ */ plugin(nadamRule, NAdam);
/**
 * The `radam` plugin ({@link RAdam}).
 *
 * @example
 * ```ts
 * get('optimizer', 'radam').create([w], { lr: 1e-3 });
 * ```
 */
export const radam: OptimizerPlugin<AdamFamilyHyper> = /* @__PURE__ */ plugin(radamRule, RAdam);
/**
 * The `adadelta` plugin ({@link Adadelta}).
 *
 * @example
 * ```ts
 * get('optimizer', 'adadelta').create([w], { rho: 0.9 });
 * ```
 */
export const adadelta: OptimizerPlugin<AdadeltaHyper> = /* @__PURE__ */ plugin(adadeltaRule, Adadelta);

/**
 * Every optimizer plugin of this package.
 *
 * @example
 * ```ts
 * use(optimizerPlugins);
 * ```
 */
export const optimizerPlugins = [sgd, adagrad, rmsprop, adam, adamw, adamax, nadam, radam, adadelta] as const;

declare module '@tensorkit/core' {
  interface OptimizerRegistry {
    sgd: OptimizerPlugin<SGDHyper>;
    adagrad: OptimizerPlugin<AdagradHyper>;
    rmsprop: OptimizerPlugin<RMSpropHyper>;
    adam: OptimizerPlugin<AdamHyper>;
    adamw: OptimizerPlugin<AdamHyper>;
    adamax: OptimizerPlugin<AdamFamilyHyper>;
    nadam: OptimizerPlugin<NAdamHyper>;
    radam: OptimizerPlugin<AdamFamilyHyper>;
    adadelta: OptimizerPlugin<AdadeltaHyper>;
  }
}
