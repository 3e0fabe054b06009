/*
 * The initializers that do not depend on the fans: constants and the plain distributions.
 * Defaults are PyTorch's (`normal_`: N(0, 1); `uniform_`: U(0, 1); `trunc_normal_`: N(0, 1) on
 * [−2, 2]), not Keras's (0.05 stddevs).
 */
import { ArgumentError } from '@tensorkit/core';
import * as tk from '@tensorkit/tensor';
import type { Tensor } from '@tensorkit/tensor';
import type { Distribution } from './distribution';
import { numberOption, optionsOf } from './options';
import type { InitOptions } from './plugin';
import { checkShape, sampler } from './shape';

/** Options of {@link constant}. */
export interface ConstantOptions extends InitOptions {
  /** The fill value. Default 0. */
  value?: number;
}

/**
 * `constant(shape) = value` everywhere (PyTorch's `constant_`; default 0). `seed` is accepted and
 * ignored, so every initializer takes the same options.
 *
 * @example
 * ```ts
 * constant([3], { value: 0.1 }); // [0.1, 0.1, 0.1]
 * ```
 */
export function constant(shape: readonly number[], options?: ConstantOptions): Tensor {
  const o = optionsOf(options, 'constant', ['value', 'seed']);
  return tk.full(checkShape(shape, 'constant'), numberOption(o.value, 0, 'value', 'constant'));
}

/**
 * All zeros, `zeros(shape) = 0` (the usual bias initializer).
 *
 * @example
 * ```ts
 * zeros([2, 2]); // [[0, 0], [0, 0]]
 * ```
 */
export const zeros = (shape: readonly number[], options?: InitOptions): Tensor => {
  optionsOf(options, 'zeros', ['seed']);
  return tk.zeros(checkShape(shape, 'zeros'));
};

/**
 * All ones, `ones(shape) = 1` (the usual norm-scale initializer).
 *
 * @example
 * ```ts
 * ones([3]); // [1, 1, 1]
 * ```
 */
export const ones = (shape: readonly number[], options?: InitOptions): Tensor => {
  optionsOf(options, 'ones', ['seed']);
  return tk.ones(checkShape(shape, 'ones'));
};

/** Options of {@link randomNormal}. */
export interface RandomNormalOptions extends InitOptions {
  /** Default 0. */
  mean?: number;
  /** Default 1 (PyTorch's `normal_`). */
  std?: number;
}

/** Options of {@link randomUniform}: PyTorch's `uniform_(a, b)`. */
export interface RandomUniformOptions extends InitOptions {
  /** The lower bound. Default 0. */
  a?: number;
  /** The upper bound. Default 1. */
  b?: number;
}

/** Options of {@link truncatedNormal}. */
export interface TruncatedNormalOptions extends RandomNormalOptions {
  /** The lower cut-off, an absolute value (not a multiple of std). Default −2. */
  a?: number;
  /** The upper cut-off, an absolute value. Default 2. */
  b?: number;
}

const randomNormalSampler = /* @__PURE__ */ sampler<RandomNormalOptions>('randomNormal', ['mean', 'std'], (_, o): Distribution => ({
  type: 'normal',
  mean: numberOption(o.mean, 0, 'mean', 'randomNormal'),
  std: numberOption(o.std, 1, 'std', 'randomNormal', true),
}));

const randomUniformSampler = /* @__PURE__ */ sampler<RandomUniformOptions>('randomUniform', ['a', 'b'], (_, o): Distribution => {
  const low = numberOption(o.a, 0, 'a', 'randomUniform');
  const high = numberOption(o.b, 1, 'b', 'randomUniform');
  if (!(low < high)) throw new ArgumentError('INVALID_ARGUMENT', `randomUniform: need a < b, got a=${low}, b=${high}`);
  return { type: 'uniform', low, high };
});

const truncatedNormalSampler = /* @__PURE__ */ sampler<TruncatedNormalOptions>('truncatedNormal', ['mean', 'std', 'a', 'b'], (_, o): Distribution => {
  const d = {
    type: 'truncatedNormal' as const,
    mean: numberOption(o.mean, 0, 'mean', 'truncatedNormal'),
    std: numberOption(o.std, 1, 'std', 'truncatedNormal', true),
    a: numberOption(o.a, -2, 'a', 'truncatedNormal'),
    b: numberOption(o.b, 2, 'b', 'truncatedNormal'),
  };
  if (!(d.a < d.b)) throw new ArgumentError('INVALID_ARGUMENT', `truncatedNormal: need a < b, got a=${d.a}, b=${d.b}`);
  return d;
});

/**
 * Normal samples, `N(mean, std²)` (defaults 0 and 1, as PyTorch's `normal_`).
 *
 * @example
 * ```ts
 * randomNormal([128, 64], { std: 0.02, seed: 0 });
 * ```
 */
export const randomNormal = randomNormalSampler.sample;
/**
 * Uniform samples, `U(a, b)` (defaults 0 and 1, as PyTorch's `uniform_`).
 *
 * @example
 * ```ts
 * randomUniform([128, 64], { a: -0.1, b: 0.1, seed: 0 });
 * ```
 */
export const randomUniform = randomUniformSampler.sample;
/**
 * `N(mean, std²)` conditioned on `[a, b]`, PyTorch's `trunc_normal_` (defaults 0, 1, −2, 2).
 * `a` and `b` are **absolute** cut-offs, not multiples of std, so `{ std: 0.02 }` alone is
 * essentially untruncated; {@link truncatedNormalMoments} gives the resulting mean and std.
 *
 * @example
 * ```ts
 * truncatedNormal([768, 768], { std: 0.02, a: -0.04, b: 0.04, seed: 0 }); // ViT-style
 * ```
 */
export const truncatedNormal = truncatedNormalSampler.sample;

/** @internal */
export const basicDistributions = {
  randomNormal: randomNormalSampler.distribution,
  randomUniform: randomUniformSampler.distribution,
  truncatedNormal: truncatedNormalSampler.distribution,
};
