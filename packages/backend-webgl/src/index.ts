/**
 * `@tensorkit/backend-webgl`: the WebGL2 GPU backend, built on tfjs-backend-webgl's GPGPU
 * context, texture manager and shader compiler. Importing this entry has no side effect; register
 * with `use(webglBackend, webglKernels)` or `import '@tensorkit/backend-webgl/register'`.
 *
 * @example
 * ```ts
 * import { use } from '@tensorkit/core';
 * import { setBackend } from '@tensorkit/tensor';
 * import { webglBackend, webglKernels } from '@tensorkit/backend-webgl';
 * use(webglBackend, webglKernels);
 * await setBackend('webgl');
 * ```
 *
 * @packageDocumentation
 */
export { WebGLBackend, createWebGLBackend, webglBackend, webglBackendPlugin, PACKAGE_NAME } from './backend';
export type { WebGLBackendOptions } from './context';
export { defineWebGLKernel, type WebGLKernel } from './kernel';
export { runFlat, type FlatProgram } from './program';
export { runPacked, canPack, withPackedInputs, packedElementwise, type PackedProgram } from './packed';
export { glslFloat, coordsOf, offsetExpr, rowMajorStrides, broadcastStridesOf, coordNames, GLSL_PRELUDE } from './glsl';
export * from './kernels/index';
