/*
 * The variance-scaling family: Glorot/Xavier, He/Kaiming, LeCun and PyTorch's Linear/Conv
 * default. Each is a distribution computed from the fans (DESIGN §6: PyTorch's formulas, so
 * He and LeCun normal are plain normals, not Keras's truncated ones).
 */
import { ArgumentError } from '@tensorkit/core';
import type { Tensor } from '@tensorkit/tensor';
import { sampleDistribution, type Distribution } from './distribution';
import { computeFans } from './fans';
import { calculateGain, type Nonlinearity } from './gain';
import { numberOption, optionsOf } from './options';
import type { InitOptions } from './plugin';
import { checkShape, sampler, seedOf } from './shape';

const uniform = (bound: number): Distribution => ({ type: 'uniform', low: -bound, high: bound });
const normal = (std: number): Distribution => ({ type: 'normal', mean: 0, std });

/** Options of {@link glorotUniform} and {@link glorotNormal}. */
export interface GlorotOptions extends InitOptions {
  /** A scale factor, e.g. `calculateGain('tanh')`. Default 1. */
  gain?: number;
}

/** Options of the He/Kaiming initializers. */
export interface HeOptions extends InitOptions {
  /** The negative slope of the leaky ReLU that follows (used by `nonlinearity: 'leakyRelu'`). Default 0. */
  a?: number;
  /** `'fanIn'` (default) preserves the forward pass's variance, `'fanOut'` the backward pass's. */
  mode?: 'fanIn' | 'fanOut';
  /** The nonlinearity that follows, for {@link calculateGain}. Default `'leakyRelu'` (with `a = 0`, the ReLU gain √2). */
  nonlinearity?: Nonlinearity;
}

function glorotScale(shape: readonly number[], o: Partial<GlorotOptions>, fn: string): number {
  const { fanIn, fanOut } = computeFans(shape);
  return numberOption(o.gain, 1, 'gain', fn) * Math.sqrt(2 / (fanIn + fanOut));
}

/** The He/Kaiming std `gain(nonlinearity, a) / √fan`. */
function heStd(shape: readonly number[], o: Partial<HeOptions>, fn: string): number {
  const { mode = 'fanIn', nonlinearity = 'leakyRelu' } = o;
  if (mode !== 'fanIn' && mode !== 'fanOut') {
    const hint = mode === 'fan_in' ? " (tensorkit spells it 'fanIn')" : mode === 'fan_out' ? " (tensorkit spells it 'fanOut')" : '';
    throw new ArgumentError('INVALID_ARGUMENT', `${fn}: mode must be 'fanIn' or 'fanOut', got ${JSON.stringify(mode)}${hint}`);
  }
  const a = numberOption(o.a, 0, 'a', fn);
  const fans = computeFans(shape);
  return calculateGain(nonlinearity, a) / Math.sqrt(mode === 'fanIn' ? fans.fanIn : fans.fanOut);
}

const HE_KEYS = ['a', 'mode', 'nonlinearity'];

const glorotUniformSampler = /* @__PURE__ */ sampler<GlorotOptions>('glorotUniform', ['gain'], (s, o) => uniform(Math.sqrt(3) * glorotScale(s, o, 'glorotUniform')));
const glorotNormalSampler = /* @__PURE__ */ sampler<GlorotOptions>('glorotNormal', ['gain'], (s, o) => normal(glorotScale(s, o, 'glorotNormal')));
const heUniformSampler = /* @__PURE__ */ sampler<HeOptions>('heUniform', HE_KEYS, (s, o) => uniform(Math.sqrt(3) * heStd(s, o, 'heUniform')));
const heNormalSampler = /* @__PURE__ */ sampler<HeOptions>('heNormal', HE_KEYS, (s, o) => normal(heStd(s, o, 'heNormal')));
const leCunUniformSampler = /* @__PURE__ */ sampler<InitOptions>('leCunUniform', [], (s) => uniform(Math.sqrt(3 / computeFans(s).fanIn)));
const leCunNormalSampler = /* @__PURE__ */ sampler<InitOptions>('leCunNormal', [], (s) => normal(Math.sqrt(1 / computeFans(s).fanIn)));
// PyTorch's reset_parameters: kaiming_uniform_(a=√5), i.e. U(±1/√fanIn).
const torchDefaultSampler = /* @__PURE__ */ sampler<InitOptions>('torchDefault', [], (s) => uniform(Math.sqrt(3) * heStd(s, { a: Math.sqrt(5) }, 'torchDefault')));

/**
 * Glorot/Xavier uniform: `U(−b, b)` with `b = gain·√(6 / (fanIn + fanOut))`, so the variance
 * `2·gain² / (fanIn + fanOut)` balances the forward and backward passes. Also exported as
 * `xavierUniform`.
 *
 * @example
 * ```ts
 * glorotUniform([256, 64], { seed: 0 });
 * glorotUniform([3, 3, 16, 32], { gain: calculateGain('tanh') });
 * ```
 */
export const glorotUniform = glorotUniformSampler.sample;
/**
 * Glorot/Xavier normal: `N(0, std²)` with `std = gain·√(2 / (fanIn + fanOut))`. Also exported as
 * `xavierNormal`.
 *
 * @example
 * ```ts
 * glorotNormal([256, 64], { seed: 0 });
 * ```
 */
