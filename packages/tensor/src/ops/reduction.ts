import {
  ArgumentError, ShapeError, formatShape, reducedShape, type ReductionKernelName,
} from '@tensorkit/core';
import type { TensorLike } from '../convert';
import { runKernel } from '../engine';
import type { Tensor } from '../tensor';
import { tidy } from '../tidy';
import { axesArg, axisArg, keepDimsArg } from './args';
import { abs, exp, log, sqrt, square } from './unary';
import { add, div, equal, pow, sub } from './binary';
import { castTo, describe, floatOperand, optionsOf, reshapeShared, withOperands, type Operands } from './operands';
import { where } from './where';

/** An axis argument: one axis, several, or `undefined`/`null` for all of them. */
export type Axis = number | readonly number[] | null | undefined;

type Prepare = (ops: Operands, t: Tensor) => Tensor;

/** Reshapes a reduced result to keep the reduced axes as size 1, freeing the unreshaped one. */
function keepDimsOf(r: Tensor, shape: readonly number[], axes: readonly number[], keepDims: boolean): Tensor {
  if (!keepDims) return r;
  const out = reshapeShared(r, reducedShape(shape, axes, true));
  r.dispose();
  return out;
}

function assertNotEmpty(t: Tensor, axes: readonly number[], op: string): void {
  if (axes.some((a) => t.shape[a] === 0) || (t.size === 0 && axes.length === t.rank)) {
    throw new ShapeError(
      'SHAPE_MISMATCH',
      `${op}: cannot reduce the empty tensor ${formatShape(t.shape)} over axis ${JSON.stringify(axes)}; it has no identity element`,
    );
  }
}

function reduce(kernel: ReductionKernelName, op: string, x: TensorLike, axis: Axis, keepDims: boolean | undefined, prepare: Prepare): Tensor {
  return withOperands(op, (ops) => {
    const t0 = ops.tensor(x, 'x');
    const axes = axesArg(axis, t0.rank, op);
    const keep = keepDimsArg(keepDims, op);
    if (kernel === 'Max' || kernel === 'Min') assertNotEmpty(t0, axes, op);
    const t = prepare(ops, t0);
    return keepDimsOf(runKernel(kernel, [t], { axes }), t.shape, axes, keep);
  });
}

const toInt: Prepare = (ops, t) => (t.dtype === 'bool' ? castTo(ops, t, 'int32') : t);
const toBool: Prepare = (ops, t) => castTo(ops, t, 'bool');
const asIs: Prepare = (_ops, t) => t;

/**
 * Sum over `axis` (every axis when omitted). Int32 and bool sum to int32.
 *
 * @example
 * ```ts
 * sum(tensor([[1, 2], [3, 4]]));           // 10
 * sum(tensor([[1, 2], [3, 4]]), 1);        // [3, 7]
 * sum(tensor([[1, 2], [3, 4]]), 0, true);  // [[4, 6]]
 * ```
 */
export function sum(x: TensorLike, axis?: Axis, keepDims = false): Tensor {
  return reduce('Sum', 'sum', x, axis, keepDims, toInt);
}

/**
 * Product over `axis`. Int32 and bool give int32.
 *
 * @example
 * ```ts
 * prod(tensor([[1, 2], [3, 4]]), -1); // [2, 12]
 * ```
 */
export function prod(x: TensorLike, axis?: Axis, keepDims = false): Tensor {
  return reduce('Prod', 'prod', x, axis, keepDims, toInt);
}

/**
 * Maximum over `axis` (the values only; see {@link argMax} for the indices). NaN propagates.
 *
 * @example
 * ```ts
 * max(tensor([[1, 5], [3, 2]]), 0); // [3, 5]
 * ```
 */
export function max(x: TensorLike, axis?: Axis, keepDims = false): Tensor {
  return reduce('Max', 'max', x, axis, keepDims, asIs);
}

/**
 * Minimum over `axis`. NaN propagates.
 *
 * @example
 * ```ts
 * min(tensor([[1, 5], [3, 2]]), 1); // [1, 2]
 * ```
 */
export function min(x: TensorLike, axis?: Axis, keepDims = false): Tensor {
  return reduce('Min', 'min', x, axis, keepDims, asIs);
}

/**
 * True where every element over `axis` is non-zero (bool).
 *
 * @example
 * ```ts
 * all(tensor([[true, false], [true, true]]), 1); // [false, true]
 * ```
 */
