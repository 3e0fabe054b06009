import {
  ArgumentError,
  allocValues,
  computeStrides,
  normalizeAxis,
  sizeFromShape,
  type BackendValues,
  type DType,
  type ReductionKernelName,
  type TensorInfo,
} from '@tensorkit/core';
import type { CpuBackend } from '../backend';
import { compileAccumulate, compileFold, type AccumulateLoop, type FoldLoop } from '../specialize';
import { defineCpuKernel, inputAt, stridedCopy, type CpuKernel } from '../util';

/**
 * The `[outer, reduced, inner]` view of `x` for reducing `axes`. A contiguous run of axes is
 * viewed in place; otherwise the reduced axes are permuted innermost (one copy).
 */
function reductionView(
  x: TensorInfo,
  xs: BackendValues,
  axes: readonly number[],
): { values: BackendValues; outer: number; reduced: number; inner: number; outShape: number[] } {
  const shape = x.shape;
  const outShape = shape.filter((_, i) => !axes.includes(i));
  const reduced = axes.reduce((p, a) => p * shape[a]!, 1);
  const contiguous = axes.every((a, i) => i === 0 || a === axes[i - 1]! + 1);
  if (axes.length === 0 || contiguous) {
    const first = axes[0] ?? shape.length;
    const last = axes[axes.length - 1] ?? shape.length - 1;
    const outer = sizeFromShape(shape.slice(0, first));
    const inner = sizeFromShape(shape.slice(last + 1));
    return { values: xs, outer, reduced, inner, outShape };
  }
  const kept = shape.map((_, i) => i).filter((i) => !axes.includes(i));
  const perm = [...kept, ...axes];
  const strides = computeStrides(shape);
  const permShape = perm.map((p) => shape[p]!);
  const values = allocValues(x.dtype, xs.length);
  stridedCopy(permShape, xs, 0, perm.map((p) => strides[p]!), values, 0, computeStrides(permShape));
  return { values, outer: sizeFromShape(outShape), reduced, inner: 1, outShape };
}

type Reducer = (acc: number, v: number) => number;

/** A reduction's compiled loops (see `specialize.ts`). */
interface ReductionLoops {
  /** Folds one contiguous block (reduced axes innermost). */
  fold: FoldLoop;
  /** Combines one row into the accumulators (reduced axes outside the kept inner ones). */
  accumulate: AccumulateLoop;
}

/** The one reduction loop: folds the reduced block of every output element, in float64. */
function reduceImpl(
  kernel: string,
  x: TensorInfo,
  axes: readonly number[],
  backend: CpuBackend,
  loops: ReductionLoops,
  init: number,
  dtype: DType,
): TensorInfo {
  const norm = axes.map((a) => normalizeAxis(a, x.shape.length, kernel));
  const { values, outer, reduced, inner, outShape } = reductionView(x, backend.values(x), norm);
  const out = allocValues(dtype, outer * inner);
  if (inner === 1) {
    for (let o = 0; o < outer; o++) out[o] = loops.fold(values, o * reduced, reduced, init);
    return backend.makeOutput(out, outShape, dtype);
  }
  const acc = new Float64Array(inner);
  for (let o = 0; o < outer; o++) {
    acc.fill(init);
    const base = o * reduced * inner;
    for (let r = 0; r < reduced; r++) loops.accumulate(acc, values, base + r * inner, inner);
    out.set(acc, o * inner);
  }
  return backend.makeOutput(out, outShape, dtype);
}

/** Each reduction: its step as source (`acc`, `v`) and as a function, its start value, its output dtype. */
const REDUCERS: Record<ReductionKernelName, readonly [string, Reducer, number, (d: DType) => DType]> = {
  Sum: ['acc + v', (acc, v) => acc + v, 0, (d) => (d === 'float32' ? d : 'int32')],
  Prod: ['acc * v', (acc, v) => acc * v, 1, (d) => (d === 'float32' ? d : 'int32')],
  Max: ['v > acc || v !== v ? v : acc', (acc, v) => (v > acc || v !== v ? v : acc), -Infinity, (d) => d],
  Min: ['v < acc || v !== v ? v : acc', (acc, v) => (v < acc || v !== v ? v : acc), Infinity, (d) => d],
  All: ['v === 0 ? 0 : acc', (acc, v) => (v === 0 ? 0 : acc), 1, () => 'bool'],
  Any: ['v !== 0 ? 1 : acc', (acc, v) => (v !== 0 ? 1 : acc), 0, () => 'bool'],
};

