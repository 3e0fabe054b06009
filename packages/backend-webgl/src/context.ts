import { BackendError } from '@tensorkit/core';
import type { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';

/**
 * Options of the WebGL backend.
 *
 * @example
 * ```ts
 * const options: WebGLBackendOptions = { allowFloat16: true };
 * ```
 */
export interface WebGLBackendOptions {
  /**
   * Accept a device that can only render to float16 textures. Results then carry about 3
   * significant digits. Default `false`: such a device is refused with `BACKEND_INIT_FAILED`.
   * tfjs's texture flags are global, so this applies to every WebGL backend of the page.
   */
  readonly allowFloat16?: boolean;
  /** The canvas to create the context on. Default: a new `OffscreenCanvas`, else a detached `<canvas>`. */
  readonly canvas?: HTMLCanvasElement | OffscreenCanvas;
}

/** A tfjs kernel function, as tfjs-core's registry stores it. @internal */
export type TfjsKernelFunc = (args: { inputs: Record<string, unknown>; attrs: Record<string, unknown>; backend: unknown }) =>
  | { dataId: object; shape: number[]; dtype: string }
  | { dataId: object; shape: number[]; dtype: string }[];

const CONTEXT_ATTRIBUTES: WebGLContextAttributes = {
  alpha: false,
  antialias: false,
  premultipliedAlpha: false,
  preserveDrawingBuffer: false,
  depth: false,
  stencil: false,
  failIfMajorPerformanceCaveat: false,
};

function initFailed(why: string): BackendError {
  return new BackendError(
    'BACKEND_INIT_FAILED',
    `webgl backend: ${why}. Fall back to the CPU backend: import '@tensorkit/backend-cpu/register' and await setBackend('cpu')`,
  );
}

function newCanvas(): HTMLCanvasElement | OffscreenCanvas {
  if (typeof OffscreenCanvas !== 'undefined') return new OffscreenCanvas(1, 1);
  if (typeof document !== 'undefined') return document.createElement('canvas');
  throw initFailed('no canvas is available here (WebGL needs a browser, a worker with OffscreenCanvas, or a canvas passed as an option)');
}

/**
 * Creates the GL context and tfjs's backend on it. tfjs-backend-webgl is imported here, lazily,
 * so that importing this package has no side effect (tfjs registers its own kernels on import).
 * @internal
 */
export async function createContext(options: WebGLBackendOptions): Promise<{
  tfjs: MathBackendWebGL;
  gl: WebGL2RenderingContext;
  canvas: HTMLCanvasElement | OffscreenCanvas;
  precision: 'float32' | 'float16';
  tfjsKernel: (name: string) => TfjsKernelFunc;
}> {
  const canvas = options.canvas ?? newCanvas();
  const gl = canvas.getContext('webgl2', CONTEXT_ATTRIBUTES) as WebGL2RenderingContext | null;
  if (gl === null) {
    throw initFailed('WebGL2 is not available (no GPU, WebGL disabled or blocklisted, or software rendering turned off)');
  }
  const float32 = gl.getExtension('EXT_color_buffer_float') !== null;
  if (!float32 && options.allowFloat16 !== true) {
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    throw initFailed(
      'this device cannot render to float32 textures (EXT_color_buffer_float is missing), so results would silently drop to float16. ' +
        'Accept float16 explicitly with use(webglBackendPlugin({ allowFloat16: true }))',
    );
  }
  const [tf, tfgl] = await Promise.all([import('@tensorflow/tfjs-core'), import('@tensorflow/tfjs-backend-webgl')]);
  const env = tf.env();
  // Set what tfjs would otherwise probe on a context of its own (each probe can create one, and
  // Chromium keeps at most 16 per page).
  env.set('WEBGL_VERSION', 2);
  env.set('WEBGL_RENDER_FLOAT32_CAPABLE', float32);
  env.set('WEBGL_RENDER_FLOAT32_ENABLED', float32);
  env.set('WEBGL_DOWNLOAD_FLOAT_ENABLED', float32);
  // Every kernel runs on the GPU, even for tiny CPU-resident inputs (tfjs would forward those to
  // its CPU code); shapes are uniforms, so one compiled program serves every shape.
  env.set('WEBGL_CPU_FORWARD', false);
  env.set('WEBGL_USE_SHAPES_UNIFORMS', true);
  if (!float32) env.set('WEBGL_FORCE_F16_TEXTURES', true);
  const gpgpu = new tfgl.GPGPUContext(gl);
  const tfjs = new tfgl.MathBackendWebGL(gpgpu);
  const tfjsKernel = (name: string): TfjsKernelFunc => {
    const k = tf.getKernel(name, 'webgl');
    if (k === undefined) throw new BackendError('MISSING_KERNEL', `webgl backend: tfjs-backend-webgl has no kernel '${name}'`);
    return k.kernelFunc as unknown as TfjsKernelFunc;
  };
  return { tfjs, gl, canvas, precision: float32 ? 'float32' : 'float16', tfjsKernel };
}
