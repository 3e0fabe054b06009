import { ArgumentError, RegistryError, lookup, type NamedPlugin } from '@tensorkit/core';
import type { Tensor } from '@tensorkit/tensor';
import type { Distribution } from './distribution';

/**
 * Options every initializer accepts: `seed` gives an independent, reproducible draw (the same
 * seed gives the same weights, on every backend); without it the global generator is used
 * (`setSeed` from `@tensorkit/tensor`).
 *
 * @example
 * ```ts
 * const o: InitOptions = { seed: 42 };
 * ```
 */
export interface InitOptions {
  seed?: number;
}

/**
 * An initializer as a registry plugin: `sample(shape, options)` returns a new float32 tensor of
 * that shape. Random initializers also describe their `distribution` for a shape, which is what
 * the oracle's std and bound values are checked against.
 *
 * @typeParam O - the initializer's options (always including `seed`).
 *
 * @example
 * ```ts
 * import { CORE_VERSION, use } from '@tensorkit/core';
 * const halves: InitializerPlugin = {
 *   kind: 'initializer', name: 'halves', package: 'my-inits', coreVersion: CORE_VERSION,
 *   sample: (shape) => full(shape, 0.5),
 * };
 * use(halves);
 * ```
 */
export interface InitializerPlugin<O extends InitOptions = InitOptions> extends NamedPlugin<'initializer'> {
  readonly kind: 'initializer';
  readonly package: string;
  readonly coreVersion: string;
  /** Draws (or builds) a weight of `shape`, in tensorkit's layout (`[in, out]`, `[kh, kw, inC, outC]`). */
  sample(shape: readonly number[], options?: O): Tensor;
  /** The distribution `sample` draws from for `shape` (random initializers only). */
  distribution?(shape: readonly number[], options?: O): Distribution;
}

/**
 * An initializer given by registered name (or alias) or as a plugin object, resolved to the
 * plugin; what a layer does with its `kernelInitializer` option. An unknown name throws
 * `NOT_REGISTERED` listing the registered ones.
 *
 * @example
 * ```ts
 * import '@tensorkit/init/register';
 * getInitializer('kaimingNormal').sample([64, 32], { seed: 1 });
 * ```
 */
export function getInitializer(spec: string | InitializerPlugin): InitializerPlugin {
  const plugin: unknown = typeof spec === 'string' ? lookup('initializer', spec) : spec;
  const p = plugin as Partial<InitializerPlugin> | null;
  if (typeof p !== 'object' || p === null || p.kind !== 'initializer' || typeof p.sample !== 'function') {
    const what = typeof spec === 'string' ? `the plugin registered as '${spec}'` : p === null ? 'null' : typeof p;
    const Err = typeof spec === 'string' ? RegistryError : ArgumentError;
    throw new Err('INVALID_PLUGIN', `getInitializer: ${what} is not an initializer plugin { kind: 'initializer', name, sample(shape, options) }`);
  }
  return p as InitializerPlugin;
}
