import {
  BackendError,
  CORE_VERSION,
  type Backend,
  type BackendMemory,
  type BackendPlugin,
  type BackendValues,
  type DataId,
  type DType,
  type TensorInfo,
} from '@tensorkit/core';
import type { GPGPUProgram, MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import { createContext, type TfjsKernelFunc, type WebGLBackendOptions } from './context';

/**
 * The npm package name, stamped on every plugin this package exports.
 *
 * @example
 * ```ts
 * webglBackend.package === PACKAGE_NAME; // true
 * ```
 */
export const PACKAGE_NAME = '@tensorkit/backend-webgl';

const FALLBACK = "Fall back to the CPU backend: import '@tensorkit/backend-cpu/register' and await setBackend('cpu')";

/**
 * The WebGL2 backend. Data lives in GPU textures managed by tfjs-backend-webgl's
 * `MathBackendWebGL`; a tensorkit data handle is the tfjs data id. Kernels are shader programs
 * run through that backend (`runProgram`), so results stay on the GPU until `read`.
 *
 * @example
 * ```ts
 * const backend = await createWebGLBackend();
 * const id = backend.write(new Float32Array([1, 2, 3]), [3], 'float32');
 * await backend.read(id); // Float32Array [1, 2, 3]
 * backend.dispose(id);
 * ```
 */
export class WebGLBackend implements Backend {
  /** Always `'webgl'`. */
  readonly name = 'webgl';
  /** The tfjs backend that owns the textures, the shader cache and the GL context. */
  readonly tfjs: MathBackendWebGL;
  /** The WebGL2 context. */
  readonly gl: WebGL2RenderingContext;
  /** The precision of render targets: float32, or float16 when the user allowed it. */
  readonly precision: 'float32' | 'float16';
  private readonly tfjsKernel: (name: string) => TfjsKernelFunc;
  private lost = false;
  private destroyed = false;
  private warnedSync = false;

  /** Use {@link createWebGLBackend}; this constructor only wires parts it creates. @internal */
  constructor(parts: {
    tfjs: MathBackendWebGL;
    gl: WebGL2RenderingContext;
    canvas: HTMLCanvasElement | OffscreenCanvas;
    precision: 'float32' | 'float16';
    tfjsKernel: (name: string) => TfjsKernelFunc;
  }) {
    this.tfjs = parts.tfjs;
    this.gl = parts.gl;
    this.precision = parts.precision;
    this.tfjsKernel = parts.tfjsKernel;
    parts.canvas.addEventListener('webglcontextlost', (e) => {
      e.preventDefault();
      this.lost = true;
    });
  }

  /**
   * Throws a `BackendError` if the context was lost (`CONTEXT_LOST`) or the backend destroyed
   * (`INVALID_STATE`): nothing computed on a lost context can be trusted, so no kernel runs and no
   * data is read.
   *
   * @example
   * ```ts
   * backend.assertUsable('read');
   * ```
   */
  assertUsable(op: string): void {
    if (this.destroyed) {
      throw new BackendError('INVALID_STATE', `webgl backend: ${op} after the backend was destroyed. Create a new one with await setBackend('webgl')`);
    }
    if (this.lost || this.gl.isContextLost()) {
      this.lost = true;
      throw new BackendError(
        'CONTEXT_LOST',
        `webgl backend: ${op} failed because the WebGL context was lost (GPU reset, driver crash or too many contexts in the page); ` +
          `every tensor on it is gone. ${FALLBACK}, or reload the page to get a new context`,
      );
    }
  }

  /** True once the GL context has been lost. */
  get isContextLost(): boolean {
    return this.lost || this.gl.isContextLost();
  }

  /** Stores `values` (uploaded to a texture on first use) and returns its handle. */
  write(values: BackendValues, shape: readonly number[], dtype: DType): DataId {
    this.assertUsable('write');
    return this.tfjs.write(values, [...shape], dtype);
  }

  /**
   * A new tensor from host values, as a `TensorInfo`: how kernels create constant inputs.
   *
   * @example
   * ```ts
   * const t = backend.makeOutput(new Float32Array(4), [2, 2], 'float32');
   * ```
   */
  makeOutput(values: BackendValues, shape: readonly number[], dtype: DType): TensorInfo {
    return { dataId: this.write(values, shape, dtype), shape, dtype };
  }

  /** Downloads the data without blocking the page (a fence, then an async buffer read). */
  async read(dataId: DataId): Promise<BackendValues> {
    this.assertUsable('read');
    const values = (await this.tfjs.read(dataId)) as BackendValues;
    this.assertUsable('read');
    return values;
  }

  /** Downloads the data synchronously, stalling until the GPU is done; warns once. */
  readSync(dataId: DataId): BackendValues {
    this.assertUsable('readSync');
    if (!this.warnedSync) {
      this.warnedSync = true;
      console.warn(
        'tensorkit webgl backend: dataSync()/arraySync() blocks the page until the GPU has finished every queued kernel; ' +
          'use await tensor.data() instead (this warning is shown once)',
      );
    }
    const values = this.tfjs.readSync(dataId) as BackendValues;
    this.assertUsable('readSync');
    return values;
  }

  /** Frees the data's texture (returned to tfjs's texture pool). Disposing twice is a no-op. */
  dispose(dataId: DataId): void {
    if (this.destroyed) return;
    this.tfjs.disposeData(dataId);
  }

  /**
   * Data blocks held, plus GPU figures: `numTextures` (textures in use), `numBytesInGPU`,
   * `numFreeTextures` and `numBytesInGPUFree` (pooled for reuse), `numBytesInGPUAllocated`.
   */
  memory(): BackendMemory {
    const m = this.tfjs.memory() as { numBytesInGPU: number; numBytesInGPUAllocated: number; numBytesInGPUFree: number };
    const textures = this.tfjs.getTextureManager();
    return {
      numDataIds: this.tfjs.numDataIds(),
      numBytes: m.numBytesInGPU,
      numTextures: textures.getNumUsedTextures(),
      numFreeTextures: textures.getNumFreeTextures(),
      numBytesInGPU: m.numBytesInGPU,
      numBytesInGPUAllocated: m.numBytesInGPUAllocated,
      numBytesInGPUFree: m.numBytesInGPUFree,
    };
  }

  /** Frees every texture and program and releases the GL context. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.tfjs.dispose();
    this.tfjs.gpgpu.dispose();
    this.gl.getExtension('WEBGL_lose_context')?.loseContext();
  }

  /**
   * Runs a shader program on the given inputs; the output keeps the program's `outputShape`.
   * `uniforms` are the values of `program.customUniforms`, in order (values that change from
   * call to call belong there: baked into the source, each value would compile a new shader).
   *
   * @example
   * ```ts
   * const out = backend.runProgram({ variableNames: ['x0'], outputShape: [4], userCode }, [x], 'float32');
   * ```
   */
  runProgram(program: GPGPUProgram, inputs: readonly TensorInfo[], dtype: DType, uniforms?: readonly number[][]): TensorInfo {
    const info = this.tfjs.runWebGLProgram(program, inputs.map(tfjsInfo), dtype, uniforms as number[][] | undefined);
    return { dataId: info.dataId, shape: info.shape, dtype };
  }

  /**
   * Runs one of tfjs-backend-webgl's kernels (e.g. `'BatchMatMul'`) on our data.
   *
   * @example
   * ```ts
   * const c = backend.runTfjsKernel('BatchMatMul', { a, b }, { transposeA: false, transposeB: false });
   * ```
   */
  runTfjsKernel(name: string, inputs: Record<string, TensorInfo>, attrs: Record<string, unknown>): TensorInfo {
    const named = Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, tfjsInfo(v)]));
    const out = this.tfjsKernel(name)({ inputs: named, attrs, backend: this.tfjs });
    const info = Array.isArray(out) ? out[0]! : out;
    return { dataId: info.dataId, shape: info.shape, dtype: info.dtype as DType };
  }

  /**
   * Frees a temporary a kernel created (not one the engine owns).
   *
   * @example
   * ```ts
   * backend.disposeTemp(tmp);
   * ```
   */
  disposeTemp(info: TensorInfo): void {
    this.tfjs.disposeIntermediateTensorInfo(tfjsInfo(info));
  }
}

