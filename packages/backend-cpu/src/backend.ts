import {
  ArgumentError,
  CORE_VERSION,
  StateError,
  bytesPerElement,
  type Backend,
  type BackendMemory,
  type BackendPlugin,
  type BackendValues,
  type DataId,
  type DType,
  type TensorInfo,
} from '@tensorkit/core';

/**
 * The npm package name, stamped on every plugin this package exports.
 *
 * @example
 * ```ts
 * cpuBackend.package === PACKAGE_NAME; // true
 * ```
 */
export const PACKAGE_NAME = '@tensorkit/backend-cpu';

/**
 * The CPU backend's data handle: the typed array itself, with its shape and dtype. No map keeps
 * it alive, so a tensor the program forgets is reclaimed by the garbage collector.
 *
 * @example
 * ```ts
 * const id = new CpuBackend().write(new Float32Array([1, 2]), [2], 'float32') as CpuData;
 * id.values; // Float32Array [1, 2]
 * ```
 */
export class CpuData {
  /** The flat values; `undefined` once disposed. */
  values: BackendValues | undefined;
  /** The shape the data was written with. */
  readonly shape: readonly number[];
  /** The element type. */
  readonly dtype: DType;

  constructor(values: BackendValues, shape: readonly number[], dtype: DType) {
    this.values = values;
    this.shape = shape;
    this.dtype = dtype;
  }
}

/**
 * The pure-TypeScript CPU backend. Storage is garbage-collected: the data handle holds the typed
 * array, `write` takes ownership of it without copying and `dispose` drops the reference.
 *
 * @example
 * ```ts
 * const backend = new CpuBackend();
 * const id = backend.write(new Float32Array([1, 2, 3]), [3], 'float32');
 * backend.readSync(id); // Float32Array [1, 2, 3]
 * backend.dispose(id);
 * ```
 */
export class CpuBackend implements Backend {
  /** Always `'cpu'`. */
  readonly name = 'cpu';
  private numDataIds = 0;
  private numBytes = 0;

  /** Stores `values` (without copying) and returns its handle. */
  write(values: BackendValues, shape: readonly number[], dtype: DType): DataId {
    this.numDataIds++;
    this.numBytes += values.length * bytesPerElement(dtype);
    return new CpuData(values, shape, dtype);
  }

  /**
   * Stores `values` as a new tensor and returns its `TensorInfo`: the cheap way for kernels to
   * create outputs.
   *
   * @example
   * ```ts
   * const out = backend.makeOutput(new Float32Array(4), [2, 2], 'float32');
   * ```
   */
  makeOutput(values: BackendValues, shape: readonly number[], dtype: DType): TensorInfo {
    return { dataId: this.write(values, shape, dtype), shape, dtype };
  }

  /**
   * The values behind a `TensorInfo` (or a data handle), without copying. Kernels must not
   * mutate them.
   *
   * @example
   * ```ts
   * const xs = backend.values(x) as Float32Array;
   * ```
   */
  values(info: TensorInfo | DataId): BackendValues {
    const id = (info as Partial<TensorInfo>).dataId ?? info;
    if (!(id instanceof CpuData)) {
      throw new ArgumentError('INVALID_ARGUMENT', 'cpu backend: got a data handle that was not created by the cpu backend');
    }
    if (id.values === undefined) {
      throw new StateError('DISPOSED', `cpu backend: the data of a ${id.dtype} tensor of shape [${id.shape.join(',')}] was disposed`);
    }
    return id.values;
  }

  /** Returns the stored array (the same object, not a copy). */
  readSync(dataId: DataId): BackendValues {
    return this.values(dataId);
  }

  /** Returns the stored array in a resolved promise. */
  read(dataId: DataId): Promise<BackendValues> {
    try {
      return Promise.resolve(this.values(dataId));
    } catch (e) {
      return Promise.reject(e as Error);
    }
  }

  /** Drops the reference to the data. Disposing twice is a no-op. */
  dispose(dataId: DataId): void {
    if (!(dataId instanceof CpuData) || dataId.values === undefined) return;
    this.numDataIds--;
    this.numBytes -= dataId.values.length * bytesPerElement(dataId.dtype);
    dataId.values = undefined;
  }

  /** Data blocks written and not yet disposed, and their bytes. */
  memory(): BackendMemory {
    return { numDataIds: this.numDataIds, numBytes: this.numBytes };
  }

  /** Resets the counters; data already handed out stays readable until collected. */
  destroy(): void {
    this.numDataIds = 0;
    this.numBytes = 0;
  }
}

/**
 * The CPU backend plugin. `create` is synchronous, so the engine can start it on first use.
 *
 * @example
 * ```ts
 * import { use } from '@tensorkit/core';
 * import { cpuBackend, cpuKernels } from '@tensorkit/backend-cpu';
 * use(cpuBackend, cpuKernels);
 * ```
 */
export const cpuBackend: BackendPlugin = {
  kind: 'backend',
  name: 'cpu',
  priority: 1,
  package: PACKAGE_NAME,
  coreVersion: CORE_VERSION,
  create: () => new CpuBackend(),
};

declare module '@tensorkit/core' {
  interface BackendRegistry {
    cpu: BackendPlugin;
  }
}
