import {
  BackendError, RegistryError, StateError, bytesPerElement, formatShape, getKernel, list, lookup, sizeFromShape,
  type Backend, type BackendValues, type DType, type KernelAttrMap, type KernelName, type TensorInfo, type BackendPlugin,
} from '@tensorkit/core';
import type { DataRecord } from './data-record';
import { engineState, releaseRecord, type EngineState, type KernelHook } from './engine-state';
import { Tensor } from './tensor';

function isPromise<T>(x: unknown): x is Promise<T> {
  return typeof (x as { then?: unknown } | null)?.then === 'function';
}

function initFailed(name: string, cause: unknown): BackendError {
  const why = cause instanceof Error ? cause.message : String(cause);
  // A backend's own message may already say how to fall back; say it once.
  const hint = why.includes("setBackend('cpu')") ? '' : ". Fall back to the CPU backend with await setBackend('cpu')";
  return new BackendError('BACKEND_INIT_FAILED', `setBackend: backend '${name}' failed to start: ${why}${hint}`);
}

function activate(state: EngineState, name: string, backend: Backend): Backend {
  state.instances.set(name, backend);
  state.activeName = name;
  state.active = backend;
  return backend;
}

function createBackend(state: EngineState, plugin: BackendPlugin): Backend | Promise<Backend> {
  const existing = state.instances.get(plugin.name);
  if (existing) return existing;
  const inFlight = state.pending.get(plugin.name);
  if (inFlight) return inFlight;
  let created: Backend | Promise<Backend>;
  try {
    created = plugin.create();
  } catch (e) {
    throw initFailed(plugin.name, e);
  }
  if (!isPromise<Backend>(created)) {
    state.instances.set(plugin.name, created);
    return created;
  }
  const pending = created.then(
    (b) => {
      state.pending.delete(plugin.name);
      state.instances.set(plugin.name, b);
      return b;
    },
    (e: unknown) => {
      state.pending.delete(plugin.name);
      throw initFailed(plugin.name, e);
    },
  );
  state.pending.set(plugin.name, pending);
  return pending;
}

/**
 * Makes the backend registered as `name` the active one, creating it if needed.
 *
 * @example
 * ```ts
 * import '@tensorkit/backend-cpu/register';
 * await setBackend('cpu');
 * ```
 */
export async function setBackend(name: string): Promise<void> {
  const state = engineState();
  const plugin = lookup('backend', name);
  const backend = await createBackend(state, plugin);
  activate(state, plugin.name, backend);
}

function defaultPlugin(): BackendPlugin {
  const names = list('backend');
  if (names.length === 0) {
    throw new BackendError(
      'NO_BACKEND',
      "no backend is registered; import '@tensorkit/backend-cpu/register' (or use(cpuBackend, cpuKernels)) before running ops",
    );
  }
  return names.map((n) => lookup('backend', n)).sort((a, b) => b.priority - a.priority)[0]!;
}

/** The active backend, starting the highest-priority one on first use. @internal */
export function activeBackend(): Backend {
  const state = engineState();
  if (state.active) return state.active;
  const plugin = defaultPlugin();
  const created = createBackend(state, plugin);
  if (isPromise(created)) {
    throw new BackendError(
      'NO_BACKEND',
      `backend '${plugin.name}' starts asynchronously; call await setBackend('${plugin.name}') or await ready() before running ops`,
    );
  }
  return activate(state, plugin.name, created);
}

/**
 * The name of the active backend, starting the default one if none is active yet.
 *
 * @example
 * ```ts
 * getBackend(); // 'cpu'
 * ```
 */
export function getBackend(): string {
  activeBackend();
  return engineState().activeName!;
}

/**
 * Resolves once the active (or default) backend has started. Needed for backends that start
 * asynchronously, such as WebGL.
 *
 * @example
 * ```ts
 * await ready();
 * ```
 */
export async function ready(): Promise<void> {
  const state = engineState();
  if (state.active) return;
  const plugin = defaultPlugin();
  activate(state, plugin.name, await createBackend(state, plugin));
}

