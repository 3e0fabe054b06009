/**
 * `@tensorkit/init`: weight initializers with PyTorch's formulas, seeded by the tensor package's
 * Philox generator (the same seed gives the same weights), plus `computeFans` and
 * `calculateGain`. Each is a function (`heNormal(shape, options)`) and a plugin object
 * (`heNormalInitializer`), registered by name with `import '@tensorkit/init/register'`.
 *
 * @packageDocumentation
 */
export { computeFans, type Fans } from './fans';
export { calculateGain, type Nonlinearity } from './gain';
export { truncatedNormalMoments, type Distribution } from './distribution';
export {
  zeros, ones, constant, randomNormal, randomUniform, truncatedNormal,
  type ConstantOptions, type RandomNormalOptions, type RandomUniformOptions, type TruncatedNormalOptions,
} from './basic';
export {
  glorotUniform, glorotNormal, heUniform, heNormal, leCunUniform, leCunNormal, torchDefault, torchDefaultBias,
  xavierUniform, xavierNormal, kaimingUniform, kaimingNormal,
  type GlorotOptions, type HeOptions, type TorchDefaultBiasOptions,
} from './variance-scaling';
export { orthogonal, identity, type GainOptions } from './structured';
export { getInitializer, type InitOptions, type InitializerPlugin } from './plugin';
export * from './plugins';
