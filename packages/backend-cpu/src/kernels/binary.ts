import {
  allocValues,
  broadcastShapes,
  shapesEqual,
  sizeFromShape,
  type ArithmeticKernelName,
  type BackendValues,
  type ComparisonKernelName,
  type DType,
  type TensorInfo,
} from '@tensorkit/core';
import type { CpuBackend } from '../backend';
import { assertSameDtype, broadcastStrides, defineCpuKernel, inputAt, stridedCopy, type CpuKernel } from '../util';

type BinaryFn = (a: number, b: number) => number;

/**
 * The one loop family of every binary kernel: `out = fn(a, b)` with NumPy broadcasting. Fast
 * paths for equal shapes and a scalar operand; otherwise a strided walk where a broadcast
 * dimension has stride 0.
 */
function binaryImpl(kernel: string, a: TensorInfo, b: TensorInfo, backend: CpuBackend, fn: BinaryFn, dtype: DType): TensorInfo {
  const av = backend.values(a);
  const bv = backend.values(b);
  if (shapesEqual(a.shape, b.shape)) {
    const n = av.length;
    const out = allocValues(dtype, n);
    for (let i = 0; i < n; i++) out[i] = fn(av[i]!, bv[i]!);
    return backend.makeOutput(out, a.shape, dtype);
  }
  const outShape = broadcastShapes(kernel, a.shape, b.shape);
  const size = sizeFromShape(outShape);
  const out = allocValues(dtype, size);
  if (bv.length === 1 && size === av.length) {
    const s = bv[0]!;
    for (let i = 0; i < size; i++) out[i] = fn(av[i]!, s);
  } else if (av.length === 1 && size === bv.length) {
    const s = av[0]!;
    for (let i = 0; i < size; i++) out[i] = fn(s, bv[i]!);
  } else if (size > 0) {
    binaryStrided(outShape, av, broadcastStrides(a.shape, outShape), bv, broadcastStrides(b.shape, outShape), out, fn);
  }
  return backend.makeOutput(out, outShape, dtype);
}

function binaryStrided(
  shape: readonly number[],
  av: BackendValues,
  aStrides: readonly number[],
  bv: BackendValues,
  bStrides: readonly number[],
  out: BackendValues,
  fn: BinaryFn,
): void {
  const rank = shape.length;
  const n = shape[rank - 1]!;
  const sa = aStrides[rank - 1]!;
  const sb = bStrides[rank - 1]!;
  const idx = new Int32Array(rank);
  let aOff = 0;
  let bOff = 0;
  let o = 0;
  for (let rows = out.length / n; rows > 0; rows--) {
    for (let i = 0, ai = aOff, bi = bOff; i < n; i++, ai += sa, bi += sb) out[o++] = fn(av[ai]!, bv[bi]!);
    for (let ax = rank - 2; ax >= 0; ax--) {
      aOff += aStrides[ax]!;
      bOff += bStrides[ax]!;
      if (++idx[ax]! < shape[ax]!) break;
      idx[ax] = 0;
      aOff -= aStrides[ax]! * shape[ax]!;
      bOff -= bStrides[ax]! * shape[ax]!;
    }
  }
}

/**
 * Python/PyTorch remainder: the result has the sign of the divisor.
 *
 * @example
 * ```ts
 * pythonMod(-1, 3); // 2
 * ```
 */
export function pythonMod(a: number, b: number): number {
  const r = a % b;
  return r !== 0 && r < 0 !== b < 0 ? r + b : r;
}

/**
 * `a ** b` with C/PyTorch special cases where JavaScript differs: `1 ** NaN = 1`,
 * `(-1) ** ±Infinity = 1`.
 *
 * @example
 * ```ts
 * torchPow(1, NaN); // 1
 * ```
 */
export function torchPow(a: number, b: number): number {
  if (a === 1) return 1;
  if (a === -1 && (b === Infinity || b === -Infinity)) return 1;
  return Math.pow(a, b);
}

/** Float function, and the int32 one where it differs. */
const ARITHMETIC: Record<ArithmeticKernelName, readonly [BinaryFn, BinaryFn?]> = {
  Add: [(a, b) => a + b],
  Sub: [(a, b) => a - b],
  Mul: [(a, b) => a * b, (a, b) => Math.imul(a, b)],
  Div: [(a, b) => a / b, (a, b) => (b === 0 ? 0 : Math.floor(a / b))],
  Pow: [torchPow],
  Maximum: [(a, b) => Math.max(a, b)],
  Minimum: [(a, b) => Math.min(a, b)],
  Mod: [pythonMod],
};

const COMPARISON: Record<ComparisonKernelName, BinaryFn> = {
  Equal: (a, b) => (a === b ? 1 : 0),
  NotEqual: (a, b) => (a !== b ? 1 : 0),
  Less: (a, b) => (a < b ? 1 : 0),
  LessEqual: (a, b) => (a <= b ? 1 : 0),
  Greater: (a, b) => (a > b ? 1 : 0),
  GreaterEqual: (a, b) => (a >= b ? 1 : 0),
  LogicalAnd: (a, b) => (a !== 0 && b !== 0 ? 1 : 0),
  LogicalOr: (a, b) => (a !== 0 || b !== 0 ? 1 : 0),
};

