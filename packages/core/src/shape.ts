import { ArgumentError, ShapeError } from './errors';

/**
 * Formats a shape for error messages: `[2,3]`.
 *
 * @example
 * ```ts
 * formatShape([2, 3]); // '[2,3]'
 * ```
 */
export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(',')}]`;
}

/**
 * The number of elements of a shape (1 for a scalar).
 *
 * @example
 * ```ts
 * sizeFromShape([2, 3, 4]); // 24
 * ```
 */
export function sizeFromShape(shape: readonly number[]): number {
  let size = 1;
  for (const d of shape) size *= d;
  return size;
}

/**
 * Row-major strides, in elements.
 *
 * @example
 * ```ts
 * computeStrides([2, 3, 4]); // [12, 4, 1]
 * ```
 */
export function computeStrides(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let stride = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = stride;
    stride *= shape[i]!;
  }
  return strides;
}

/**
 * True when two shapes are equal.
 *
 * @example
 * ```ts
 * shapesEqual([2, 3], [2, 3]); // true
 * ```
 */
export function shapesEqual(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/**
 * Checks that `shape` is a list of non-negative integers, naming `op` in the error.
 *
 * @example
 * ```ts
 * assertValidShape([2, -1], 'zeros'); // throws ShapeError INVALID_SHAPE
 * ```
 */
export function assertValidShape(shape: readonly number[], op: string): void {
  if (!Array.isArray(shape) || shape.some((d) => !Number.isInteger(d) || d < 0)) {
    throw new ShapeError(
      'INVALID_SHAPE',
      `${op}: shape ${Array.isArray(shape) ? formatShape(shape) : String(shape)} is not a list of non-negative integers`,
    );
  }
}

/**
 * The NumPy broadcast of several shapes. Throws a `ShapeError` naming `op` and every shape.
 *
 * @example
 * ```ts
 * broadcastShapes('add', [3, 1, 4], [5, 1]); // [3, 5, 4]
 * ```
 */
export function broadcastShapes(op: string, ...shapes: (readonly number[])[]): number[] {
  const rank = Math.max(0, ...shapes.map((s) => s.length));
  const out = new Array<number>(rank).fill(1);
  for (const s of shapes) {
    const offset = rank - s.length;
    for (let i = 0; i < s.length; i++) {
      const d = s[i]!;
      const o = out[offset + i]!;
      if (d === o || d === 1) continue;
      if (o === 1) {
        out[offset + i] = d;
        continue;
      }
      throw new ShapeError(
        'SHAPE_MISMATCH',
        `${op}: shapes ${shapes.map(formatShape).join(' and ')} do not broadcast ` +
          `(dimension ${i - s.length} is ${d} vs ${o}); make the sizes equal or 1, e.g. with reshape or expandDims`,
      );
    }
  }
  return out;
}

/**
 * Normalises one axis (negative counts from the end) for a tensor of rank `rank`.
 *
 * @example
 * ```ts
 * normalizeAxis(-1, 3, 'softmax'); // 2
 * ```
 */
export function normalizeAxis(axis: number, rank: number, op: string): number {
  if (!Number.isInteger(axis) || axis < -rank || axis >= Math.max(rank, 1)) {
    throw new ArgumentError(
      'INVALID_AXIS',
      `${op}: axis ${String(axis)} is out of range for a tensor of rank ${rank}; use an integer in [${-rank}, ${Math.max(rank - 1, 0)}]`,
    );
  }
  return axis < 0 ? axis + rank : axis;
}

/**
 * Normalises an axis argument to a sorted list of unique non-negative axes.
 * `undefined` or `null` means every axis.
 *
 * @example
 * ```ts
 * normalizeAxes([-1, 0], 3, 'sum'); // [0, 2]
 * normalizeAxes(undefined, 2, 'sum'); // [0, 1]
 * ```
 */
export function normalizeAxes(axis: number | readonly number[] | null | undefined, rank: number, op: string): number[] {
  if (axis === undefined || axis === null) return Array.from({ length: rank }, (_, i) => i);
  const list = typeof axis === 'number' ? [axis] : axis;
  const out = list.map((a) => normalizeAxis(a, rank, op));
  const unique = [...new Set(out)].sort((a, b) => a - b);
  if (unique.length !== out.length) {
    throw new ArgumentError('INVALID_AXIS', `${op}: axis ${JSON.stringify(list)} repeats an axis; list each axis once`);
  }
  return unique;
}

/**
 * Resolves a reshape target with at most one `-1` against `size` elements.
 *
 * @example
 * ```ts
 * inferReshape([2, -1], 6, 'reshape'); // [2, 3]
 * ```
 */
export function inferReshape(shape: readonly number[], size: number, op: string, from?: readonly number[]): number[] {
  const from_ = from ? ` from ${formatShape(from)}` : '';
  const inferred = shape.filter((d) => d === -1).length;
  if (inferred > 1 || shape.some((d) => !Number.isInteger(d) || d < -1)) {
    throw new ShapeError(
      'INVALID_SHAPE',
      `${op}: cannot reshape${from_} to ${formatShape(shape)}; use non-negative sizes and at most one -1`,
    );
  }
  const known = shape.reduce((p, d) => (d === -1 ? p : p * d), 1);
  const out = shape.map((d) => (d === -1 ? (known === 0 ? 0 : size / known) : d));
  if (!out.every(Number.isInteger) || sizeFromShape(out) !== size) {
    throw new ShapeError(
      'SHAPE_MISMATCH',
      `${op}: cannot reshape${from_} (${size} elements) to ${formatShape(shape)}; the sizes must multiply to ${size}`,
    );
  }
  return out;
}

/**
 * The shape after reducing `axes` (sorted) out of `shape`, with or without kept dims.
 *
 * @example
 * ```ts
 * reducedShape([2, 3, 4], [1], false); // [2, 4]
 * reducedShape([2, 3, 4], [1], true);  // [2, 1, 4]
 * ```
 */
export function reducedShape(shape: readonly number[], axes: readonly number[], keepDims: boolean): number[] {
  const out: number[] = [];
  shape.forEach((d, i) => {
    if (!axes.includes(i)) out.push(d);
    else if (keepDims) out.push(1);
  });
  return out;
}
