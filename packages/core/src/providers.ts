import type { Kind } from './kinds';

/*
 * Which package provides each built-in name, so that a failed lookup can say what to import.
 * This is data about packages core does not depend on; it only feeds error messages.
 */
const PACKAGE_OF_KIND: Record<Kind, string> = {
  backend: '@tensorkit/backend-cpu or @tensorkit/backend-webgl',
  kernel: 'a backend package (@tensorkit/backend-cpu, @tensorkit/backend-webgl)',
  gradient: '@tensorkit/autograd',
  activation: '@tensorkit/activations',
  loss: '@tensorkit/losses',
  initializer: '@tensorkit/init',
  optimizer: '@tensorkit/optim',
  scheduler: '@tensorkit/optim',
  layer: '@tensorkit/layers',
  metric: '@tensorkit/layers',
  regularizer: '@tensorkit/layers',
  callback: '@tensorkit/layers',
};

const BUILTIN_BACKENDS: Record<string, string> = { cpu: '@tensorkit/backend-cpu', webgl: '@tensorkit/backend-webgl' };

/**
 * The package that provides built-in plugins of `kind` (or, for backends, the named one).
 *
 * @example
 * ```ts
 * providerOf('optimizer', 'adam'); // '@tensorkit/optim'
 * ```
 */
export function providerOf(kind: Kind, name: string): string {
  if (kind === 'backend') return BUILTIN_BACKENDS[name] ?? PACKAGE_OF_KIND.backend;
  return PACKAGE_OF_KIND[kind];
}

/** How each package names the plugin objects it exports, e.g. `reluActivation`, `adam`. */
const EXPORT_SUFFIX: Partial<Record<Kind, string>> = {
  activation: 'Activation',
  loss: 'Loss',
  initializer: 'Initializer',
  layer: 'Layer',
  metric: 'Metric',
  regularizer: 'Regularizer',
  callback: 'Callback',
};

/**
 * The export name of a built-in plugin object, for `use(...)` hints: `reluActivation`,
 * `crossEntropyLoss`, `adam` (optimizers and schedulers are exported under their own names).
 *
 * @example
 * ```ts
 * pluginExportName('activation', 'relu'); // 'reluActivation'
 * ```
 */
export function pluginExportName(kind: Kind, name: string): string {
  return `${name}${EXPORT_SUFFIX[kind] ?? ''}`;
}