/* @__NO_SIDE_EFFECTS__ */
function arithmetic<K extends ArithmeticKernelName>(name: K): CpuKernel<K> {
  const [floatFn, intFn = floatFn] = ARITHMETIC[name];
  return defineCpuKernel(name, ({ inputs, backend }) => {
    const a = inputAt(inputs, 0, name);
    const b = inputAt(inputs, 1, name);
    assertSameDtype(a, b, name);
    const float = a.dtype === 'float32';
    return binaryImpl(name, a, b, backend, float ? floatFn : intFn, float ? 'float32' : 'int32');
  });
}

/* @__NO_SIDE_EFFECTS__ */
function comparison<K extends ComparisonKernelName>(name: K): CpuKernel<K> {
  const fn = COMPARISON[name];
  return defineCpuKernel(name, ({ inputs, backend }) => {
    const a = inputAt(inputs, 0, name);
    const b = inputAt(inputs, 1, name);
    assertSameDtype(a, b, name);
    return binaryImpl(name, a, b, backend, fn, 'bool');
  });
}

/** `a + b`, broadcast. @example `runKernel('Add', [a, b])` */
export const addCpu = arithmetic('Add');
/** `a - b`, broadcast. @example `runKernel('Sub', [a, b])` */
export const subCpu = arithmetic('Sub');
/** `a * b`, broadcast. @example `runKernel('Mul', [a, b])` */
export const mulCpu = arithmetic('Mul');
/** `a / b` (floor division for int32; x/0 is 0 there). @example `runKernel('Div', [a, b])` */
export const divCpu = arithmetic('Div');
/** `a ** b` with PyTorch's special cases. @example `runKernel('Pow', [a, b])` */
export const powCpu = arithmetic('Pow');
/** Elementwise max; NaN propagates. @example `runKernel('Maximum', [a, b])` */
export const maximumCpu = arithmetic('Maximum');
/** Elementwise min; NaN propagates. @example `runKernel('Minimum', [a, b])` */
export const minimumCpu = arithmetic('Minimum');
/** Python/PyTorch remainder (sign of the divisor). @example `runKernel('Mod', [a, b])` */
export const modCpu = arithmetic('Mod');
/** `a == b`; bool. @example `runKernel('Equal', [a, b])` */
export const equalCpu = comparison('Equal');
/** `a != b`; bool. @example `runKernel('NotEqual', [a, b])` */
export const notEqualCpu = comparison('NotEqual');
/** `a < b`; bool. @example `runKernel('Less', [a, b])` */
export const lessCpu = comparison('Less');
/** `a <= b`; bool. @example `runKernel('LessEqual', [a, b])` */
export const lessEqualCpu = comparison('LessEqual');
/** `a > b`; bool. @example `runKernel('Greater', [a, b])` */
export const greaterCpu = comparison('Greater');
/** `a >= b`; bool. @example `runKernel('GreaterEqual', [a, b])` */
export const greaterEqualCpu = comparison('GreaterEqual');
/** `a && b`; bool. @example `runKernel('LogicalAnd', [a, b])` */
export const logicalAndCpu = comparison('LogicalAnd');
/** `a || b`; bool. @example `runKernel('LogicalOr', [a, b])` */
export const logicalOrCpu = comparison('LogicalOr');

/**
 * `x` broadcast to `shape` as a fresh contiguous array (or `x`'s own values if already that shape).
 *
 * @example
 * ```ts
 * broadcastValues(x, backend, [4, 3]);
 * ```
 */
export function broadcastValues(x: TensorInfo, backend: CpuBackend, shape: readonly number[]): BackendValues {
  const xs = backend.values(x);
  if (shapesEqual(x.shape, shape)) return xs;
  const out = allocValues(x.dtype, sizeFromShape(shape));
  stridedCopy(shape, xs, 0, broadcastStrides(x.shape, shape), out, 0, broadcastStrides(shape, shape));
  return out;
}

/**
 * `condition ? a : b`, all three broadcast. Output dtype is `a`'s.
 *
 * @example
 * ```ts
 * runKernel('Where', [cond, a, b]);
 * ```
 */
export const whereCpu = defineCpuKernel('Where', ({ inputs, backend }) => {
  const c = inputAt(inputs, 0, 'Where');
  const a = inputAt(inputs, 1, 'Where');
  const b = inputAt(inputs, 2, 'Where');
  assertSameDtype(a, b, 'Where');
  const shape = broadcastShapes('Where', c.shape, a.shape, b.shape);
  const cv = broadcastValues(c, backend, shape);
  const av = broadcastValues(a, backend, shape);
  const bv = broadcastValues(b, backend, shape);
  const n = sizeFromShape(shape);
  const out = allocValues(a.dtype, n);
  for (let i = 0; i < n; i++) out[i] = cv[i] !== 0 ? av[i]! : bv[i]!;
  return backend.makeOutput(out, shape, a.dtype);
});

/**
 * Every binary (arithmetic, comparison, logic) kernel plus `Where`.
 *
 * @example
 * ```ts
 * use(binaryKernels);
 * ```
 */
export const binaryKernels = [
  addCpu, subCpu, mulCpu, divCpu, powCpu, maximumCpu, minimumCpu, modCpu,
  equalCpu, notEqualCpu, lessCpu, lessEqualCpu, greaterCpu, greaterEqualCpu, logicalAndCpu, logicalOrCpu,
  whereCpu,
] as const;
