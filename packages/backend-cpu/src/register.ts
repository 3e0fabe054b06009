/**
 * Registers the CPU backend and all its kernels: `import '@tensorkit/backend-cpu/register'`.
 * This is the package's only module with a side effect.
 *
 * @example
 * ```ts
 * import '@tensorkit/backend-cpu/register';
 * ```
 *
 * @packageDocumentation
 */
import { use } from '@tensorkit/core';
import { cpuBackend } from './backend';
import { cpuKernels } from './kernels/index';

use(cpuBackend, cpuKernels);
