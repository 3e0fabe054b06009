export { compile, type Compiled } from './compile';
export { fit, type FitOptions } from './fit';
export { evaluate, predict, type BatchOptions } from './evaluate';
export type { CompileConfig, LossFunction, LossPluginLike, OptimizerLike, OptimizerPluginLike } from './types';
export { trainOnBatch } from './train-on-batch';