/**
 * Memory held by tensors. `numTensors` counts live `Tensor` objects (shared data counts once in
 * `numDataBuffers` and `numBytes`); `backend` is what the active backend reports.
 *
 * @example
 * ```ts
 * const before = memory().numTensors;
 * tidy(() => matMul(a, b));
 * memory().numTensors === before; // true
 * ```
 */
export interface MemoryInfo {
  numTensors: number;
  numDataBuffers: number;
  numBytes: number;
  backend: ReturnType<Backend['memory']> | null;
}

/**
 * Reports memory held by tensors.
 *
 * @example
 * ```ts
 * console.log(memory().numTensors);
 * ```
 */
export function memory(): MemoryInfo {
  const s = engineState();
  return { numTensors: s.numTensors, numDataBuffers: s.numDataBuffers, numBytes: s.numBytes, backend: s.active?.memory() ?? null };
}

/** Wraps a data record in a new tensor, tracked by the innermost tidy scope. @internal */
export function wrapRecord(record: DataRecord, shape: readonly number[], dtype: DType, track = true, id?: number): Tensor {
  const state = engineState();
  const t = new Tensor(id ?? state.nextTensorId++, record, shape, dtype);
  state.numTensors++;
  state.finalizer?.register(t, record, t);
  if (track) state.scopes[state.scopes.length - 1]?.tracked.push(t);
  return t;
}

function newRecord(state: EngineState, backend: Backend, info: TensorInfo): DataRecord {
  const bytes = sizeFromShape(info.shape) * bytesPerElement(info.dtype);
  state.numDataBuffers++;
  state.numBytes += bytes;
  return { dataId: info.dataId, backend, bytes, refCount: 1 };
}

/**
 * Creates a tensor from a typed array the engine now owns (do not mutate it afterwards).
 * @internal
 */
export function makeTensor(values: BackendValues, shape: readonly number[], dtype: DType): Tensor {
  const state = engineState();
  const backend = activeBackend();
  const dataId = backend.write(values, shape, dtype);
  return wrapRecord(newRecord(state, backend, { dataId, shape, dtype }), shape, dtype);
}

/**
 * A new tensor sharing `t`'s data with another shape of the same size (no copy).
 * @internal
 */
export function shareData(t: Tensor, shape: readonly number[], track = true): Tensor {
  assertLive(t, 'reshape');
  t.record.refCount++;
  return wrapRecord(t.record, shape, t.dtype, track);
}

/** Throws if `t` was disposed, naming the op. @internal */
export function assertLive(t: Tensor, op: string): void {
  if (t.isDisposed) {
    throw new StateError(
      'DISPOSED',
      `${op}: tensor #${t.id} ${formatShape(t.shape)} ${t.dtype} was disposed; keep it (keep(t)) or create it outside the tidy() that disposed it`,
    );
  }
}

/** Moves `t`'s data to the active backend if it lives on another one. */
function onBackend(t: Tensor, backend: Backend, op: string): TensorInfo {
  assertLive(t, op);
  if (t.record.backend === backend) return t;
  const values = t.record.backend.readSync(t.record.dataId);
  const state = engineState();
  const moved = newRecord(state, backend, { dataId: backend.write(values.slice(), t.shape, t.dtype), shape: t.shape, dtype: t.dtype });
  releaseRecord(state, t.record);
  t.record = moved;
  return t;
}

function missingKernel(name: string, backendName: string): BackendError {
  const elsewhere = list('backend').filter((b) => b !== backendName && getKernel(b, name));
  return new BackendError(
    'MISSING_KERNEL',
    `no kernel '${name}' is registered for backend '${backendName}'` +
      (elsewhere.length ? ` (backends that have it: ${elsewhere.join(', ')})` : '') +
      `; register the backend's kernels (e.g. import '@tensorkit/backend-${backendName}/register') or add a kernel plugin for it`,
  );
}

