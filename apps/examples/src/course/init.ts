/*
 * Initializers with fixed options, as the `{ name, sample }` objects layers accept
 * (e.g. "normal with std 0.5"): the registered initializers take their options per call.
 */
import type { InitializerLike } from '@tensorkit/layers';
import type { Tensor } from '@tensorkit/tensor';

/** An initializer `sample(shape, { seed })` calling `draw(shape, seed)`. */
export function initializer(name: string, draw: (shape: readonly number[], seed: number | undefined) => Tensor): InitializerLike {
  return { name, sample: (shape, options) => draw(shape, options?.seed) };
}

/** `{ seed }` when a seed is given, `{}` otherwise (exactOptionalPropertyTypes). */
export function seeded(seed: number | undefined): { seed?: number } {
  return seed === undefined ? {} : { seed };
}
