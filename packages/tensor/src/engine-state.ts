import { globalState, type Backend } from '@tensorkit/core';
import type { DataRecord } from './data-record';
import type { Tensor } from './tensor';

/**
 * What the autograd tape sees of one kernel call.
 *
 * @example
 * ```ts
 * const record: KernelRecord = { kernelName: 'Add', inputs: [a, b], attrs: {}, outputs: [c] };
 * ```
 */
export interface KernelRecord {
  readonly kernelName: string;
  readonly inputs: readonly Tensor[];
  readonly attrs: object;
  readonly outputs: readonly Tensor[];
}

/**
 * The recording hook that `@tensorkit/autograd` installs while a gradient scope is open. The
 * engine calls `record` after every kernel; `tensor` never imports `autograd`.
 *
 * @example
 * ```ts
 * setKernelHook({ record: (r) => tape.push(r) });
 * ```
 */
export interface KernelHook {
  record(record: KernelRecord): void;
}

/** A tidy scope: the tensors created while it is open. @internal */
export interface Scope {
  readonly tracked: Tensor[];
}

/** The engine's process-wide state, kept in the registry's global slots. @internal */
export interface EngineState {
  activeName: string | null;
  active: Backend | null;
  readonly instances: Map<string, Backend>;
  readonly pending: Map<string, Promise<Backend>>;
  nextTensorId: number;
  numTensors: number;
  numDataBuffers: number;
  numBytes: number;
  readonly scopes: Scope[];
  hook: KernelHook | null;
  /** Depth of `noGrad` blocks: while > 0 the hook is not called. */
  noGradDepth: number;
  readonly finalizer: FinalizationRegistry<DataRecord> | null;
  readonly warned: Set<string>;
}

/** @internal */
export function engineState(): EngineState {
  const slots = globalState().slots;
  let state = slots['engine'] as EngineState | undefined;
  if (!state) {
    state = {
      activeName: null,
      active: null,
      instances: new Map(),
      pending: new Map(),
      nextTensorId: 0,
      numTensors: 0,
      numDataBuffers: 0,
      numBytes: 0,
      scopes: [],
      hook: null,
      noGradDepth: 0,
      // The safety net: a tensor dropped without dispose() releases its data when collected.
      finalizer:
        typeof FinalizationRegistry === 'function'
          ? new FinalizationRegistry<DataRecord>((record) => {
              const s = slots['engine'] as EngineState;
              s.numTensors--;
              releaseRecord(s, record);
            })
          : null,
      warned: new Set(),
    };
    slots['engine'] = state;
  }
  return state;
}

/** Drops one holder of a data block, freeing it with the last one. @internal */
export function releaseRecord(state: EngineState, record: DataRecord): void {
  if (--record.refCount > 0) return;
  state.numDataBuffers--;
  state.numBytes -= record.bytes;
  record.backend.dispose(record.dataId);
}