/* @__NO_SIDE_EFFECTS__ */
function reduction<K extends ReductionKernelName>(name: K): CpuKernel<K> {
  const [expr, op, init, outDtype] = REDUCERS[name];
  let loops: ReductionLoops | undefined; // compiled on first use
  return defineCpuKernel(name, ({ inputs, attrs, backend }) => {
    const x = inputAt(inputs, 0, name);
    loops ??= { fold: compileFold(expr, op), accumulate: compileAccumulate(expr, op) };
    return reduceImpl(name, x, attrs.axes, backend, loops, init, outDtype(x.dtype));
  });
}

/** Sum over `axes` (bool/int32 give int32). @example `runKernel('Sum', [x], { axes: [0] })` */
export const sumCpu = reduction('Sum');
/** Product over `axes`. @example `runKernel('Prod', [x], { axes: [1] })` */
export const prodCpu = reduction('Prod');
/** Max over `axes`; NaN propagates. @example `runKernel('Max', [x], { axes: [0, 1] })` */
export const maxCpu = reduction('Max');
/** Min over `axes`; NaN propagates. @example `runKernel('Min', [x], { axes: [1] })` */
export const minCpu = reduction('Min');
/** Logical and over `axes`; bool. @example `runKernel('All', [x], { axes: [0] })` */
export const allCpu = reduction('All');
/** Logical or over `axes`; bool. @example `runKernel('Any', [x], { axes: [0] })` */
export const anyCpu = reduction('Any');

/** Index of the max (or min) along one axis; first occurrence on ties, NaN counts as extreme. */
function argImpl(kernel: string, x: TensorInfo, axisAttr: number, backend: CpuBackend, max: boolean): TensorInfo {
  const axis = normalizeAxis(axisAttr, x.shape.length, kernel);
  const xs = backend.values(x);
  const n = x.shape[axis] ?? 1;
  if (n === 0) {
    throw new ArgumentError('INVALID_ARGUMENT', `${kernel} (cpu): axis ${axis} of shape [${x.shape.join(',')}] is empty`);
  }
  const outer = sizeFromShape(x.shape.slice(0, axis));
  const inner = sizeFromShape(x.shape.slice(axis + 1));
  const out = new Int32Array(outer * inner);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      let p = o * n * inner + i;
      let best = xs[p]!;
      let bestIdx = 0;
      for (let r = 1; r < n; r++) {
        p += inner;
        const v = xs[p]!;
        if (best === best && (v !== v || (max ? v > best : v < best))) {
          best = v;
          bestIdx = r;
        }
      }
      out[o * inner + i] = bestIdx;
    }
  }
  return backend.makeOutput(out, x.shape.filter((_, i) => i !== axis), 'int32');
}

/** Index of the max along `axis` (int32). @example `runKernel('ArgMax', [x], { axis: -1 })` */
export const argMaxCpu = defineCpuKernel('ArgMax', ({ inputs, attrs, backend }) =>
  argImpl('ArgMax', inputAt(inputs, 0, 'ArgMax'), attrs.axis, backend, true),
);
/** Index of the min along `axis` (int32). @example `runKernel('ArgMin', [x], { axis: 0 })` */
export const argMinCpu = defineCpuKernel('ArgMin', ({ inputs, attrs, backend }) =>
  argImpl('ArgMin', inputAt(inputs, 0, 'ArgMin'), attrs.axis, backend, false),
);

/**
 * Every reduction kernel.
 *
 * @example
 * ```ts
 * use(reductionKernels);
 * ```
 */
export const reductionKernels = [sumCpu, prodCpu, maxCpu, minCpu, allCpu, anyCpu, argMaxCpu, argMinCpu] as const;
