/**
 * Registers the WebGL backend and all its kernels: `import '@tensorkit/backend-webgl/register'`.
 * This is the package's only module with a side effect. The backend starts asynchronously, so
 * call `await setBackend('webgl')` (or `await ready()`) before running ops.
 *
 * @example
 * ```ts
 * import '@tensorkit/backend-webgl/register';
 * import { setBackend } from '@tensorkit/tensor';
 * await setBackend('webgl');
 * ```
 *
 * @packageDocumentation
 */
import { use } from '@tensorkit/core';
import { webglBackend } from './backend';
import { webglKernels } from './kernels/index';

use(webglBackend, webglKernels);
