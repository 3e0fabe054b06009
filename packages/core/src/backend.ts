import type { BackendValues, DType } from './dtype';

/**
 * An opaque handle to a block of data owned by a backend. Backends create it; the engine only
 * passes it back. It is an object so that a backend may key a `WeakMap` on it.
 *
 * @example
 * ```ts
 * const id: DataId = backend.write(new Float32Array([1, 2]), [2], 'float32');
 * ```
 */
export type DataId = object;

/**
 * What a backend sees of a tensor: its data handle, shape and dtype. Backends never see the
 * `Tensor` class, so they depend on `@tensorkit/core` only.
 *
 * @example
 * ```ts
 * const info: TensorInfo = { dataId, shape: [2, 3], dtype: 'float32' };
 * ```
 */
export interface TensorInfo {
  readonly dataId: DataId;
  readonly shape: readonly number[];
  readonly dtype: DType;
}

/**
 * Memory as a backend reports it.
 *
 * @example
 * ```ts
 * const { numDataIds, numBytes } = backend.memory();
 * ```
 */
export interface BackendMemory {
  /** Data blocks the backend holds. */
  numDataIds: number;
  /** Bytes those blocks take on the backend's device. */
  numBytes: number;
  /** True when the backend cannot count exactly (e.g. garbage-collected storage). */
  unreliable?: boolean;
  /** Backend-specific figures, such as GPU textures. */
  [extra: string]: unknown;
}

/**
 * A compute backend. Kernels are registered separately (kind `kernel`) and receive the backend
 * instance, so a backend is mostly storage plus whatever state its kernels share.
 *
 * @example
 * ```ts
 * const id = backend.write(new Float32Array([1, 2, 3]), [3], 'float32');
 * const values = await backend.read(id);
 * backend.dispose(id);
 * ```
 */
export interface Backend {
  /** The registry name of the backend, e.g. `'cpu'`. */
  readonly name: string;
  /**
   * Stores `values` and returns its handle. The backend takes ownership of `values`: the caller
   * must not mutate the array afterwards (the CPU backend keeps it without copying).
   */
  write(values: BackendValues, shape: readonly number[], dtype: DType): DataId;
  /** Reads the data back without blocking. */
  read(dataId: DataId): Promise<BackendValues>;
  /** Reads the data back synchronously (GPU backends stall and may warn). */
  readSync(dataId: DataId): BackendValues;
  /** Frees the data. Disposing twice is a no-op. */
  dispose(dataId: DataId): void;
  /** Memory the backend holds. */
  memory(): BackendMemory;
  /** Frees every resource; the backend is unusable afterwards. */
  destroy?(): void;
}

/**
 * A backend plugin: registered under kind `backend`, it creates the backend on demand.
 * `priority` picks the default backend when several are registered (highest wins).
 *
 * @example
 * ```ts
 * const myBackend: BackendPlugin = { kind: 'backend', name: 'mine', priority: 1, create: () => new MyBackend() };
 * use(myBackend);
 * ```
 */
export interface BackendPlugin {
  readonly kind: 'backend';
  readonly name: string;
  readonly priority: number;
  readonly package?: string;
  readonly coreVersion?: string;
  readonly aliases?: readonly string[];
  /** Creates the backend. A synchronous result lets the engine start it on first use. */
  create(): Backend | Promise<Backend>;
}
