/**
 * How layers take an activation: a registered name, an activation plugin, or a plain function.
 */
import { ArgumentError, lookup } from '@tensorkit/core';
import type { Tensor } from '@tensorkit/tensor';

/** What layers need of an activation plugin (`@tensorkit/activations` provides them). */
export interface ActivationLike {
  readonly name: string;
  apply(x: Tensor, options?: object): Tensor;
}

/**
 * A layer's activation: a registered name (`'relu'`), an activation plugin, a function of a
 * tensor, or `null`/`'linear'` for none. Functions cannot be saved in a model's JSON.
 */
export type ActivationSpec = string | ActivationLike | ((x: Tensor) => Tensor) | null;

/** A resolved activation: the function, and its JSON form (`undefined` when it has none). */
export interface ResolvedActivation {
  readonly fn: ((x: Tensor) => Tensor) | null;
  readonly config: string | null | undefined;
}

function isActivationLike(v: unknown): v is ActivationLike {
  return typeof v === 'object' && v !== null && typeof (v as ActivationLike).apply === 'function' && typeof (v as ActivationLike).name === 'string';
}

/** Resolves an activation spec now, so an unknown name fails when the layer is created. */
export function resolveActivation(spec: unknown, layer: string): ResolvedActivation {
  if (spec === undefined || spec === null || spec === 'linear') return { fn: null, config: null };
  if (typeof spec === 'function') return { fn: spec as (x: Tensor) => Tensor, config: undefined };
  const plugin: unknown = typeof spec === 'string' ? lookup('activation', spec) : spec;
  if (!isActivationLike(plugin)) {
    throw new ArgumentError(
      'INVALID_ARGUMENT',
      `${layer}: 'activation' must be a registered name like 'relu', an activation plugin or a function, got ${typeof spec === 'string' ? `'${spec}' (not an activation plugin)` : typeof spec}`,
    );
  }
  return { fn: (x) => plugin.apply(x), config: plugin.name };
}

/** The activation's JSON form, or an error explaining why a function cannot be saved. */
export function activationConfig(a: ResolvedActivation, layer: string): string | null {
  if (a.config === undefined) {
    throw new ArgumentError(
      'INVALID_ARGUMENT',
      `${layer}.getConfig: the activation is a plain function, which cannot be saved; register it as an activation plugin and pass its name`,
    );
  }
  return a.config;
}
