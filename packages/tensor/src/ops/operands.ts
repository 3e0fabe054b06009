import {
  ArgumentError, DTypeError, broadcastShapes, checkOptions, formatShape, upcastType, type DType, type KernelAttrMap, type KernelName,
} from '@tensorkit/core';
import { toTensor, type TensorLike } from '../convert';
import { runKernel, shareData } from '../engine';
import { engineState } from '../engine-state';
import { isTensor, type Tensor } from '../tensor';

/*
 * The one way an op turns its arguments into kernel inputs: convert numbers and arrays, check,
 * run the kernel, and dispose the temporaries it made (so `mul(x, 2)` leaks nothing outside tidy).
 */

/** Converted operands plus the temporaries to free after the kernel ran. @internal */
export class Operands {
  private readonly temps: Tensor[] = [];
  constructor(readonly op: string) {}

  /** Converts one argument; numbers take `likeDType` when it fits. */
  tensor(x: TensorLike, name: string, likeDType?: DType): Tensor {
    const { t, temp } = toTensor(x, name, this.op, likeDType);
    if (temp) this.temps.push(t);
    return t;
  }

  /** Tracks a tensor made while preparing inputs (e.g. a cast) for disposal. */
  temp(t: Tensor): Tensor {
    this.temps.push(t);
    return t;
  }

  /** Runs the kernel, then frees the temporaries. */
  run<K extends KernelName>(kernel: K, inputs: readonly Tensor[], attrs: KernelAttrMap[K]): Tensor {
    try {
      return runKernel(kernel, inputs, attrs);
    } finally {
      for (const t of this.temps) t.dispose();
    }
  }

  /** Frees the temporaries without running anything (for ops that return early). */
  done<T>(result: T): T {
    for (const t of this.temps) t.dispose();
    return result;
  }
}

/** Casts `t` to `dtype` unless it already is; the cast is a temporary of `ops`. @internal */
export function castTo(ops: Operands, t: Tensor, dtype: DType): Tensor {
  return t.dtype === dtype ? t : ops.temp(runKernel('Cast', [t], { dtype }));
}

/** Requires float32 input (e.g. `exp`, `matMul`); ints are promoted by the caller if it wants. @internal */
export function assertFloat(t: Tensor, op: string, name = 'x'): void {
  if (t.dtype !== 'float32') {
    throw new DTypeError(
      'DTYPE_MISMATCH',
      `${op}: '${name}' must be float32, got ${t.dtype} [${t.shape.join(',')}]; convert it with cast(${name}, 'float32')`,
    );
  }
}

/**
 * Prepares the two operands of a broadcasting binary op: converts numbers on either side,
 * promotes to a common dtype (bool < int32 < float32, or float32 when `float` is set), and
 * checks that the shapes broadcast. @internal
 */
export function binaryOperands(
  a: TensorLike,
  b: TensorLike,
  op: string,
  float = false,
): { ops: Operands; x: Tensor; y: Tensor; dtype: DType } {
  const ops = new Operands(op);
  const likeA = typeof a === 'number' && typeof b === 'object' ? (b as Tensor).dtype : undefined;
  const x0 = ops.tensor(a, 'a', likeA);
  const y0 = ops.tensor(b, 'b', x0.dtype);
  let dtype = upcastType(x0.dtype, y0.dtype);
  if (float) dtype = 'float32';
  const x = castTo(ops, x0, dtype);
  const y = castTo(ops, y0, dtype);
  try {
    broadcastShapes(op, x.shape, y.shape);
  } catch (e) {
    ops.done(undefined);
    throw e;
  }
  return { ops, x, y, dtype };
}

/**
 * A tensor of `shape` sharing `t`'s data (no copy). The engine's recording hook sees it as a
 * `Reshape` record (`attrs.shape`), so autograd can route the gradient back through it; its
 * gradient is `reshape(dy, inputs[0].shape)`. @internal
 */
