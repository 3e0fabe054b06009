/**
 * `@tensorkit/layers`: `Module` (PyTorch's `nn.Module`), `Sequential`, the layers (each a plugin
 * of kind `layer`) and training.
 *
 * @packageDocumentation
 */
export { Module, type LoadStateDictOptions, type Penalty } from './module';
export { Layer, type LayerOptions, type LayerPlugin } from './layer';
export { Sequential, ModuleList, type SequentialOptions } from './sequential';
export { layerPlugins } from './plugins';
export type { ActivationLike, ActivationSpec } from './layers/activation-spec';
export type { InitializerLike, InitializerSpec, RegularizerLike, RegularizerSpec } from './layers/initializers';
export { Dense, dense, denseLayer, type DenseOptions } from './layers/dense';
export { Flatten, flatten, flattenLayer, type FlattenOptions } from './layers/flatten';
// training, callbacks, metrics, regularizers, save/load (engineer B)
export * from './training/index';
export * from './callbacks/index';
export * from './metrics/index';
export * from './regularizers/index';
export * from './io/index';
