/**
 * `@tensorkit/backend-cpu`: the pure-TypeScript CPU backend. Importing this entry has no side
 * effect; register with `use(cpuBackend, cpuKernels)` or `import '@tensorkit/backend-cpu/register'`.
 *
 * @example
 * ```ts
 * import { use } from '@tensorkit/core';
 * import { cpuBackend, cpuKernels } from '@tensorkit/backend-cpu';
 * use(cpuBackend, cpuKernels);
 * ```
 *
 * @packageDocumentation
 */
export { CpuBackend, CpuData, cpuBackend, PACKAGE_NAME } from './backend';
export { defineCpuKernel, broadcastStrides, stridedCopy, type CpuKernel } from './util';
export { gemm, gemmKernel, packedBSize, createGemmScratch, setCpuThreads, getCpuThreads, type GemmScratch, type MatrixView } from './gemm';
export * from './kernels/index';
