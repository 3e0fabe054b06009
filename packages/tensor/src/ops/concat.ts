import { ArgumentError, ShapeError, formatShape, upcastType, type DType } from '@tensorkit/core';
import type { TensorLike } from '../convert';
import { runKernel } from '../engine';
import type { Tensor } from '../tensor';
import { axisArg } from './args';
import { castTo, describe, reshapeShared, withOperands, type Operands } from './operands';

function listArg(xs: unknown, op: string): readonly TensorLike[] {
  if (!Array.isArray(xs) || xs.length === 0) {
    throw new ArgumentError('INVALID_ARGUMENT', `${op}: 'xs' must be a non-empty array of tensors, got ${describe(xs)}`);
  }
  return xs as readonly TensorLike[];
}

/** Converts every input and promotes them to one dtype (bool < int32 < float32). */
function convertAll(ops: Operands, xs: readonly TensorLike[]): Tensor[] {
  const ts = xs.map((x, i) => ops.tensor(x, `xs[${i}]`));
  const dtype = ts.reduce<DType>((d, t) => upcastType(d, t.dtype), ts[0]!.dtype);
  return ts.map((t) => castTo(ops, t, dtype));
}

/**
 * Joins tensors along an existing axis. Every other dimension must match; dtypes are promoted to
 * a common one.
 *
 * @example
 * ```ts
 * concat([tensor([[1, 2]]), tensor([[3, 4]])]);    // [[1, 2], [3, 4]]
 * concat([tensor([[1, 2]]), tensor([[3]])], 1);    // [[1, 2, 3]]
 * ```
 */
export function concat(xs: readonly TensorLike[], axis = 0): Tensor {
  return withOperands('concat', (ops) => {
    const ts = convertAll(ops, listArg(xs, 'concat'));
    const first = ts[0]!;
    if (first.rank === 0) {
      throw new ShapeError('SHAPE_MISMATCH', 'concat: cannot concatenate scalars (shape []); use stack(xs) to make a new axis');
    }
    const ax = axisArg(axis, first.rank, 'concat');
    const ok = ts.every((t) => t.rank === first.rank && t.shape.every((d, i) => i === ax || d === first.shape[i]));
    if (!ok) {
      throw new ShapeError(
        'SHAPE_MISMATCH',
        `concat: shapes ${ts.map((t) => formatShape(t.shape)).join(', ')} differ outside axis ${ax}; ` +
          'every input must have the same rank and the same size on every other axis',
      );
    }
    if (ts.length === 1) return reshapeShared(first, first.shape);
    return runKernel('Concat', ts, { axis: ax });
  });
}

/**
 * Joins tensors of one shape along a new axis `axis` (in `[-rank-1, rank]`).
 *
 * @example
 * ```ts
 * stack([tensor([1, 2]), tensor([3, 4])]);     // [[1, 2], [3, 4]]
 * stack([tensor([1, 2]), tensor([3, 4])], 1);  // [[1, 3], [2, 4]]
 * ```
 */
export function stack(xs: readonly TensorLike[], axis = 0): Tensor {
  return withOperands('stack', (ops) => {
    const ts = convertAll(ops, listArg(xs, 'stack'));
    const first = ts[0]!;
    if (!ts.every((t) => t.rank === first.rank && t.shape.every((d, i) => d === first.shape[i]))) {
      throw new ShapeError(
        'SHAPE_MISMATCH',
        `stack: shapes ${ts.map((t) => formatShape(t.shape)).join(', ')} differ; every input must have the same shape`,
      );
    }
    const ax = axisArg(axis, first.rank + 1, 'stack');
    const shape = [...first.shape.slice(0, ax), 1, ...first.shape.slice(ax)];
    const expanded = ts.map((t) => ops.temp(reshapeShared(t, shape)));
    if (expanded.length === 1) return reshapeShared(expanded[0]!, shape);
    return runKernel('Concat', expanded, { axis: ax });
  });
}

/**
 * Splits `x` along `axis` into pieces, as PyTorch's `split`: a number is the size of each piece
 * (the last may be smaller); a list gives every piece's size and must sum to the axis size.
 *
 * @example
 * ```ts
 * split(tensor([1, 2, 3, 4, 5]), 2);       // [[1, 2], [3, 4], [5]]
 * split(tensor([1, 2, 3, 4, 5]), [1, 4]);  // [[1], [2, 3, 4, 5]]
 * ```
 */
export function split(x: TensorLike, sizeOrSections: number | readonly number[], axis = 0): Tensor[] {
  return withOperands('split', (ops) => {
    const t = ops.tensor(x, 'x');
    if (t.rank === 0) throw new ShapeError('SHAPE_MISMATCH', 'split: cannot split a scalar (shape []); reshape it to [1] first');
    const ax = axisArg(axis, t.rank, 'split');
    const n = t.shape[ax]!;
    let sizes: number[];
    if (typeof sizeOrSections === 'number') {
      if (!Number.isInteger(sizeOrSections) || sizeOrSections < 1) {
        throw new ArgumentError('INVALID_ARGUMENT', `split: the piece size must be a positive integer, got ${sizeOrSections}`);
      }
      sizes = [];
      for (let s = 0; s < n; s += sizeOrSections) sizes.push(Math.min(sizeOrSections, n - s));
      if (n === 0) sizes.push(0);
    } else if (Array.isArray(sizeOrSections) && sizeOrSections.every((s) => Number.isInteger(s) && s >= 0)) {
      sizes = [...(sizeOrSections as number[])];
      const total = sizes.reduce((p, s) => p + s, 0);
      if (total !== n) {
        throw new ShapeError(
          'SHAPE_MISMATCH',
          `split: sizes ${JSON.stringify(sizes)} sum to ${total}, but axis ${ax} of ${formatShape(t.shape)} has size ${n}; make them sum to ${n}`,
        );
      }
    } else {
      throw new ArgumentError(
        'INVALID_ARGUMENT',
        `split: 'sizeOrSections' must be a positive integer or a list of non-negative integers, got ${describe(sizeOrSections)}`,
      );
    }
    const out: Tensor[] = [];
    let start = 0;
    for (const s of sizes) {
      const begin = t.shape.map((_, i) => (i === ax ? start : 0));
      const size = t.shape.map((d, i) => (i === ax ? s : d));
      out.push(runKernel('Slice', [t], { begin, size, step: t.shape.map(() => 1) }));
      start += s;
    }
    return out;
  });
}
