import type { BackendPlugin } from './backend';
import type { GradientConfig, KernelConfig } from './kernels';

/**
 * The fields every named plugin has. `package` names the npm package that provides it (used in
 * error messages); `coreVersion` is the `@tensorkit/core` version it was built against.
 *
 * @example
 * ```ts
 * const p: NamedPlugin<'activation'> = { kind: 'activation', name: 'myAct', package: 'my-plugin', coreVersion: '0.1.0' };
 * ```
 */
export interface NamedPlugin<K extends string = string> {
  readonly kind: K;
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly package?: string;
  readonly coreVersion?: string;
}

/*
 * One empty interface per kind, mapping a registered name to its plugin type. Packages widen
 * them by module augmentation, which makes `get('optimizer', 'adam')` and `{ optimizer: 'adam' }`
 * type-checked: a typo is a compile error.
 */

/** Backend names (widened by backend packages). @example `declare module '@tensorkit/core' { interface BackendRegistry { cpu: BackendPlugin } }` */
export interface BackendRegistry {}
/** Activation names (widened by `@tensorkit/activations` and plugins). @example `interface ActivationRegistry { relu: ActivationPlugin }` */
export interface ActivationRegistry {}
/** Loss names. @example `interface LossRegistry { mse: LossPlugin }` */
export interface LossRegistry {}
/** Initializer names. @example `interface InitializerRegistry { heNormal: InitializerPlugin }` */
export interface InitializerRegistry {}
/** Optimizer names. @example `interface OptimizerRegistry { adam: OptimizerPlugin }` */
export interface OptimizerRegistry {}
/** LR scheduler names. @example `interface SchedulerRegistry { stepLR: SchedulerPlugin }` */
export interface SchedulerRegistry {}
/** Layer names. @example `interface LayerRegistry { dense: LayerPlugin }` */
export interface LayerRegistry {}
/** Metric names. @example `interface MetricRegistry { accuracy: MetricPlugin }` */
export interface MetricRegistry {}
/** Regularizer names. @example `interface RegularizerRegistry { l2: RegularizerPlugin }` */
export interface RegularizerRegistry {}
/** Callback names. @example `interface CallbackRegistry { earlyStopping: CallbackPlugin }` */
export interface CallbackRegistry {}

/**
 * Every kind, with the map of its registered names. Kernels are keyed `'<backend>/<Kernel>'` and
 * gradients by kernel name; both are open string maps.
 *
 * @example
 * ```ts
 * type AdamPlugin = KindRegistries['optimizer']['adam'];
 * ```
 */
export interface KindRegistries {
  backend: BackendRegistry;
  kernel: Record<string, KernelConfig>;
  gradient: Record<string, GradientConfig>;
  activation: ActivationRegistry;
  loss: LossRegistry;
  initializer: InitializerRegistry;
  optimizer: OptimizerRegistry;
  scheduler: SchedulerRegistry;
  layer: LayerRegistry;
  metric: MetricRegistry;
  regularizer: RegularizerRegistry;
  callback: CallbackRegistry;
}

/**
 * A plugin kind.
 *
 * @example
 * ```ts
 * const k: Kind = 'optimizer';
 * ```
 */
export type Kind = keyof KindRegistries;

/** Every kind, in the order error messages list them. */
export const KINDS: readonly Kind[] = [
  'backend', 'kernel', 'gradient', 'activation', 'loss', 'initializer', 'optimizer', 'scheduler',
  'layer', 'metric', 'regularizer', 'callback',
];

/**
 * The plugin type of a kind: the fixed contract for backends, kernels and gradients; for the
 * other kinds, the union of the plugin types that packages declared for that kind (so
 * `lookup('optimizer', name).create` type-checks once `@tensorkit/optim` is installed), or the
 * base {@link NamedPlugin} when no package declared any.
 *
 * @example
 * ```ts
 * const b: PluginOfKind<'backend'> = cpuBackend;
 * ```
 */
export type PluginOfKind<K extends Kind> = K extends 'backend'
  ? BackendPlugin
  : K extends 'kernel'
    ? KernelConfig
    : K extends 'gradient'
      ? GradientConfig
      : [keyof KindRegistries[K]] extends [never]
        ? NamedPlugin<K>
        : KindRegistries[K][keyof KindRegistries[K]];

/**
 * The names registered (by type) for a kind.
 *
 * @example
 * ```ts
 * const n: RegisteredName<'optimizer'> = 'adam'; // a compile error if no package declares 'adam'
 * ```
 */
export type RegisteredName<K extends Kind> = keyof KindRegistries[K] & string;

/**
 * Any plugin object tensorkit can register.
 *
 * @example
 * ```ts
 * const plugins: Plugin[] = [cpuBackend, relu, adam];
 * ```
 */
export type Plugin = BackendPlugin | KernelConfig | GradientConfig | NamedPlugin<Exclude<Kind, 'backend' | 'kernel' | 'gradient'>>;
