import { ArgumentError, ShapeError } from '@tensorkit/core';
import * as tk from '@tensorkit/tensor';
import type { Tensor } from '@tensorkit/tensor';
import { sampleDistribution, type Distribution } from './distribution';
import { optionsOf } from './options';
import type { InitOptions } from './plugin';

/** `shape` checked to be an array of non-negative integers. */
export function checkShape(shape: readonly number[], fn: string): readonly number[] {
  if (!Array.isArray(shape) || shape.some((d) => !Number.isInteger(d) || d < 0)) {
    throw new ShapeError('INVALID_SHAPE', `${fn}: shape must be an array of non-negative integers, got ${JSON.stringify(shape)}`);
  }
  return shape;
}

/** The `seed` option checked (the tensor package's Philox key takes non-negative safe integers). */
export function seedOf(seed: unknown, fn: string): number | undefined {
  if (seed === undefined) return undefined;
  if (typeof seed !== 'number' || !Number.isSafeInteger(seed) || seed < 0) {
    throw new ArgumentError('INVALID_ARGUMENT', `${fn}: seed must be a non-negative safe integer, got ${String(seed)}`);
  }
  return seed;
}

/**
 * A random initializer from its distribution: checks the shape and options, then draws. A
 * zero-size shape gives an empty tensor without computing fans, as PyTorch's no-op does.
 */
export function sampler<O extends InitOptions>(
  fn: string,
  known: readonly string[],
  distribution: (shape: readonly number[], options: Partial<O>) => Distribution,
): { sample: (shape: readonly number[], options?: O) => Tensor; distribution: (shape: readonly number[], options?: O) => Distribution } {
  const keys = [...known, 'seed'];
  return {
    distribution: (shape, options) => distribution(checkShape(shape, fn), optionsOf(options, fn, keys)),
    sample: (shape, options) => {
      const o = optionsOf(options, fn, keys);
      const seed = seedOf(o.seed, fn);
      checkShape(shape, fn);
      const d = distribution(shape, o);
      return shape.includes(0) ? tk.zeros(shape) : sampleDistribution(d, shape, seed);
    },
  };
}
