/**
 * The scheduler plugins: plain objects whose `create(optimizer, options)` builds the scheduler.
 */
import { CORE_VERSION, type NamedPlugin } from '@tensorkit/core';
import { CosineAnnealingLR, CosineAnnealingWarmRestarts, type CosineAnnealingLROptions, type CosineAnnealingWarmRestartsOptions } from './cosine';
import {
  ConstantLR, ExponentialLR, LinearLR, MultiStepLR, PolynomialLR, StepLR,
  type ConstantLROptions, type ExponentialLROptions, type LinearLROptions, type MultiStepLROptions, type PolynomialLROptions, type StepLROptions,
} from './decay';
import { LambdaLR, type LambdaLROptions } from './lambda';
import { OneCycleLR, type OneCycleLROptions } from './one-cycle';
import { ReduceLROnPlateau, type ReduceLROnPlateauOptions } from './plateau';
import type { SchedulableOptimizer, Scheduler } from './scheduler';
import { SequentialLR, type SequentialLROptions } from './sequential';

/**
 * A scheduler plugin: `create(optimizer, options)` builds the scheduler for that optimizer.
 *
 * @example
 * ```ts
 * const s = get('scheduler', 'stepLR').create(optimizer, { stepSize: 10 });
 * ```
 */
export interface SchedulerPlugin<O = unknown, S extends Scheduler = Scheduler> extends NamedPlugin<'scheduler'> {
  readonly create: (optimizer: SchedulableOptimizer, options: O) => S;
}

function plugin<O, S extends Scheduler>(name: string, Ctor: new (optimizer: SchedulableOptimizer, options: O) => S): SchedulerPlugin<O, S> {
  return { kind: 'scheduler', name, package: '@tensorkit/optim', coreVersion: CORE_VERSION, create: (optimizer, options) => new Ctor(optimizer, options) };
}

/**
 * The `stepLR` plugin ({@link StepLR}).
 *
 * @example
 * ```ts
 * get('scheduler', 'stepLR').create(optimizer, { stepSize: 7 });
 * ```
 */
export const stepLR: SchedulerPlugin<StepLROptions, StepLR> = /* @__PURE__ */ plugin('stepLR', StepLR);
/**
 * The `multiStepLR` plugin ({@link MultiStepLR}).
 *
 * @example
 * ```ts
 * get('scheduler', 'multiStepLR').create(optimizer, { milestones: [30, 80] });
 * ```
 */
export const multiStepLR: SchedulerPlugin<MultiStepLROptions, MultiStepLR> = /* @__PURE__ */ plugin('multiStepLR', MultiStepLR);
/**
 * The `exponentialLR` plugin ({@link ExponentialLR}).
 *
 * @example
 * ```ts
 * get('scheduler', 'exponentialLR').create(optimizer, { gamma: 0.95 });
 * ```
 */
export const exponentialLR: SchedulerPlugin<ExponentialLROptions, ExponentialLR> = /* @__PURE__ */ plugin('exponentialLR', ExponentialLR);
/**
 * The `cosineAnnealingLR` plugin ({@link CosineAnnealingLR}).
 *
 * @example
 * ```ts
 * get('scheduler', 'cosineAnnealingLR').create(optimizer, { tMax: 100 });
 * ```
 */
export const cosineAnnealingLR: SchedulerPlugin<CosineAnnealingLROptions, CosineAnnealingLR> = /* @__PURE__ */ plugin('cosineAnnealingLR', CosineAnnealingLR);
/**
 * The `cosineAnnealingWarmRestarts` plugin ({@link CosineAnnealingWarmRestarts}).
 *
 * @example
 * ```ts
 * get('scheduler', 'cosineAnnealingWarmRestarts').create(optimizer, { t0: 10, tMult: 2 });
 * ```
 */
export const cosineAnnealingWarmRestarts: SchedulerPlugin<CosineAnnealingWarmRestartsOptions, CosineAnnealingWarmRestarts> = /* @__PURE__ */ plugin(
  'cosineAnnealingWarmRestarts',
  CosineAnnealingWarmRestarts,
);
/**
 * The `linearLR` plugin ({@link LinearLR}).
 *
 * @example
 * ```ts
 * get('scheduler', 'linearLR').create(optimizer, { startFactor: 0.1, totalIters: 5 });
 * ```
 */