export const glorotNormal = glorotNormalSampler.sample;
/**
 * He/Kaiming uniform: `U(−b, b)` with `b = √3·gain/√fan`, `gain = calculateGain(nonlinearity, a)`
 * and `fan` chosen by `mode` (PyTorch's `kaiming_uniform_`; defaults `a = 0`, `mode: 'fanIn'`,
 * `nonlinearity: 'leakyRelu'`, i.e. `b = √(6/fanIn)`). Also exported as `kaimingUniform`.
 *
 * @example
 * ```ts
 * heUniform([256, 64], { nonlinearity: 'relu', seed: 0 });
 * heUniform([3, 3, 16, 32], { mode: 'fanOut', nonlinearity: 'leakyRelu', a: 0.2 });
 * ```
 */
export const heUniform = heUniformSampler.sample;
/**
 * He/Kaiming normal: `N(0, std²)` with `std = gain/√fan` (PyTorch's `kaiming_normal_`, a plain
 * normal; Keras's HeNormal truncates). Also exported as `kaimingNormal`.
 *
 * @example
 * ```ts
 * heNormal([256, 64], { nonlinearity: 'relu', seed: 0 });
 * ```
 */
export const heNormal = heNormalSampler.sample;
/**
 * LeCun uniform: `U(−b, b)` with `b = √(3 / fanIn)` (He uniform with a linear gain; variance `1/fanIn`).
 *
 * @example
 * ```ts
 * leCunUniform([256, 64], { seed: 0 });
 * ```
 */
export const leCunUniform = leCunUniformSampler.sample;
/**
 * LeCun normal: `N(0, std²)` with `std = √(1 / fanIn)`, the initializer SELU networks need.
 * PyTorch has none; this is `kaimingNormal` with a linear gain (a plain normal, where Keras
 * samples a truncated normal with the same std).
 *
 * @example
 * ```ts
 * leCunNormal([256, 64], { seed: 0 });
 * ```
 */
export const leCunNormal = leCunNormalSampler.sample;
/**
 * PyTorch's default weight initialization for Linear and Conv layers (`reset_parameters()`):
 * `kaiming_uniform_(a = √5)`, which is `U(−b, b)` with `b = 1/√fanIn`. The layers use it by
 * default; the bias comes from {@link torchDefaultBias}.
 *
 * @example
 * ```ts
 * const w = torchDefault([784, 128], { seed: 0 });   // U(±1/√784)
 * const b = torchDefaultBias([128], { fanIn: 784, seed: 1 });
 * ```
 */
export const torchDefault = torchDefaultSampler.sample;

/**
 * The same function as {@link glorotUniform} (PyTorch's name).
 *
 * @example
 * ```ts
 * xavierUniform([256, 64], { gain: 1, seed: 0 });
 * ```
 */
export const xavierUniform = glorotUniform;
/**
 * The same function as {@link glorotNormal} (PyTorch's name).
 *
 * @example
 * ```ts
 * xavierNormal([256, 64], { seed: 0 });
 * ```
 */
export const xavierNormal = glorotNormal;
/**
 * The same function as {@link heUniform} (PyTorch's name).
 *
 * @example
 * ```ts
 * kaimingUniform([256, 64], { mode: 'fanIn', nonlinearity: 'relu', seed: 0 });
 * ```
 */
export const kaimingUniform = heUniform;
/**
 * The same function as {@link heNormal} (PyTorch's name).
 *
 * @example
 * ```ts
 * kaimingNormal([256, 64], { mode: 'fanOut', nonlinearity: 'relu', seed: 0 });
 * ```
 */
export const kaimingNormal = heNormal;

/** Options of {@link torchDefaultBias}. */
export interface TorchDefaultBiasOptions extends InitOptions {
  /** The fan-in of the layer's weight (`computeFans(weightShape).fanIn`). */
  fanIn: number;
}

/** The bias distribution of PyTorch's layers: U(±1/√fanIn), or 0 for fanIn 0. */
export function torchDefaultBiasDistribution(shape: readonly number[], options: TorchDefaultBiasOptions): Distribution {
  checkShape(shape, 'torchDefaultBias');
  const o = optionsOf(options, 'torchDefaultBias', ['fanIn', 'seed']);
  if (typeof o.fanIn !== 'number' || !Number.isInteger(o.fanIn) || o.fanIn < 0) {
    throw new ArgumentError(
      'INVALID_ARGUMENT',
      `torchDefaultBias: fanIn must be the non-negative integer fan-in of the weight, got ${String(o.fanIn)}; pass { fanIn: computeFans(weightShape).fanIn }`,
    );
  }
  return uniform(o.fanIn > 0 ? 1 / Math.sqrt(o.fanIn) : 0);
}

/**
 * The bias of PyTorch's Linear and Conv layers: `U(−b, b)` with `b = 1/√fanIn`, where `fanIn`
 * is the **weight's** fan-in (a bias has no fans of its own).
 *
 * @example
 * ```ts
 * torchDefaultBias([64], { fanIn: computeFans([256, 64]).fanIn, seed: 0 }); // U(±1/16)
 * ```
 */
export function torchDefaultBias(shape: readonly number[], options: TorchDefaultBiasOptions): Tensor {
  const d = torchDefaultBiasDistribution(shape, options);
  return sampleDistribution(d, shape, seedOf(options.seed, 'torchDefaultBias'));
}

/** The distribution functions of the family, for the plugins. @internal */
export const varianceScalingDistributions = {
  glorotUniform: glorotUniformSampler.distribution,
  glorotNormal: glorotNormalSampler.distribution,
  heUniform: heUniformSampler.distribution,
  heNormal: heNormalSampler.distribution,
  leCunUniform: leCunUniformSampler.distribution,
  leCunNormal: leCunNormalSampler.distribution,
  torchDefault: torchDefaultSampler.distribution,
};