/**
 * Runs a kernel on the active backend and wraps its output in a tracked tensor. Every op goes
 * through here: it is where dispatch, tidy tracking and the autograd hook meet.
 *
 * @example
 * ```ts
 * const c = runKernel('Add', [a, b], {});
 * ```
 */
export function runKernel<K extends KernelName>(name: K, inputs: readonly Tensor[], attrs: KernelAttrMap[K]): Tensor {
  const outputs = runKernelMulti(name, inputs, attrs);
  return outputs[0]!;
}

/**
 * Like {@link runKernel}, for kernels with several outputs.
 *
 * @example
 * ```ts
 * const [values, indices] = runKernelMulti('MyTopK', [x], { k: 3 });
 * ```
 */
export function runKernelMulti<K extends KernelName>(name: K, inputs: readonly Tensor[], attrs: KernelAttrMap[K]): Tensor[] {
  const state = engineState();
  const backend = activeBackend();
  const kernel = getKernel(state.activeName!, name);
  if (!kernel) throw missingKernel(name, state.activeName!);
  const infos = inputs.map((t) => onBackend(t, backend, name));
  const result = kernel.kernelFunc({ inputs: infos, attrs, backend });
  const outInfos = Array.isArray(result) ? result : [result];
  const outputs = outInfos.map((info) => wrapRecord(newRecord(state, backend, info), info.shape, info.dtype));
  if (state.hook && state.noGradDepth === 0) state.hook.record({ kernelName: name, inputs, attrs, outputs });
  return outputs;
}

/**
 * Installs (or removes, with `null`) the kernel-recording hook. `@tensorkit/autograd` uses this;
 * returns the previous hook so scopes can nest.
 *
 * @example
 * ```ts
 * const previous = setKernelHook(tapeHook);
 * try { f(); } finally { setKernelHook(previous); }
 * ```
 */
export function setKernelHook(hook: KernelHook | null): KernelHook | null {
  const state = engineState();
  const previous = state.hook;
  state.hook = hook;
  return previous;
}

/**
 * True while a gradient tape is recording (a hook is installed and no `noGrad` block is open).
 *
 * @example
 * ```ts
 * if (isRecording()) console.log('inside a gradient scope');
 * ```
 */
export function isRecording(): boolean {
  const state = engineState();
  return state.hook !== null && state.noGradDepth === 0;
}

/**
 * Runs `fn` with the recording hook paused. Nothing inside is recorded, so it gets no gradient.
 *
 * @example
 * ```ts
 * noGradScope(() => v.assign(sub(v, mul(lr, g))));
 * ```
 */
export function noGradScope<T>(fn: () => T): T {
  const state = engineState();
  state.noGradDepth++;
  try {
    return fn();
  } finally {
    state.noGradDepth--;
  }
}

/** Warns once per key (e.g. a GPU stall on dataSync). @internal */
export function warnOnce(key: string, message: string): void {
  const state = engineState();
  if (state.warned.has(key)) return;
  state.warned.add(key);
  console.warn(message);
}

/** Registry errors are re-exported for op authors. @internal */
export { RegistryError };

/**
 * A new tensor sharing `t`'s data (no copy) that the gradient tape never sees: no gradient
 * flows back through it. PyTorch's `detach`; `stopGradient` in autograd is this.
 *
 * @example
 * ```ts
 * const target = detach(prediction); // same values, treated as a constant by grad()
 * ```
 */
export function detach(t: Tensor): Tensor {
  return shareData(t, t.shape);
}

/**
 * A second handle on `t`: the same id and data, never disposed by `tidy`, never recorded. The
 * autograd tape saves these so that the backward pass can use a tensor the user disposed, while
 * ops on it still count as ops on `t` (same id), which keeps higher-order gradients connected.
 * Dispose it when done.
 * @internal
 *
 * @example
 * ```ts
 * const saved = alias(x); // saved.id === x.id
 * ```
 */
export function alias(t: Tensor): Tensor {
  assertLive(t, 'alias');
  t.record.refCount++;
  return wrapRecord(t.record, t.shape, t.dtype, false, t.id);
}
