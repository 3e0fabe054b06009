import type { KernelConfig } from '@tensorkit/core';
import { adamUpdateCpu } from './adam-update';
import { binaryKernels } from './binary';
import { castCpu } from './cast';
import { convKernels } from './conv';
import { gatherKernels } from './gather';
import { batchMatMulCpu } from './matmul';
import { poolKernels } from './pool';
import { reductionKernels } from './reduce';
import { transformKernels } from './transforms';
import { unaryKernels } from './unary';

export * from './adam-update';
export * from './binary';
export * from './cast';
export * from './conv';
export * from './gather';
export * from './matmul';
export * from './pool';
export * from './reduce';
export * from './transforms';
export * from './unary';

/**
 * Every kernel of the CPU backend except convolution and pooling ({@link convKernels},
 * {@link poolKernels}): all that dense, recurrent and attention models run, plus the fused
 * `AdamUpdate`. An app that never convolves or pools registers this instead of
 * {@link cpuKernels}, and its bundle leaves out those kernels (about 8 KB minified).
 *
 * @example
 * ```ts
 * import { use } from '@tensorkit/core';
 * import { cpuBackend, cpuBaseKernels } from '@tensorkit/backend-cpu';
 * use(cpuBackend, cpuBaseKernels); // conv2d or maxPool2d would now throw MISSING_KERNEL
 * ```
 */
// concat, not spreads: bundlers can drop a PURE call, never an array spread.
export const cpuBaseKernels: KernelConfig[] = /* @__PURE__ */ ([] as KernelConfig[]).concat(
  unaryKernels,
  binaryKernels,
  castCpu,
  reductionKernels,
  batchMatMulCpu,
  transformKernels,
  gatherKernels,
  adamUpdateCpu,
);

/**
 * Every kernel of the CPU backend: the whole primitive set declared in `@tensorkit/core`, plus
 * the fused `AdamUpdate` ({@link cpuBaseKernels} with {@link convKernels} and {@link poolKernels}).
 *
 * @example
 * ```ts
 * import { use } from '@tensorkit/core';
 * import { cpuBackend, cpuKernels } from '@tensorkit/backend-cpu';
 * use(cpuBackend, cpuKernels);
 * ```
 */
export const cpuKernels: KernelConfig[] = /* @__PURE__ */ cpuBaseKernels.concat(convKernels, poolKernels);
