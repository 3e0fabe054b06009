/**
 * `@tensorkit/tensor`: the `Tensor` and `Variable` types, the engine (backend selection, kernel
 * dispatch, tidy/keep/dispose, memory), the op API and a seeded counter-based RNG.
 *
 * @packageDocumentation
 */
export { Tensor, isTensor, type NestedArray } from './tensor';
export { Variable, variable, isVariable, type VariableOptions } from './variable';
export { tensor, scalar, type TensorLike, type NestedInput, type ScalarLike } from './convert';
export {
  setBackend, getBackend, ready, memory, runKernel, runKernelMulti, setKernelHook, isRecording, noGradScope, detach, alias,
  type MemoryInfo,
} from './engine';
export type { KernelHook, KernelRecord } from './engine-state';
export { tidy, keep, dispose } from './tidy';
export { setSeed } from './rng';
export * from './creation';
export * from './ops/index';