export function reshapeShared(t: Tensor, shape: readonly number[]): Tensor {
  const out = shareData(t, shape);
  const state = engineState();
  if (state.hook && state.noGradDepth === 0) {
    state.hook.record({ kernelName: 'Reshape', inputs: [t], attrs: { shape: [...shape] }, outputs: [out] });
  }
  return out;
}

/**
 * Runs `body` with a fresh {@link Operands} and always frees its temporaries afterwards, also
 * when a check throws. Intermediate kernel results go through `ops.temp(...)`. @internal
 */
export function withOperands<T>(op: string, body: (ops: Operands) => T): T {
  const ops = new Operands(op);
  try {
    return body(ops);
  } finally {
    ops.done(undefined);
  }
}

/** Describes a value for an error message: a tensor by shape and dtype, anything else by type. @internal */
export function describe(x: unknown): string {
  if (isTensor(x)) return `${formatShape(x.shape)} ${x.dtype}`;
  if (x === null) return 'null';
  if (Array.isArray(x)) return `an array of length ${x.length}`;
  return typeof x === 'number' ? String(x) : typeof x;
}

/** Requires an integer (optionally `>= min`), naming the op and the argument. @internal */
export function assertInt(value: unknown, name: string, op: string, min = -Infinity): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    const range = min === -Infinity ? 'an integer' : min === 0 ? 'a non-negative integer' : `an integer >= ${min}`;
    throw new ArgumentError('INVALID_ARGUMENT', `${op}: '${name}' must be ${range}, got ${describe(value)}`);
  }
  return value;
}

/** Requires a number that is not NaN (infinities allowed unless `finite`). @internal */
export function assertNumber(value: unknown, name: string, op: string, finite = false): number {
  if (typeof value !== 'number' || Number.isNaN(value) || (finite && !Number.isFinite(value))) {
    throw new ArgumentError(
      'INVALID_ARGUMENT',
      `${op}: '${name}' must be a ${finite ? 'finite ' : ''}number, got ${describe(value)}`,
    );
  }
  return value;
}

/** Requires a boolean. @internal */
export function assertBool(value: unknown, name: string, op: string): boolean {
  if (typeof value !== 'boolean') {
    throw new ArgumentError('INVALID_ARGUMENT', `${op}: '${name}' must be true or false, got ${describe(value)}`);
  }
  return value;
}

/**
 * Requires an options object (or undefined, giving `{}`) whose keys are all in `known`. An
 * unknown key is an error, not ignored: `conv1d(x, w, { stride: 2 })` would otherwise run with
 * stride 1 and no warning for a JavaScript caller. @internal
 */
export function optionsOf<T extends object>(options: T | undefined, op: string, known: readonly string[]): T {
  if (isTensor(options)) {
    throw new ArgumentError('INVALID_ARGUMENT', `${op}: options must be an object like { ... }, got a tensor ${describe(options)}`);
  }
  return checkOptions(options, op, known);
}

/** Rejects bool tensors for ops that need numbers (matMul, conv, reductions of values). @internal */
export function assertNumeric(t: Tensor, op: string, name = 'x'): void {
  if (t.dtype === 'bool') {
    throw new DTypeError(
      'DTYPE_MISMATCH',
      `${op}: '${name}' must be numeric, got bool ${formatShape(t.shape)}; convert it with cast(${name}, 'float32')`,
    );
  }
}

/** Requires int32 indices. @internal */
export function assertIndices(t: Tensor, op: string, name = 'indices'): void {
  if (t.dtype !== 'int32') {
    throw new DTypeError(
      'DTYPE_MISMATCH',
      `${op}: '${name}' must be int32, got ${t.dtype} ${formatShape(t.shape)}; convert it with cast(${name}, 'int32')`,
    );
  }
}

/**
 * Converts `x` and promotes it to float32. Only for use inside a `tidy`, which frees the
 * temporaries (a converted array, the cast). @internal
 */
export function floatOperand(x: TensorLike, op: string, name = 'x'): Tensor {
  const { t } = toTensor(x, name, op);
  return t.dtype === 'float32' ? t : runKernel('Cast', [t], { dtype: 'float32' });
}
