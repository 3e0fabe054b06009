import { ShapeError, StateError, formatShape, sizeFromShape, type BackendValues, type DType } from '@tensorkit/core';
import { TENSOR_BRAND } from './brand';
import type { DataRecord } from './data-record';
import { engineState, releaseRecord } from './engine-state';
import { formatTensor } from './format';

/** Nested arrays of numbers, as `t.array()` returns them. */
export type NestedArray = number | NestedArray[];

/** Reads hand out copies: tensors are immutable, and the CPU backend stores arrays without copying. */
function copyOut(values: BackendValues): BackendValues {
  return values.slice();
}

function nest(values: ArrayLike<number>, shape: readonly number[], offset = 0, axis = 0): NestedArray {
  if (axis === shape.length) return values[offset]!;
  const n = shape[axis]!;
  let stride = 1;
  for (let i = axis + 1; i < shape.length; i++) stride *= shape[i]!;
  const out: NestedArray[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = nest(values, shape, offset + i * stride, axis + 1);
  return out;
}

/**
 * An immutable n-dimensional array on a backend. Create one with `tensor(...)`, read it with
 * `await t.data()`, free it with `t.dispose()` or `tidy`.
 *
 * @example
 * ```ts
 * const t = tensor([[1, 2], [3, 4]]);
 * t.shape;            // [2, 2]
 * await t.data();     // Float32Array [1, 2, 3, 4]
 * console.log(t.toString());
 * ```
 */
export class Tensor {
  /** The brand by which every copy of `@tensorkit/tensor` recognises a tensor. */
  readonly [TENSOR_BRAND] = true;
  /** A process-unique id, for debugging. */
  readonly id: number;
  /** The dimensions; `[]` for a scalar. */
  readonly shape: readonly number[];
  /** The element type. */
  readonly dtype: DType;
  /** The number of elements. */
  readonly size: number;
  /** Set by `keep`: no enclosing tidy disposes this tensor. */
  kept = false;
  /** @internal The data block this tensor holds a reference to. */
  record: DataRecord;
  private disposed = false;

  /** @internal Use `tensor()` and the ops; the engine wraps kernel outputs. */
  constructor(id: number, record: DataRecord, shape: readonly number[], dtype: DType) {
    this.id = id;
    this.record = record;
    this.shape = Object.freeze([...shape]);
    this.dtype = dtype;
    this.size = sizeFromShape(shape);
  }

  /** The backend's handle to the data (a `TensorInfo` field, so tensors pass straight to kernels). */
  get dataId(): object {
    return this.record.dataId;
  }

  /** The number of dimensions. */
  get rank(): number {
    return this.shape.length;
  }

  /** True once disposed. */
  get isDisposed(): boolean {
    return this.disposed;
  }

  /**
   * Reads the values without blocking (a copy; flat, row-major).
   *
   * @example
   * ```ts
   * const values = await tensor([1, 2]).data(); // Float32Array [1, 2]
   * ```
   */
  async data(): Promise<BackendValues> {
    assertReadable(this, 'data');
    return copyOut(await this.record.backend.read(this.record.dataId));
  }

  /**
   * Reads the values synchronously (a copy). GPU backends stall here; prefer `data()`.
   *
   * @example
   * ```ts
   * tensor([1, 2]).dataSync(); // Float32Array [1, 2]
   * ```
   */
  dataSync(): BackendValues {
    assertReadable(this, 'dataSync');
    return copyOut(this.record.backend.readSync(this.record.dataId));
  }

  /**
   * Reads the values as nested arrays (a number for a scalar).
   *
   * @example
   * ```ts
   * await tensor([[1, 2], [3, 4]]).array(); // [[1, 2], [3, 4]]
   * ```
   */
  async array(): Promise<NestedArray> {
    return nest(await this.data(), this.shape);
  }

  /**
   * Reads the values as nested arrays, synchronously.
   *
   * @example
   * ```ts
   * tensor([1, 2]).arraySync(); // [1, 2]
   * ```
   */
  arraySync(): NestedArray {
    return nest(this.dataSync(), this.shape);
  }

  /**
   * Reads a one-element tensor as a number.
   *
   * @example
   * ```ts
   * await scalar(3).item(); // 3
   * ```
   */
  async item(): Promise<number> {
    assertReadable(this, 'item');
    if (this.size !== 1) {
      throw new ShapeError(
        'SHAPE_MISMATCH',
        `item: tensor has shape ${formatShape(this.shape)} (${this.size} elements); only one-element tensors convert to a number`,
      );
    }
    return (await this.data())[0]!;
  }

  /**
   * Frees the tensor's data (once no other tensor shares it). Disposing twice is a no-op.
   *
   * @example
   * ```ts
   * const t = tensor([1, 2]);
   * t.dispose();
   * ```
   */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    const state = engineState();
    state.numTensors--;
    state.finalizer?.unregister(this);
    releaseRecord(state, this.record);
  }

  /**
   * Prints like NumPy, with the shape and dtype.
   *
   * @example
   * ```ts
   * tensor([[1, 2], [3, 4]]).toString();
   * // 'Tensor([[1, 2],\n        [3, 4]], shape=[2,2], dtype=float32)'
   * ```
   */
  toString(): string {
    if (this.disposed) return `Tensor(disposed, shape=[${this.shape.join(',')}], dtype=${this.dtype})`;
    return formatTensor(this.record.backend.readSync(this.record.dataId), this.shape, this.dtype);
  }
}

function assertReadable(t: Tensor, op: string): void {
  if (t.isDisposed) {
    throw new StateError('DISPOSED', `${op}: tensor #${t.id} ${formatShape(t.shape)} ${t.dtype} was disposed; read it before disposing`);
  }
}

/**
 * True if `x` is a tensorkit tensor, from this copy of the package or any other.
 *
 * @example
 * ```ts
 * isTensor(tensor([1])); // true
 * isTensor([1]);         // false
 * ```
 */
export function isTensor(x: unknown): x is Tensor {
  return typeof x === 'object' && x !== null && (x as Record<symbol, unknown>)[TENSOR_BRAND] === true;
}
