import { DTypeError, broadcastShapes, upcastType, type DType, type KernelAttrMap, type KernelName } from '@tensorkit/core';
import { toTensor, type TensorLike } from '../convert';
import { runKernel } from '../engine';
import type { Tensor } from '../tensor';

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
