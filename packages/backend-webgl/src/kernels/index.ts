import type { KernelConfig } from '@tensorkit/core';
import { adamUpdateWebGL } from './adam-update';
import { binaryWebGLKernels } from './binary';
import { convWebGLKernels } from './conv';
import { gatherWebGLKernels } from './gather';
import { batchMatMulWebGL } from './matmul';
import { poolWebGLKernels } from './pool';
import { reductionWebGLKernels } from './reduce';
import { transformWebGLKernels } from './transforms';
import { unaryWebGLKernels } from './unary';

export * from './adam-update';
export * from './binary';
export * from './conv';
export * from './gather';
export * from './matmul';
export * from './pool';
export * from './reduce';
export * from './transforms';
export * from './unary';

/**
 * Every kernel of the WebGL backend: the whole primitive set declared in `@tensorkit/core`, plus
 * the optional fused `AdamUpdate`.
 *
 * @example
 * ```ts
 * import { use } from '@tensorkit/core';
 * import { webglBackend, webglKernels } from '@tensorkit/backend-webgl';
 * use(webglBackend, webglKernels);
 * ```
 */
export const webglKernels: KernelConfig[] = [
  ...unaryWebGLKernels,
  ...binaryWebGLKernels,
  ...reductionWebGLKernels,
  batchMatMulWebGL,
  ...transformWebGLKernels,
  ...gatherWebGLKernels,
  ...convWebGLKernels,
  ...poolWebGLKernels,
  adamUpdateWebGL,
];
