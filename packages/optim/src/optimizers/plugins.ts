/**
 * The optimizer plugins: plain objects, one per algorithm, registered by `./register` or `use()`.
 */
import { CORE_VERSION, type NamedPlugin } from '@tensorkit/core';
import type { BaseHyper, Optimizer, OptimizerOptions, ParamsInput } from '../optimizer';
import { Adadelta, type AdadeltaHyper } from './adadelta';
import { Adagrad, type AdagradHyper } from './adagrad';
import { Adam, AdamW, type AdamFamilyHyper, type AdamHyper } from './adam';
import { Adamax } from './adamax';
import { NAdam, type NAdamHyper } from './nadam';
import { RAdam } from './radam';
import { RMSprop, type RMSpropHyper } from './rmsprop';
import { SGD, type SGDHyper } from './sgd';

/**
 * An optimizer plugin: `create(params, options)` builds the optimizer over variables or groups.
 *
 * @example
 * ```ts
 * const opt = get('optimizer', 'adam').create(model.parameters(), { lr: 1e-3 });
 * ```
 */
export interface OptimizerPlugin<H extends BaseHyper = BaseHyper> extends NamedPlugin<'optimizer'> {
  readonly create: (params: ParamsInput<H>, options?: OptimizerOptions<H>) => Optimizer<H>;
}

function plugin<H extends BaseHyper>(
  name: string,
  Ctor: new (params: ParamsInput<H>, options?: OptimizerOptions<H>) => Optimizer<H>,
): OptimizerPlugin<H> {
  return { kind: 'optimizer', name, package: '@tensorkit/optim', coreVersion: CORE_VERSION, create: (params, options) => new Ctor(params, options) };
}

/**
 * The `sgd` plugin ({@link SGD}).
 *
 * @example
 * ```ts
 * use(sgd); get('optimizer', 'sgd').create([w], { lr: 0.1, momentum: 0.9 });
 * ```
 */
export const sgd: OptimizerPlugin<SGDHyper> = /* @__PURE__ */ plugin('sgd', SGD);
/**
 * The `adagrad` plugin ({@link Adagrad}).
 *
 * @example
 * ```ts
 * get('optimizer', 'adagrad').create([w], { lr: 0.1 });
 * ```
 */
export const adagrad: OptimizerPlugin<AdagradHyper> = /* @__PURE__ */ plugin('adagrad', Adagrad);
/**
 * The `rmsprop` plugin ({@link RMSprop}).
 *
 * @example
 * ```ts
 * get('optimizer', 'rmsprop').create([w], { lr: 0.01, centered: true });
 * ```
 */
export const rmsprop: OptimizerPlugin<RMSpropHyper> = /* @__PURE__ */ plugin('rmsprop', RMSprop);
/**
 * The `adam` plugin ({@link Adam}).
 *
 * @example
 * ```ts
 * get('optimizer', 'adam').create([w], { lr: 1e-3, amsgrad: true });
 * ```
 */
export const adam: OptimizerPlugin<AdamHyper> = /* @__PURE__ */ plugin('adam', Adam);
/**
 * The `adamw` plugin ({@link AdamW}).
 *
 * @example
 * ```ts
 * get('optimizer', 'adamw').create([w], { lr: 1e-3, weightDecay: 0.01 });
 * ```
 */
export const adamw: OptimizerPlugin<AdamHyper> = /* @__PURE__ */ plugin('adamw', AdamW);
/**
 * The `adamax` plugin ({@link Adamax}).
 *
 * @example
 * ```ts
 * get('optimizer', 'adamax').create([w], { lr: 2e-3 });
 * ```
 */
export const adamax: OptimizerPlugin<AdamFamilyHyper> = /* @__PURE__ */ plugin('adamax', Adamax);
/**
 * The `nadam` plugin ({@link NAdam}).
 *
 * @example
 * ```ts
 * get('optimizer', 'nadam').create([w], { lr: 2e-3 });
 * ```
 */
export const nadam: OptimizerPlugin<NAdamHyper> = /* @__PURE__ */ plugin('nadam', NAdam);
/**
 * The `radam` plugin ({@link RAdam}).
 *
 * @example
 * ```ts
 * get('optimizer', 'radam').create([w], { lr: 1e-3 });
 * ```
 */
export const radam: OptimizerPlugin<AdamFamilyHyper> = /* @__PURE__ */ plugin('radam', RAdam);
/**
 * The `adadelta` plugin ({@link Adadelta}).
 *
 * @example
 * ```ts
 * get('optimizer', 'adadelta').create([w], { rho: 0.9 });
 * ```
 */
export const adadelta: OptimizerPlugin<AdadeltaHyper> = /* @__PURE__ */ plugin('adadelta', Adadelta);

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
