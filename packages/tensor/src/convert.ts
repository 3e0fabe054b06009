import {
  ArgumentError, DTypeError, ShapeError, formatShape, inferReshape, isDType, sizeFromShape, type BackendValues, type DType,
} from '@tensorkit/core';
import { makeTensor } from './engine';
import { isTensor, type Tensor } from './tensor';

/** A number, boolean, nested array or typed array that can become a tensor. */
export type ScalarLike = number | boolean;
/** Nested arrays of numbers or booleans. */
export type NestedInput = ScalarLike | readonly NestedInput[];
/** Anything ops accept where a tensor is expected. */
export type TensorLike = Tensor | NestedInput | Float32Array | Int32Array | Uint8Array;

function inferShape(value: NestedInput): number[] {
  const shape: number[] = [];
  let v: NestedInput = value;
  while (Array.isArray(v)) {
    shape.push(v.length);
    if (v.length === 0) break;
    v = v[0] as NestedInput;
  }
  return shape;
}

function flatten(value: NestedInput, shape: readonly number[], out: number[], op: string, axis = 0): void {
  if (axis === shape.length) {
    if (typeof value === 'boolean') out.push(value ? 1 : 0);
    else if (typeof value === 'number') out.push(value);
    else throw new ArgumentError('INVALID_ARGUMENT', `${op}: expected a number or boolean, got ${JSON.stringify(value)}`);
    return;
  }
  if (!Array.isArray(value) || value.length !== shape[axis]) {
    throw new ShapeError(
      'INVALID_SHAPE',
      `${op}: the nested array is ragged: expected ${shape[axis]} entries at depth ${axis} (shape ${formatShape(shape)}); every row must have the same length`,
    );
  }
  for (const item of value) flatten(item as NestedInput, shape, out, op, axis + 1);
}

function firstLeaf(value: NestedInput): NestedInput {
  let v = value;
  while (Array.isArray(v) && v.length > 0) v = v[0] as NestedInput;
  return v;
}

/**
 * Typed-array storage for `values` in `dtype`. float32 to int32 truncates toward zero, and
 * anything to bool is `x != 0`, as in PyTorch.
 * @internal
 */
export function toValues(values: ArrayLike<number>, dtype: DType): BackendValues {
  if (dtype === 'float32') return Float32Array.from(values);
  if (dtype === 'int32') return Int32Array.from(values, (x) => Math.trunc(x));
  return Uint8Array.from(values, (x) => (x !== 0 && !Number.isNaN(x) ? 1 : 0));
}

/**
 * Creates a tensor from nested arrays, a typed array or a number.
 * `dtype` defaults to float32, or to bool for booleans and int32 for an `Int32Array`.
 *
 * @example
 * ```ts
 * tensor([[1, 2], [3, 4]]);               // shape [2, 2], float32
 * tensor([1, 2, 3, 4], [2, 2], 'int32');  // flat values with a shape
 * tensor([true, false]);                  // bool
 * ```
 */
export function tensor(values: TensorLike, shape?: readonly number[], dtype?: DType): Tensor {
  const op = 'tensor';
  if (dtype !== undefined && !isDType(dtype)) {
    throw new DTypeError('DTYPE_MISMATCH', `${op}: unknown dtype '${String(dtype)}'; use 'float32', 'int32' or 'bool'`);
  }
  if (isTensor(values)) {
    throw new ArgumentError('INVALID_ARGUMENT', `${op}: got a Tensor; use clone(t) or cast(t, dtype) to copy one`);
  }
  let flat: ArrayLike<number>;
  let inferred: number[];
  let defaultType: DType = 'float32';
  if (ArrayBuffer.isView(values)) {
    flat = values as ArrayLike<number>;
    inferred = [flat.length];
    if (values instanceof Int32Array) defaultType = 'int32';
  } else {
    inferred = inferShape(values as NestedInput);
    const out: number[] = [];
    flatten(values as NestedInput, inferred, out, op);
    flat = out;
    if (typeof firstLeaf(values as NestedInput) === 'boolean') defaultType = 'bool';
  }
  const finalShape = shape ? inferReshape(shape, flat.length, op, inferred) : inferred;
  if (shape && sizeFromShape(finalShape) !== flat.length) {
    throw new ShapeError('SHAPE_MISMATCH', `${op}: ${flat.length} values do not fill shape ${formatShape(shape)}`);
  }
  const type = dtype ?? defaultType;
  return makeTensor(toValues(flat, type), finalShape, type);
}

/**
 * Creates a 0-d tensor.
 *
 * @example
 * ```ts
 * scalar(3.5); // shape []
 * ```
 */
export function scalar(value: number | boolean, dtype?: DType): Tensor {
  if (typeof value !== 'number' && typeof value !== 'boolean') {
    throw new ArgumentError('INVALID_ARGUMENT', `scalar: expected a number or boolean, got ${typeof value}`);
  }
  return tensor(value, [], dtype);
}

/**
 * Converts an op argument to a tensor. Numbers become scalars of `likeDType` (or float32), so
 * `sub(2, x)` works. Returns whether a new tensor was made, so the op can dispose it after use.
 * @internal
 */
export function toTensor(x: TensorLike, name: string, op: string, likeDType?: DType): { t: Tensor; temp: boolean } {
  if (isTensor(x)) return { t: x, temp: false };
  if (typeof x === 'number') {
    // A number takes the other operand's dtype when it fits (int32 stays int32), else float32.
    const dtype: DType = likeDType === 'int32' && Number.isInteger(x) ? 'int32' : 'float32';
    return { t: makeTensor(toValues([x], dtype), [], dtype), temp: true };
  }
  if (typeof x === 'boolean' || Array.isArray(x) || ArrayBuffer.isView(x)) return { t: tensor(x), temp: true };
  throw new ArgumentError(
    'INVALID_ARGUMENT',
    `${op}: argument '${name}' must be a Tensor, number or array, got ${x === null ? 'null' : typeof x}`,
  );
}