/** A tfjs TensorInfo view (mutable copy of the shape, as tfjs expects). */
function tfjsInfo(info: TensorInfo): { dataId: DataId; shape: number[]; dtype: DType } {
  return { dataId: info.dataId, shape: [...info.shape], dtype: info.dtype };
}

/**
 * Creates a WebGL2 backend on a new (or the given) canvas. Fails with `BackendError`
 * `BACKEND_INIT_FAILED` when WebGL2 is unavailable, or when the device cannot render to float32
 * textures and `allowFloat16` is not set (results would silently lose precision).
 *
 * @example
 * ```ts
 * const backend = await createWebGLBackend({ allowFloat16: false });
 * backend.precision; // 'float32'
 * ```
 */
export async function createWebGLBackend(options: WebGLBackendOptions = {}): Promise<WebGLBackend> {
  try {
    return new WebGLBackend(await createContext(options));
  } catch (e) {
    if (e instanceof BackendError) throw e;
    const why = e instanceof Error ? e.message : String(e);
    throw new BackendError('BACKEND_INIT_FAILED', `webgl backend: could not start WebGL2 (${why}). ${FALLBACK}`);
  }
}

/**
 * A WebGL backend plugin with options, e.g. to accept float16 render targets explicitly.
 *
 * @example
 * ```ts
 * import { use } from '@tensorkit/core';
 * use(webglBackendPlugin({ allowFloat16: true }), webglKernels);
 * ```
 */
export function webglBackendPlugin(options: WebGLBackendOptions = {}): BackendPlugin {
  return {
    kind: 'backend',
    name: 'webgl',
    priority: 2,
    package: PACKAGE_NAME,
    coreVersion: CORE_VERSION,
    create: () => createWebGLBackend(options),
  };
}

/**
 * The WebGL backend plugin (float32 only). `create` is asynchronous: call
 * `await setBackend('webgl')` (or `await ready()`) before running ops.
 *
 * @example
 * ```ts
 * import { use } from '@tensorkit/core';
 * import { setBackend } from '@tensorkit/tensor';
 * import { webglBackend, webglKernels } from '@tensorkit/backend-webgl';
 * use(webglBackend, webglKernels);
 * await setBackend('webgl');
 * ```
 */
export const webglBackend: BackendPlugin = webglBackendPlugin();

declare module '@tensorkit/core' {
  interface BackendRegistry {
    webgl: BackendPlugin;
  }
}
