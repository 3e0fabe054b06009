import { ArgumentError, ShapeError, formatShape } from '@tensorkit/core';
import type { TensorLike } from '../convert';
import { runKernel } from '../engine';
import type { Tensor } from '../tensor';
import { describe, reshapeShared, withOperands } from './operands';

/**
 * One axis of a {@link slice}: `[start, stop, step]` as in Python's `x[start:stop:step]`. Each
 * entry may be `null` or left out for its default (0, the axis size, 1); `null` for the whole
 * entry keeps the whole axis.
 */
export type SliceSpec = readonly [start?: number | null, stop?: number | null, step?: number | null] | null;

function bound(v: number | null | undefined, n: number, dflt: number, name: string, axis: number): number {
  if (v === null || v === undefined) return dflt;
  if (typeof v !== 'number' || !Number.isInteger(v)) {
    throw new ArgumentError('INVALID_ARGUMENT', `slice: ${name} of axis ${axis} must be an integer or null, got ${describe(v)}`);
  }
  const i = v < 0 ? v + n : v;
  return Math.min(Math.max(i, 0), n);
}

/**
 * Python/NumPy basic slicing: one `[start, stop, step]` per leading axis, with negative indices
 * counting from the end, `null` for an open end, out-of-range bounds clipped, and positive steps.
 * Axes without an entry are kept whole.
 *
 * @example
 * ```ts
 * const x = tensor([[1, 2, 3], [4, 5, 6]]);
 * slice(x, [[1, null]]);             // [[4, 5, 6]]            (x[1:])
 * slice(x, [[null], [-2, null]]);    // [[2, 3], [5, 6]]       (x[:, -2:])
 * slice(x, [null, [0, 3, 2]]);       // [[1, 3], [4, 6]]       (x[:, ::2])
 * ```
 */
export function slice(x: TensorLike, slices: readonly SliceSpec[]): Tensor {
  return withOperands('slice', (ops) => {
    const t = ops.tensor(x, 'x');
    if (!Array.isArray(slices)) {
      throw new ArgumentError('INVALID_ARGUMENT', `slice: 'slices' must be a list of [start, stop, step] per axis, got ${describe(slices)}`);
    }
    if (slices.length > t.rank) {
      throw new ShapeError(
        'SHAPE_MISMATCH',
        `slice: ${slices.length} slices for a tensor of shape ${formatShape(t.shape)} (rank ${t.rank}); give at most one per axis`,
      );
    }
    const begin: number[] = [];
    const size: number[] = [];
    const step: number[] = [];
    t.shape.forEach((n, axis) => {
      const spec: SliceSpec | undefined = slices[axis];
      if (spec !== null && spec !== undefined && (!Array.isArray(spec) || spec.length > 3)) {
        throw new ArgumentError('INVALID_ARGUMENT', `slice: entry ${axis} must be [start, stop, step] or null, got ${describe(spec)}`);
      }
      const [s0, s1, s2] = spec ?? [];
      const st = s2 === null || s2 === undefined ? 1 : s2;
      if (typeof st !== 'number' || !Number.isInteger(st) || st < 1) {
        throw new ArgumentError('INVALID_ARGUMENT', `slice: step of axis ${axis} must be a positive integer, got ${describe(st)}`);
      }
      const b = bound(s0, n, 0, 'start', axis);
      const e = bound(s1, n, n, 'stop', axis);
      begin.push(b);
      size.push(e > b ? Math.ceil((e - b) / st) : 0);
      step.push(st);
    });
    if (size.every((s, i) => s === t.shape[i])) return reshapeShared(t, t.shape);
    return runKernel('Slice', [t], { begin, size, step });
  });
}
