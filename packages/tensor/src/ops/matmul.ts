import { ArgumentError, ShapeError, broadcastShapes, formatShape, sizeFromShape, upcastType } from '@tensorkit/core';
import type { TensorLike } from '../convert';
import { runKernel } from '../engine';
import type { Tensor } from '../tensor';
import { assertNumeric, castTo, describe, optionsOf, reshapeShared, withOperands, type Operands } from './operands';

/** Options of {@link matMul}. */
export interface MatMulOptions {
  /** Use the transpose of `a`'s last two axes. Default false. */
  transposeA?: boolean;
  /** Use the transpose of `b`'s last two axes. Default false. */
  transposeB?: boolean;
}

function flag(v: unknown, name: string, op: string): boolean {
  if (v === undefined) return false;
  if (typeof v !== 'boolean') throw new ArgumentError('INVALID_ARGUMENT', `${op}: '${name}' must be true or false, got ${describe(v)}`);
  return v;
}

/** Converts both operands of a product to float32, rejecting bool. */
function productOperands(ops: Operands, a: TensorLike, b: TensorLike, op: string): [Tensor, Tensor] {
  const x = ops.tensor(a, 'a');
  const y = ops.tensor(b, 'b');
  assertNumeric(x, op, 'a');
  assertNumeric(y, op, 'b');
  const dtype = upcastType(upcastType(x.dtype, y.dtype), 'float32');
  return [castTo(ops, x, dtype), castTo(ops, y, dtype)];
}

function matMulImpl(op: string, a: TensorLike, b: TensorLike, options: MatMulOptions | undefined): Tensor {
  return withOperands(op, (ops) => {
    const opts = optionsOf(options, op, ['transposeA', 'transposeB']);
    const tA = flag(opts.transposeA, 'transposeA', op);
    const tB = flag(opts.transposeB, 'transposeB', op);
    const [x, y] = productOperands(ops, a, b, op);
    if (x.rank === 0 || y.rank === 0) {
      throw new ShapeError(
        'SHAPE_MISMATCH',
        `${op}: both operands need at least one dimension, got ${formatShape(x.shape)} and ${formatShape(y.shape)}; use mul for scalars`,
      );
    }
    // NumPy: a 1-D left operand is a row (1, n), a 1-D right operand a column (n, 1).
    const vecA = x.rank === 1;
    const vecB = y.rank === 1;
    const aShape = vecA ? (tA ? [x.shape[0]!, 1] : [1, x.shape[0]!]) : [...x.shape];
    const bShape = vecB ? (tB ? [1, y.shape[0]!] : [y.shape[0]!, 1]) : [...y.shape];
    const m = aShape[aShape.length - (tA ? 1 : 2)]!;
    const kA = aShape[aShape.length - (tA ? 2 : 1)]!;
    const kB = bShape[bShape.length - (tB ? 1 : 2)]!;
    const n = bShape[bShape.length - (tB ? 2 : 1)]!;
    if (kA !== kB) {
      const t = (f: boolean): string => (f ? ' (transposed)' : '');
      throw new ShapeError(
        'SHAPE_MISMATCH',
        `${op}: inner dimensions differ: a ${formatShape(x.shape)}${t(tA)} has ${kA} columns but b ${formatShape(y.shape)}${t(tB)} has ${kB} rows; ` +
          'the last axis of a must match the second-to-last of b (use transposeA/transposeB to flip them)',
      );
    }
    const batchA = aShape.slice(0, -2);
    const batchB = bShape.slice(0, -2);
    const batch = broadcastShapes(op, batchA, batchB);
    const batchSize = sizeFromShape(batch);
    const as3 = (t: Tensor, shape: number[], own: number[]): Tensor => {
      const last2 = shape.slice(-2);
      const size = sizeFromShape(own);
      let src = t;
      // The kernel broadcasts a batch of 1; anything else is materialised with BroadcastTo.
      if (size !== 1 && size !== batchSize) {
        src = ops.temp(runKernel('BroadcastTo', [ops.temp(reshapeShared(t, shape))], { shape: [...batch, ...last2] }));
        return ops.temp(reshapeShared(src, [batchSize, ...last2]));
      }
      return ops.temp(reshapeShared(src, [size, ...last2]));
    };
    const a3 = as3(x, aShape, batchA);
    const b3 = as3(y, bShape, batchB);
    const out = runKernel('BatchMatMul', [a3, b3], { transposeA: tA, transposeB: tB });
    const shape = [...batch, ...(vecA ? [] : [m]), ...(vecB ? [] : [n])];
    const result = reshapeShared(out, shape);
    out.dispose();
    return result;
  });
}

/**
 * Matrix product with NumPy's `matmul` semantics: the last two axes multiply, leading (batch) axes
 * broadcast, a 1-D left operand is a row vector and a 1-D right operand a column vector (the added
 * axis is removed from the result). `transposeA`/`transposeB` transpose the last two axes first.
 * Integer inputs are computed in float32; bool is refused.
 *
 * @example
 * ```ts
 * matMul(tensor([[1, 2], [3, 4]]), tensor([[5], [6]]));   // [[17], [39]]
 * matMul(zeros([2, 3, 4]), zeros([4, 5])).shape;           // [2, 3, 5]
 * matMul(tensor([1, 2]), tensor([3, 4]));                  // 11 (shape [])
 * matMul(zeros([3, 4]), zeros([5, 4]), { transposeB: true }).shape; // [3, 5]
 * ```
 */
export function matMul(a: TensorLike, b: TensorLike, options?: MatMulOptions): Tensor {
  return matMulImpl('matMul', a, b, options);
}

/**
 * Dot product of two vectors (a scalar); for higher ranks, {@link matMul}.
 *
 * @example
 * ```ts
 * dot(tensor([1, 2, 3]), tensor([4, 5, 6])); // 32
 * ```
 */
export function dot(a: TensorLike, b: TensorLike): Tensor {
  return matMulImpl('dot', a, b, undefined);
}

/**
 * Outer product of two vectors: `out[i][j] = a[i] * b[j]`.
 *
 * @example
 * ```ts
 * outer(tensor([1, 2]), tensor([3, 4, 5])); // [[3, 4, 5], [6, 8, 10]]
 * ```
 */
export function outer(a: TensorLike, b: TensorLike): Tensor {
  return withOperands('outer', (ops) => {
    const [x, y] = productOperands(ops, a, b, 'outer');
    if (x.rank !== 1 || y.rank !== 1) {
      throw new ShapeError(
        'SHAPE_MISMATCH',
        `outer: both operands must be 1-D, got ${formatShape(x.shape)} and ${formatShape(y.shape)}; flatten them first`,
      );
    }
    const col = ops.temp(reshapeShared(x, [x.shape[0]!, 1]));
    const row = ops.temp(reshapeShared(y, [1, y.shape[0]!]));
    return runKernel('Mul', [col, row], {});
  });
}
