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
 * Every kernel of the CPU backend: the whole primitive set declared in `@tensorkit/core`, plus
 * the fused `AdamUpdate`.
 *
 * @example
 * ```ts
 * import { use } from '@tensorkit/core';
 * import { cpuBackend, cpuKernels } from '@tensorkit/backend-cpu';
 * use(cpuBackend, cpuKernels);
 * ```
 */
export const cpuKernels: KernelConfig[] = [
  ...unaryKernels,
  ...binaryKernels,
  castCpu,
  ...reductionKernels,
  batchMatMulCpu,
  ...transformKernels,
  ...gatherKernels,
  ...convKernels,
  ...poolKernels,
  adamUpdateCpu,
];
