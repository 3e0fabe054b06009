import { ArgumentError, RegistryError, lookup, type NamedPlugin } from '@tensorkit/core';
import type { Tensor } from '@tensorkit/tensor';

/**
 * An activation as a registry plugin: a plain object whose `apply` maps a tensor to a tensor,
 * with the activation's options (if any) as the second argument. Third-party packages export
 * objects of this shape and register them with `use(...)`.
 *
 * @typeParam O - the options `apply` accepts (`{}` when it takes none).
 *
 * @example
 * ```ts
 * import { CORE_VERSION, use } from '@tensorkit/core';
 * const squarePlus: ActivationPlugin = {
 *   kind: 'activation', name: 'squarePlus', package: 'my-activations', coreVersion: CORE_VERSION,
 *   apply: (x) => mul(0.5, add(x, sqrt(add(square(x), 4)))),
 * };
 * use(squarePlus);
 * ```
 */
export interface ActivationPlugin<O extends object = object> extends NamedPlugin<'activation'> {
  readonly kind: 'activation';
  readonly package: string;
  readonly coreVersion: string;
  /** Applies the activation elementwise (or along an axis, for softmax). */
  apply(x: Tensor, options?: O): Tensor;
}

/**
 * An activation given by registered name (or alias) or as a plugin object, resolved to the
 * plugin; what a layer does with its `activation` option. A name that is not registered throws
 * `NOT_REGISTERED` listing the registered ones; an object that is not an activation plugin
 * throws `INVALID_PLUGIN`.
 *
 * @example
 * ```ts
 * import '@tensorkit/activations/register';
 * getActivation('relu').apply(tensor([-1, 2]));    // [0, 2]
 * getActivation(geluActivation).apply(x, { approximate: 'tanh' });
 * ```
 */
export function getActivation(spec: string | ActivationPlugin): ActivationPlugin {
  const plugin: unknown = typeof spec === 'string' ? lookup('activation', spec) : spec;
  const p = plugin as Partial<ActivationPlugin> | null;
  if (typeof p !== 'object' || p === null || p.kind !== 'activation' || typeof p.apply !== 'function') {
    const what = typeof spec === 'string' ? `the plugin registered as '${spec}'` : `${p === null ? 'null' : typeof p}`;
    const Err = typeof spec === 'string' ? RegistryError : ArgumentError;
    throw new Err('INVALID_PLUGIN', `getActivation: ${what} is not an activation plugin { kind: 'activation', name, apply(x, options) }`);
  }
  return p as ActivationPlugin;
}