export function all(x: TensorLike, axis?: Axis, keepDims = false): Tensor {
  return reduce('All', 'all', x, axis, keepDims, toBool);
}

/**
 * True where any element over `axis` is non-zero (bool).
 *
 * @example
 * ```ts
 * any(tensor([[true, false], [false, false]]), 1); // [true, false]
 * ```
 */
export function any(x: TensorLike, axis?: Axis, keepDims = false): Tensor {
  return reduce('Any', 'any', x, axis, keepDims, toBool);
}

/**
 * Arithmetic mean over `axis`, in float32 (integer input included).
 *
 * @example
 * ```ts
 * mean(tensor([[1, 2], [3, 4]]));     // 2.5
 * mean(tensor([[1, 2], [3, 4]]), 0);  // [2, 3]
 * ```
 */
export function mean(x: TensorLike, axis?: Axis, keepDims = false): Tensor {
  return withOperands('mean', (ops) => {
    const t0 = ops.tensor(x, 'x');
    const axes = axesArg(axis, t0.rank, 'mean');
    const keep = keepDimsArg(keepDims, 'mean');
    const t = castTo(ops, t0, 'float32');
    const count = axes.reduce((p, a) => p * t.shape[a]!, 1);
    const s = ops.temp(runKernel('Sum', [t], { axes }));
    const n = ops.tensor(count, 'count');
    return keepDimsOf(runKernel('Div', [s, n], {}), t.shape, axes, keep);
  });
}

/**
 * `log(sum(exp(x)))` over `axis`, computed stably by shifting with the maximum, so entries of
 * ±1000 give exact results. All `-Infinity` gives `-Infinity`.
 *
 * @example
 * ```ts
 * logSumExp(tensor([1000, 1000])); // 1000.6931
 * logSumExp(tensor([[0, 0], [1, 1]]), 1); // [0.6931, 1.6931]
 * ```
 */
export function logSumExp(x: TensorLike, axis?: Axis, keepDims = false): Tensor {
  return tidy(() => {
    const op = 'logSumExp';
    const t = floatOperand(x, op);
    const axes = axesArg(axis, t.rank, op);
    const keep = keepDimsArg(keepDims, op);
    assertNotEmpty(t, axes, op);
    const keptShape = reducedShape(t.shape, axes, true);
    const m = runKernel('Max', [t], { axes });
    // An infinite maximum (all -Infinity, or +Infinity) is not a usable shift: use 0 there.
    const shift = where(equal(abs(m), Infinity), 0, m);
    const shifted = sub(t, reshapeShared(shift, keptShape));
    const s = runKernel('Sum', [exp(shifted)], { axes });
    const out = add(log(s), shift);
    return keep ? reshapeShared(out, keptShape) : out;
  });
}

function argReduce(kernel: 'ArgMax' | 'ArgMin', op: string, x: TensorLike, axis: number | undefined, keepDims: boolean | undefined): Tensor {
  return withOperands(op, (ops) => {
    let t = ops.tensor(x, 'x');
    const keep = keepDimsArg(keepDims, op);
    if (t.dtype === 'bool') t = castTo(ops, t, 'int32');
    if (t.size === 0) {
      throw new ShapeError('SHAPE_MISMATCH', `${op}: the tensor ${formatShape(t.shape)} is empty; there is no index to return`);
    }
    if (axis === undefined || axis === null) {
      const flat = ops.temp(reshapeShared(t, [t.size]));
      const r = runKernel(kernel, [flat], { axis: 0 });
      if (!keep) return r;
      const out = reshapeShared(r, t.shape.map(() => 1));
      r.dispose();
      return out;
    }
    const ax = axisArg(axis, t.rank, op);
    if (t.rank === 0) return runKernel(kernel, [ops.temp(reshapeShared(t, [1]))], { axis: 0 });
    return keepDimsOf(runKernel(kernel, [t], { axis: ax }), t.shape, [ax], keep);
  });
}

/**
 * Index of the maximum along `axis` (int32). Without `axis`, the index into the flattened tensor.
 * Ties give the first index.
 *
 * @example
 * ```ts
 * argMax(tensor([[1, 5], [3, 2]]), 1); // [1, 0]
 * argMax(tensor([[1, 5], [3, 2]]));    // 1
 * ```
 */
export function argMax(x: TensorLike, axis?: number, keepDims = false): Tensor {
  return argReduce('ArgMax', 'argMax', x, axis, keepDims);
}

