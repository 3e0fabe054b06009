/**
 * How layers take initializers and regularizers: registered names or plugin objects.
 */
import { ArgumentError, lookup } from '@tensorkit/core';
import { torchDefaultInitializer } from '@tensorkit/init';
import type { Tensor } from '@tensorkit/tensor';
import type { Penalty } from '../module';

/** What layers need of an initializer plugin (`@tensorkit/init` provides them). */
export interface InitializerLike {
  readonly name: string;
  sample(shape: readonly number[], options?: { seed?: number }): Tensor;
}

/** A weight initializer: a registered name (`'glorotUniform'`) or an initializer plugin. */
export type InitializerSpec = string | InitializerLike;

/** What layers need of a regularizer plugin. */
export interface RegularizerLike extends Penalty {
  readonly name: string;
}

/** A weight regularizer: a registered name (`'l2'`), a regularizer, or its saved `{ name, config }` form. */
export type RegularizerSpec = string | RegularizerLike | { name: string; config: Record<string, unknown> };

/** Resolves an initializer now (unknown names fail at layer creation); `undefined` keeps the default. */
export function resolveInitializer(spec: unknown, option: string, layer: string): InitializerLike | undefined {
  if (spec === undefined) return undefined;
  const plugin: unknown = typeof spec === 'string' ? lookup('initializer', spec) : spec;
  if (typeof plugin !== 'object' || plugin === null || typeof (plugin as InitializerLike).sample !== 'function') {
    throw new ArgumentError('INVALID_ARGUMENT', `${layer}: '${option}' must be a registered initializer name or an initializer plugin, got ${typeof spec}`);
  }
  return plugin as InitializerLike;
}

/** The saved form of a configured regularizer: its plugin name and the config its `create` takes. */
interface SavedRegularizer {
  name: string;
  config: Record<string, unknown>;
}

function isSaved(spec: unknown): spec is SavedRegularizer {
  const s = spec as Partial<SavedRegularizer> | null;
  return typeof s === 'object' && s !== null && typeof s.name === 'string' && typeof s.config === 'object' && !('penalty' in s);
}

/**
 * Resolves a regularizer now; `undefined` means none. Accepts a registered name, a regularizer,
 * or the `{ name, config }` form `model.json` stores, rebuilt with the plugin's `create` so the
 * strength survives a save/load round trip.
 */
export function resolveRegularizer(spec: unknown, option: string, layer: string): RegularizerLike | undefined {
  if (spec === undefined || spec === null) return undefined;
  let plugin: unknown = typeof spec === 'string' ? lookup('regularizer', spec) : spec;
  if (isSaved(spec)) {
    const found = lookup('regularizer', spec.name) as { create?: (c: Record<string, unknown>) => unknown };
    if (typeof found.create !== 'function') {
      throw new ArgumentError('INVALID_ARGUMENT', `${layer}: regularizer '${spec.name}' has no create(config), so its saved config cannot be restored`);
    }
    plugin = found.create(spec.config);
  }
  if (typeof plugin !== 'object' || plugin === null || typeof (plugin as RegularizerLike).penalty !== 'function') {
    throw new ArgumentError('INVALID_ARGUMENT', `${layer}: '${option}' must be a registered regularizer name or a regularizer plugin, got ${typeof spec}`);
  }
  return plugin as RegularizerLike;
}

/**
 * A new weight of `shape`: from `init` when given, else PyTorch's default for linear and conv
 * layers (`torchDefault` of @tensorkit/init, whose Keras-rule fan-in on tensorkit layouts equals
 * PyTorch's).
 */
export function initWeight(init: InitializerLike | undefined, shape: readonly number[], seed: number | undefined): Tensor {
  const options = seed === undefined ? {} : { seed };
  return (init ?? torchDefaultInitializer).sample(shape, options);
}

/** A new bias: from `init` when given, else PyTorch's U(±1/√fanIn) with the kernel's fan-in. */
export function initBias(init: InitializerLike | undefined, shape: readonly number[], fanIn: number, seed: number | undefined): Tensor {
  const options = seed === undefined ? {} : { seed };
  return init ? init.sample(shape, options) : torchDefaultInitializer.sampleBias(shape, { fanIn, ...options });
}
