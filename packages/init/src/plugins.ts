/*
 * The initializers as registry plugins. Naming scheme: the function `heNormal` is the plugin
 * `heNormalInitializer`, registered as 'heNormal' with its aliases (NAMES.md).
 */
import { CORE_VERSION } from '@tensorkit/core';
import type { Tensor } from '@tensorkit/tensor';
import {
  basicDistributions, constant, ones, randomNormal, randomUniform, truncatedNormal, zeros,
  type ConstantOptions, type RandomNormalOptions, type RandomUniformOptions, type TruncatedNormalOptions,
} from './basic';
import type { Distribution } from './distribution';
import type { InitOptions, InitializerPlugin } from './plugin';
import { identity, orthogonal, type GainOptions } from './structured';
import {
  glorotNormal, glorotUniform, heNormal, heUniform, leCunNormal, leCunUniform, torchDefault, torchDefaultBias,
  torchDefaultBiasDistribution, varianceScalingDistributions as vs, type GlorotOptions, type HeOptions, type TorchDefaultBiasOptions,
} from './variance-scaling';

const PACKAGE = '@tensorkit/init';
type Sample<O> = (shape: readonly number[], options?: O) => Tensor;
type Describe<O> = (shape: readonly number[], options?: O) => Distribution;

function plugin<O extends InitOptions>(name: string, sample: Sample<O>, distribution?: Describe<O>, aliases?: string[]): InitializerPlugin<O> {
  return {
    kind: 'initializer', name, ...(aliases ? { aliases } : {}), package: PACKAGE, coreVersion: CORE_VERSION, sample,
    ...(distribution ? { distribution } : {}),
  };
}

/**
 * The {@link torchDefault} plugin, which also draws the bias the way PyTorch's layers do.
 *
 * @example
 * ```ts
 * const w = torchDefaultInitializer.sample([784, 128], { seed: 0 });
 * const b = torchDefaultInitializer.sampleBias([128], { fanIn: 784, seed: 1 });
 * ```
 */
export interface TorchDefaultInitializer extends InitializerPlugin {
  /** The bias, `U(±1/√fanIn)` with the weight's fan-in ({@link torchDefaultBias}). */
  sampleBias(shape: readonly number[], options: TorchDefaultBiasOptions): Tensor;
  /** The distribution `sampleBias` draws from. */
  biasDistribution(shape: readonly number[], options: TorchDefaultBiasOptions): Distribution;
}

