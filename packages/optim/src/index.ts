/**
 * `@tensorkit/optim`: optimizers with `torch.optim`'s semantics (param groups, per-parameter
 * state, `stateDict`), gradient clipping, and learning-rate schedulers. Classes carry PyTorch's
 * names (`new Adam(params, { lr })`); the registry plugins carry the camelCase names (`adam`,
 * `stepLR`). `import '@tensorkit/optim/register'` registers them all.
 *
 * @packageDocumentation
 */
export {
  Optimizer,
  type BaseHyper, type ParamGroup, type ParamGroupInput, type ParamsInput, type ClipOptions, type OptimizerOptions,
  type ParamUpdate, type UpdateRule, type OptimizerStateDict, type ParamStateDict,
} from './optimizer';
export { clipGradNorm, clipGradValue, type ClipGradNormResult } from './clip';
export { nonNegative, positive, finite, unitInterval, closedUnit, bool, betas, intAtLeast, oneOf, type Check } from './validate';
export { SGD, type SGDHyper } from './optimizers/sgd';
export { Adagrad, type AdagradHyper } from './optimizers/adagrad';
export { RMSprop, type RMSpropHyper } from './optimizers/rmsprop';
export { Adam, AdamW, type AdamHyper, type AdamFamilyHyper } from './optimizers/adam';
export { Adamax } from './optimizers/adamax';
export { NAdam, type NAdamHyper } from './optimizers/nadam';
export { RAdam } from './optimizers/radam';
export { Adadelta, type AdadeltaHyper } from './optimizers/adadelta';
export { sgd, adagrad, rmsprop, adam, adamw, adamax, nadam, radam, adadelta, optimizerPlugins, type OptimizerPlugin, type ConfiguredOptimizer } from './optimizers/plugins';
export {
  LRScheduler, type Scheduler, type SchedulerStateDict, type SchedulableOptimizer, type SchedulableGroup,
} from './schedulers/scheduler';
export {
  StepLR, MultiStepLR, ExponentialLR, ConstantLR, LinearLR, PolynomialLR,
  type StepLROptions, type MultiStepLROptions, type ExponentialLROptions, type ConstantLROptions, type LinearLROptions, type PolynomialLROptions,
} from './schedulers/decay';
export { CosineAnnealingLR, CosineAnnealingWarmRestarts, type CosineAnnealingLROptions, type CosineAnnealingWarmRestartsOptions } from './schedulers/cosine';
export { OneCycleLR, type OneCycleLROptions } from './schedulers/one-cycle';
export { LambdaLR, type LambdaLROptions } from './schedulers/lambda';
export { SequentialLR, type SequentialLROptions } from './schedulers/sequential';
export { ReduceLROnPlateau, type ReduceLROnPlateauOptions } from './schedulers/plateau';
export {
  stepLR, multiStepLR, exponentialLR, cosineAnnealingLR, cosineAnnealingWarmRestarts, linearLR, constantLR, polynomialLR,
  oneCycleLR, lambdaLR, sequentialLR, reduceLROnPlateau, schedulerPlugins, type SchedulerPlugin,
} from './schedulers/plugins';
