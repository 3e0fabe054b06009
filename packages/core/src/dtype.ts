import { DTypeError } from './errors';

/**
 * The element types a tensor can hold.
 *
 * @example
 * ```ts
 * const d: DType = 'float32';
 * ```
 */
export type DType = 'float32' | 'int32' | 'bool';

/**
 * The flat typed array that holds a tensor's data: `Float32Array` for float32, `Int32Array` for
 * int32 and `Uint8Array` (0/1) for bool.
 *
 * @example
 * ```ts
 * const values: BackendValues = new Float32Array([1, 2, 3]);
 * ```
 */
export type BackendValues = Float32Array | Int32Array | Uint8Array;

/** Every dtype, in promotion order. */
export const DTYPES: readonly DType[] = ['bool', 'int32', 'float32'];

/**
 * True if `d` is a dtype tensorkit knows.
 *
 * @example
 * ```ts
 * isDType('float64'); // false
 * ```
 */
export function isDType(d: unknown): d is DType {
  return d === 'float32' || d === 'int32' || d === 'bool';
}

/**
 * Allocates a zero-filled typed array for `size` elements of dtype `dtype`.
 *
 * @example
 * ```ts
 * allocValues('int32', 4); // Int32Array [0, 0, 0, 0]
 * ```
 */
export function allocValues(dtype: DType, size: number): BackendValues {
  if (dtype === 'float32') return new Float32Array(size);
  if (dtype === 'int32') return new Int32Array(size);
  if (dtype === 'bool') return new Uint8Array(size);
  throw new DTypeError('DTYPE_MISMATCH', `allocValues: unknown dtype '${String(dtype)}'; use float32, int32 or bool`);
}

/**
 * The number of bytes one element of `dtype` takes.
 *
 * @example
 * ```ts
 * bytesPerElement('bool'); // 1
 * ```
 */
export function bytesPerElement(dtype: DType): number {
  return dtype === 'bool' ? 1 : 4;
}

/**
 * The dtype two operands are promoted to, as in NumPy: bool < int32 < float32.
 *
 * @example
 * ```ts
 * upcastType('int32', 'float32'); // 'float32'
 * ```
 */
export function upcastType(a: DType, b: DType): DType {
  return DTYPES.indexOf(a) >= DTYPES.indexOf(b) ? a : b;
}