/** The {@link zeros} plugin (`'zeros'`). @example `zerosInitializer.sample([64])` */
export const zerosInitializer = /* @__PURE__ */ plugin<InitOptions>('zeros', zeros);
/** The {@link ones} plugin (`'ones'`). @example `onesInitializer.sample([64])` */
export const onesInitializer = /* @__PURE__ */ plugin<InitOptions>('ones', ones);
/** The {@link constant} plugin (`'constant'`). @example `constantInitializer.sample([64], { value: 0.1 })` */
export const constantInitializer = /* @__PURE__ */ plugin<ConstantOptions>('constant', constant);
/** The {@link randomNormal} plugin (`'randomNormal'`). @example `randomNormalInitializer.sample([8, 4], { std: 0.02 })` */
export const randomNormalInitializer = /* @__PURE__ */ plugin<RandomNormalOptions>('randomNormal', randomNormal, basicDistributions.randomNormal);
/** The {@link randomUniform} plugin (`'randomUniform'`). @example `randomUniformInitializer.sample([8, 4], { a: -1, b: 1 })` */
export const randomUniformInitializer = /* @__PURE__ */ plugin<RandomUniformOptions>('randomUniform', randomUniform, basicDistributions.randomUniform);
/** The {@link truncatedNormal} plugin (`'truncatedNormal'`). @example `truncatedNormalInitializer.sample([8, 4], { std: 0.02 })` */
export const truncatedNormalInitializer = /* @__PURE__ */ plugin<TruncatedNormalOptions>(
  'truncatedNormal', truncatedNormal, basicDistributions.truncatedNormal,
);
/** The {@link glorotUniform} plugin (`'glorotUniform'`, alias `'xavierUniform'`). @example `glorotUniformInitializer.sample([8, 4])` */
export const glorotUniformInitializer = /* @__PURE__ */ plugin<GlorotOptions>('glorotUniform', glorotUniform, vs.glorotUniform, ['xavierUniform']);
/** The {@link glorotNormal} plugin (`'glorotNormal'`, alias `'xavierNormal'`). @example `glorotNormalInitializer.sample([8, 4])` */
export const glorotNormalInitializer = /* @__PURE__ */ plugin<GlorotOptions>('glorotNormal', glorotNormal, vs.glorotNormal, ['xavierNormal']);
/** The {@link heUniform} plugin (`'heUniform'`, alias `'kaimingUniform'`). @example `heUniformInitializer.sample([8, 4], { nonlinearity: 'relu' })` */
export const heUniformInitializer = /* @__PURE__ */ plugin<HeOptions>('heUniform', heUniform, vs.heUniform, ['kaimingUniform']);
/** The {@link heNormal} plugin (`'heNormal'`, alias `'kaimingNormal'`). @example `heNormalInitializer.sample([8, 4], { mode: 'fanOut' })` */
export const heNormalInitializer = /* @__PURE__ */ plugin<HeOptions>('heNormal', heNormal, vs.heNormal, ['kaimingNormal']);
/** The {@link leCunUniform} plugin (`'leCunUniform'`). @example `leCunUniformInitializer.sample([8, 4])` */
export const leCunUniformInitializer = /* @__PURE__ */ plugin<InitOptions>('leCunUniform', leCunUniform, vs.leCunUniform);
/** The {@link leCunNormal} plugin (`'leCunNormal'`). @example `leCunNormalInitializer.sample([8, 4])` */
export const leCunNormalInitializer = /* @__PURE__ */ plugin<InitOptions>('leCunNormal', leCunNormal, vs.leCunNormal);
/** The {@link orthogonal} plugin (`'orthogonal'`). @example `orthogonalInitializer.sample([8, 4], { gain: 1 })` */
export const orthogonalInitializer = /* @__PURE__ */ plugin<GainOptions>('orthogonal', orthogonal);
/** The {@link identity} plugin (`'identity'`). @example `identityInitializer.sample([4, 4])` */
export const identityInitializer = /* @__PURE__ */ plugin<GainOptions>('identity', identity);
/** The {@link torchDefault} plugin (`'torchDefault'`), with `sampleBias`. @example `torchDefaultInitializer.sampleBias([4], { fanIn: 8 })` */
export const torchDefaultInitializer: TorchDefaultInitializer = /* @__PURE__ */ {
  ...plugin<InitOptions>('torchDefault', torchDefault, vs.torchDefault),
  sampleBias: torchDefaultBias,
  biasDistribution: torchDefaultBiasDistribution,
};

/**
 * Every initializer plugin of this package, for `use(initializerPlugins)` (what
 * `@tensorkit/init/register` does).
 *
 * @example
 * ```ts
 * import { use } from '@tensorkit/core';
 * use(initializerPlugins);
 * ```
 */
export const initializerPlugins: readonly InitializerPlugin[] = [
  zerosInitializer, onesInitializer, constantInitializer, randomNormalInitializer, randomUniformInitializer,
  truncatedNormalInitializer, glorotUniformInitializer, glorotNormalInitializer, heUniformInitializer, heNormalInitializer,
  leCunUniformInitializer, leCunNormalInitializer, orthogonalInitializer, identityInitializer, torchDefaultInitializer,
];

declare module '@tensorkit/core' {
  /** The initializers of `@tensorkit/init`, by registered name and alias. */
  interface InitializerRegistry {
    zeros: InitializerPlugin;
    ones: InitializerPlugin;
    constant: InitializerPlugin<ConstantOptions>;
    randomNormal: InitializerPlugin<RandomNormalOptions>;
    randomUniform: InitializerPlugin<RandomUniformOptions>;
    truncatedNormal: InitializerPlugin<TruncatedNormalOptions>;
    glorotUniform: InitializerPlugin<GlorotOptions>;
    xavierUniform: InitializerPlugin<GlorotOptions>;
    glorotNormal: InitializerPlugin<GlorotOptions>;
    xavierNormal: InitializerPlugin<GlorotOptions>;
    heUniform: InitializerPlugin<HeOptions>;
    kaimingUniform: InitializerPlugin<HeOptions>;
    heNormal: InitializerPlugin<HeOptions>;
    kaimingNormal: InitializerPlugin<HeOptions>;
    leCunUniform: InitializerPlugin;
    leCunNormal: InitializerPlugin;
    orthogonal: InitializerPlugin<GainOptions>;
    identity: InitializerPlugin<GainOptions>;
    torchDefault: TorchDefaultInitializer;
  }
}
