import { ArgumentError, ShapeError, normalizeAxes, normalizeAxis } from '@tensorkit/core';
import { tensor, type TensorLike } from '../convert';
import { isTensor, type Tensor } from '../tensor';
import { assertIndices, assertInt, describe, type Operands } from './operands';

/*
 * Argument checks shared by the ops. Not re-exported from the package.
 */


/**
 * Checks and normalises an axis argument (a number, a list, or `null`/`undefined` for every
 * axis) to sorted unique axes. On a scalar, axis 0 / -1 is allowed and reduces nothing. @internal
 */
export function axesArg(axis: unknown, rank: number, op: string): number[] {
  if (axis === undefined || axis === null) return normalizeAxes(undefined, rank, op);
  if (typeof axis !== 'number' && !(Array.isArray(axis) && axis.every((a) => typeof a === 'number'))) {
    throw new ArgumentError('INVALID_AXIS', `${op}: 'axis' must be an integer, a list of integers or undefined, got ${describe(axis)}`);
  }
  return normalizeAxes(axis as number | number[], rank, op).filter((a) => a < rank);
}

/** Checks and normalises one axis. @internal */
export function axisArg(axis: unknown, rank: number, op: string, name = 'axis'): number {
  if (typeof axis !== 'number') {
    throw new ArgumentError('INVALID_AXIS', `${op}: '${name}' must be an integer, got ${describe(axis)}`);
  }
  return normalizeAxis(axis, rank, op);
}

/** Checks the `keepDims` flag. @internal */
export function keepDimsArg(keepDims: unknown, op: string): boolean {
  if (keepDims === undefined) return false;
  if (typeof keepDims !== 'boolean') {
    throw new ArgumentError('INVALID_ARGUMENT', `${op}: 'keepDims' must be true or false, got ${describe(keepDims)}`);
  }
  return keepDims;
}

/** Checks that `shape` is a list of integers (a shape argument). @internal */
export function shapeArg(shape: unknown, op: string, name = 'shape'): number[] {
  if (!Array.isArray(shape) || shape.some((d) => typeof d !== 'number' || !Number.isInteger(d))) {
    throw new ShapeError('INVALID_SHAPE', `${op}: '${name}' must be a list of integers, got ${describe(shape)}`);
  }
  return shape as number[];
}

/** Reads one number or a pair as a pair of integers >= `min`. @internal */
export function pairArg(v: unknown, name: string, op: string, min: number): [number, number] {
  if (typeof v === 'number') {
    assertInt(v, name, op, min);
    return [v, v];
  }
  if (Array.isArray(v) && v.length === 2 && v.every((e) => typeof e === 'number' && Number.isInteger(e) && e >= min)) {
    return [v[0] as number, v[1] as number];
  }
  const what = min === 0 ? 'non-negative integers' : `integers >= ${min}`;
  throw new ArgumentError('INVALID_ARGUMENT', `${op}: '${name}' must be one number or a pair of ${what}, got ${describe(v)}`);
}

/**
 * Converts an indices argument: an int32 tensor as is; numbers and (nested) arrays of integers
 * become int32. Float and bool tensors are refused. @internal
 */
export function indicesOperand(ops: Operands, indices: TensorLike, op: string): Tensor {
  if (isTensor(indices)) {
    assertIndices(indices, op);
    return indices;
  }
  if (!allIntegers(indices)) {
    throw new ArgumentError(
      'INVALID_ARGUMENT',
      `${op}: 'indices' must be an int32 tensor or (nested) arrays of integers, got ${describe(indices)} with non-integer entries`,
    );
  }
  return ops.temp(tensor(indices, undefined, 'int32'));
}

function allIntegers(v: unknown): boolean {
  if (typeof v === 'number') return Number.isInteger(v);
  if (v instanceof Int32Array) return true;
  if (v instanceof Float32Array) return v.every((e) => Number.isInteger(e));
  return Array.isArray(v) && v.every(allIntegers);
}