export const linearLR: SchedulerPlugin<LinearLROptions, LinearLR> = /* @__PURE__ */ plugin('linearLR', LinearLR);
/**
 * The `constantLR` plugin ({@link ConstantLR}).
 *
 * @example
 * ```ts
 * get('scheduler', 'constantLR').create(optimizer, { factor: 0.5, totalIters: 3 });
 * ```
 */
export const constantLR: SchedulerPlugin<ConstantLROptions, ConstantLR> = /* @__PURE__ */ plugin('constantLR', ConstantLR);
/**
 * The `polynomialLR` plugin ({@link PolynomialLR}).
 *
 * @example
 * ```ts
 * get('scheduler', 'polynomialLR').create(optimizer, { totalIters: 20, power: 2 });
 * ```
 */
export const polynomialLR: SchedulerPlugin<PolynomialLROptions, PolynomialLR> = /* @__PURE__ */ plugin('polynomialLR', PolynomialLR);
/**
 * The `oneCycleLR` plugin ({@link OneCycleLR}).
 *
 * @example
 * ```ts
 * get('scheduler', 'oneCycleLR').create(optimizer, { maxLr: 0.1, totalSteps: 1000 });
 * ```
 */
export const oneCycleLR: SchedulerPlugin<OneCycleLROptions, OneCycleLR> = /* @__PURE__ */ plugin('oneCycleLR', OneCycleLR);
/**
 * The `lambdaLR` plugin ({@link LambdaLR}).
 *
 * @example
 * ```ts
 * get('scheduler', 'lambdaLR').create(optimizer, { lrLambda: (e) => 0.9 ** e });
 * ```
 */
export const lambdaLR: SchedulerPlugin<LambdaLROptions, LambdaLR> = /* @__PURE__ */ plugin('lambdaLR', LambdaLR);
/**
 * The `sequentialLR` plugin ({@link SequentialLR}).
 *
 * @example
 * ```ts
 * get('scheduler', 'sequentialLR').create(optimizer, { schedulers: [warmup, decay], milestones: [5] });
 * ```
 */
export const sequentialLR: SchedulerPlugin<SequentialLROptions, SequentialLR> = /* @__PURE__ */ plugin('sequentialLR', SequentialLR);
/**
 * The `reduceLROnPlateau` plugin ({@link ReduceLROnPlateau}).
 *
 * @example
 * ```ts
 * get('scheduler', 'reduceLROnPlateau').create(optimizer, { patience: 5 });
 * ```
 */
export const reduceLROnPlateau: SchedulerPlugin<ReduceLROnPlateauOptions, ReduceLROnPlateau> = /* @__PURE__ */ plugin('reduceLROnPlateau', ReduceLROnPlateau);

/**
 * Every scheduler plugin of this package.
 *
 * @example
 * ```ts
 * use(schedulerPlugins);
 * ```
 */
export const schedulerPlugins = [
  stepLR, multiStepLR, exponentialLR, cosineAnnealingLR, cosineAnnealingWarmRestarts, linearLR, constantLR, polynomialLR,
  oneCycleLR, lambdaLR, sequentialLR, reduceLROnPlateau,
] as const;

declare module '@tensorkit/core' {
  interface SchedulerRegistry {
    stepLR: SchedulerPlugin<StepLROptions, StepLR>;
    multiStepLR: SchedulerPlugin<MultiStepLROptions, MultiStepLR>;
    exponentialLR: SchedulerPlugin<ExponentialLROptions, ExponentialLR>;
    cosineAnnealingLR: SchedulerPlugin<CosineAnnealingLROptions, CosineAnnealingLR>;
    cosineAnnealingWarmRestarts: SchedulerPlugin<CosineAnnealingWarmRestartsOptions, CosineAnnealingWarmRestarts>;
    linearLR: SchedulerPlugin<LinearLROptions, LinearLR>;
    constantLR: SchedulerPlugin<ConstantLROptions, ConstantLR>;
    polynomialLR: SchedulerPlugin<PolynomialLROptions, PolynomialLR>;
    oneCycleLR: SchedulerPlugin<OneCycleLROptions, OneCycleLR>;
    lambdaLR: SchedulerPlugin<LambdaLROptions, LambdaLR>;
    sequentialLR: SchedulerPlugin<SequentialLROptions, SequentialLR>;
    reduceLROnPlateau: SchedulerPlugin<ReduceLROnPlateauOptions, ReduceLROnPlateau>;
  }
}
