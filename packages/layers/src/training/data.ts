import { ArgumentError, ShapeError, formatShape } from '@tensorkit/core';
import { indexSelect, isTensor, slice, tensor, type Tensor } from '@tensorkit/tensor';

/**
 * Checks that `x` (and `y`) are tensors with the same number of samples on axis 0, and
 * returns that number.
 */
export function sampleCount(op: string, x: unknown, y?: unknown): number {
  if (!isTensor(x)) throw new ArgumentError('INVALID_ARGUMENT', `${op}: x must be a Tensor with samples on axis 0, got ${typeof x}`);
  if (x.shape.length === 0) throw new ShapeError('INVALID_SHAPE', `${op}: x is a scalar; it needs a batch axis first, e.g. shape [samples, features]`);
  const n = x.shape[0]!;
  if (y !== undefined) {
    if (!isTensor(y)) throw new ArgumentError('INVALID_ARGUMENT', `${op}: y must be a Tensor with samples on axis 0, got ${typeof y}`);
    if (y.shape.length === 0 || y.shape[0] !== n) {
      throw new ShapeError('SHAPE_MISMATCH', `${op}: x ${formatShape(x.shape)} has ${n} samples but y ${formatShape(y.shape)} has ${y.shape[0] ?? 0}; both need one row per sample`);
    }
  }
  if (n === 0) throw new ShapeError('INVALID_SHAPE', `${op}: x has no samples`);
  return n;
}

/** Rows `[start, end)` of `t` (axis 0), without copying on backends that share views. */
export function rows(t: Tensor, start: number, end: number): Tensor {
  return slice(t, [[start, end]]);
}

/** Rows picked by `indices` (axis 0). */
export function pick(t: Tensor, indices: Int32Array): Tensor {
  const idx = tensor(indices, [indices.length], 'int32');
  try {
    return indexSelect(t, idx, 0);
  } finally {
    idx.dispose();
  }
}

/** A small seeded generator (mulberry32) for shuffling on the host, so no step reads the device. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A Fisher–Yates permutation of `0..n-1`. */
export function permutation(n: number, random: () => number): Int32Array {
  const p = Int32Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = p[i]!;
    p[i] = p[j]!;
    p[j] = t;
  }
  return p;
}

/** The `[start, end)` bounds of each batch of `batchSize` over `n` samples (the last may be smaller). */
export function batchBounds(n: number, batchSize: number): [number, number][] {
  const out: [number, number][] = [];
  for (let s = 0; s < n; s += batchSize) out.push([s, Math.min(n, s + batchSize)]);
  return out;
}