/**
 * Index of the minimum along `axis` (int32). Without `axis`, the index into the flattened tensor.
 *
 * @example
 * ```ts
 * argMin(tensor([[1, 5], [3, 2]]), 0); // [0, 1]
 * ```
 */
export function argMin(x: TensorLike, axis?: number, keepDims = false): Tensor {
  return argReduce('ArgMin', 'argMin', x, axis, keepDims);
}

/** Options of {@link variance} and {@link std}. */
export interface VarianceOptions {
  /** The axes to reduce; all when omitted. */
  axis?: Axis;
  /** Keep the reduced axes with size 1. Default false. */
  keepDims?: boolean;
  /** Divide by `n - 1` (Bessel's correction, PyTorch's default) instead of `n`. Default true. */
  unbiased?: boolean;
}

function varianceImpl(x: TensorLike, options: VarianceOptions | undefined, op: string): Tensor {
  return tidy(() => {
    const { axis, keepDims, unbiased = true } = optionsOf(options, op, ['axis', 'keepDims', 'unbiased']);
    const t = floatOperand(x, op);
    const axes = axesArg(axis, t.rank, op);
    const keep = keepDimsArg(keepDims, op);
    if (typeof unbiased !== 'boolean') {
      throw new ArgumentError('INVALID_ARGUMENT', `${op}: 'unbiased' must be true or false, got ${describe(unbiased)}`);
    }
    const n = axes.reduce((p, a) => p * t.shape[a]!, 1);
    const m = mean(t, axes, true);
    const ss = sum(square(sub(t, m)), axes, keep);
    return div(ss, unbiased ? n - 1 : n);
  });
}

/**
 * Variance over `axis`. Unbiased (divides by `n - 1`) by default, as in PyTorch; pass
 * `unbiased: false` for the population variance.
 *
 * @example
 * ```ts
 * variance(tensor([1, 2, 3, 4]));                     // 1.6667
 * variance(tensor([1, 2, 3, 4]), { unbiased: false }); // 1.25
 * variance(tensor([[1, 2], [3, 5]]), { axis: 1 });     // [0.5, 2]
 * ```
 */
export function variance(x: TensorLike, options?: VarianceOptions): Tensor {
  return varianceImpl(x, options, 'variance');
}

/**
 * Standard deviation over `axis`: the square root of {@link variance} (unbiased by default).
 *
 * @example
 * ```ts
 * std(tensor([1, 2, 3, 4]), { unbiased: false }); // 1.1180
 * ```
 */
export function std(x: TensorLike, options?: VarianceOptions): Tensor {
  return tidy(() => sqrt(varianceImpl(x, options, 'std')));
}

/** The order of a {@link norm}: a positive number, `Infinity`, or `'fro'` (same as 2). */
export type NormOrd = number | 'fro';

/**
 * The vector norm of the elements over `axis` (all elements when omitted): `ord` 1 is the sum of
 * absolute values, 2 (default) and `'fro'` the Euclidean/Frobenius norm, `Infinity` the largest
 * absolute value, and any other positive `p` gives `(Σ|x|^p)^(1/p)`.
 *
 * @example
 * ```ts
 * norm(tensor([3, -4]));            // 5
 * norm(tensor([3, -4]), 1);         // 7
 * norm(tensor([3, -4]), Infinity);  // 4
 * norm(tensor([[1, 2], [3, 4]]), 'fro', 1); // [2.2361, 5]
 * ```
 */
export function norm(x: TensorLike, ord: NormOrd = 2, axis?: Axis, keepDims = false): Tensor {
  const op = 'norm';
  if (ord !== 'fro' && (typeof ord !== 'number' || Number.isNaN(ord) || ord <= 0)) {
    throw new ArgumentError('INVALID_ARGUMENT', `norm: 'ord' must be a positive number, Infinity or 'fro', got ${describe(ord)}`);
  }
  return tidy(() => {
    const t = floatOperand(x, op);
    const axes = axesArg(axis, t.rank, op);
    const keep = keepDimsArg(keepDims, op);
    const a = abs(t);
    if (ord === Infinity) return max(a, axes, keep);
    if (ord === 1) return sum(a, axes, keep);
    if (ord === 2 || ord === 'fro') return sqrt(sum(square(a), axes, keep));
    return pow(sum(pow(a, ord), axes, keep), 1 / ord);
  });
}
