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
export { layerToJSON, layerFromJSON, type LayerJSON } from './layers/serialize';
export type { KernelOptions } from './layers/weights';
export { Dense, dense, denseLayer, type DenseOptions } from './layers/dense';
export { Flatten, flatten, flattenLayer, type FlattenOptions } from './layers/flatten';
export { Reshape, reshape, reshapeLayer, type ReshapeOptions } from './layers/reshape';
export { ConvLayer, type ConvOptions, type ConvPadding, type ConvKind } from './layers/conv-base';
export { Conv1D, conv1d, conv1dLayer, type Conv1DLayerOptions } from './layers/conv1d';
export { Conv2D, conv2d, conv2dLayer, type Conv2DLayerOptions } from './layers/conv2d';
export { Conv2DTranspose, conv2dTranspose, conv2dTransposeLayer, type Conv2DTransposeLayerOptions } from './layers/conv2d-transpose';
export { PoolLayer, type PoolOptions, type Window } from './layers/pool-base';
export { MaxPool2D, maxPool2d, maxPool2dLayer, type MaxPool2DLayerOptions } from './layers/max-pool2d';
export { AvgPool2D, avgPool2d, avgPool2dLayer, type AvgPool2DLayerOptions } from './layers/avg-pool2d';
export { GlobalAvgPool2D, globalAvgPool2d, globalAvgPool2dLayer, type GlobalAvgPool2DOptions } from './layers/global-avg-pool2d';
export { Dropout, dropout, dropoutLayer, type DropoutOptions } from './layers/dropout';
export { BatchNorm, batchNorm, batchNormLayer, type BatchNormOptions } from './layers/batch-norm';
export { LayerNorm, layerNorm, layerNormLayer, type LayerNormOptions } from './layers/layer-norm';
export { Embedding, embedding, embeddingLayer, type EmbeddingOptions } from './layers/embedding';
export { Activation, activation, activationLayer, type ActivationOptions } from './layers/activation';
export { PReLU, prelu, preluLayer, type PReLUOptions } from './layers/prelu';
export { RecurrentCell, type RecurrentCellOptions } from './layers/recurrent-cell';
export { LSTMCell, lstmCell, lstmCellLayer, type LSTMCellOptions } from './layers/lstm-cell';
export { GRUCell, gruCell, gruCellLayer, type GRUCellOptions } from './layers/gru-cell';
export { Recurrent, type RecurrentOptions } from './layers/recurrent';
export { LSTM, lstm, lstmLayer, type LSTMOptions } from './layers/lstm';
export { GRU, gru, gruLayer, type GRUOptions } from './layers/gru';
export { Add, add, addLayer, type AddOptions } from './layers/add';
export { Residual, residual, residualLayer, type ResidualOptions } from './layers/residual';
// training, callbacks, metrics, regularizers, save/load (engineer B)
export * from './training/index';
export * from './callbacks/index';
export * from './metrics/index';
export * from './regularizers/index';
export * from './io/index';
