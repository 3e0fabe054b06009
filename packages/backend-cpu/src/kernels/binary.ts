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
import { compileZip, type ZipLoop } from '../specialize';
import { assertSameDtype, broadcastStrides, defineCpuKernel, inputAt, stridedCopy, type CpuKernel } from '../util';

type BinaryFn = (a: number, b: number) => number;

/**
 * The one loop of every binary kernel, `out = f(a, b)` with NumPy broadcasting, as a compiled row
 * loop (see `specialize.ts`): equal shapes and a scalar operand are one row with strides 1 or 0;
 * otherwise each innermost row of the output is one call, with a broadcast dimension's stride 0.
 */
function binaryImpl(kernel: string, a: TensorInfo, b: TensorInfo, backend: CpuBackend, row: ZipLoop, dtype: DType): TensorInfo {
  const av = backend.values(a);
  const bv = backend.values(b);
  if (shapesEqual(a.shape, b.shape)) {
    const out = allocValues(dtype, av.length);
    row(out, 0, av, 0, 1, bv, 0, 1, av.length);
    return backend.makeOutput(out, a.shape, dtype);
  }
  const outShape = broadcastShapes(kernel, a.shape, b.shape);
  const size = sizeFromShape(outShape);
  const out = allocValues(dtype, size);
  if (bv.length === 1 && size === av.length) row(out, 0, av, 0, 1, bv, 0, 0, size);
  else if (av.length === 1 && size === bv.length) row(out, 0, av, 0, 0, bv, 0, 1, size);
  else if (size > 0) binaryStrided(outShape, av, broadcastStrides(a.shape, outShape), bv, broadcastStrides(b.shape, outShape), out, row);
  return backend.makeOutput(out, outShape, dtype);
}

/** Walks the output's rows, advancing each operand's offset by its (possibly 0) strides. */
function binaryStrided(
  shape: readonly number[],
  av: BackendValues,
  aStrides: readonly number[],
  bv: BackendValues,
  bStrides: readonly number[],
  out: BackendValues,
  row: ZipLoop,
): void {
  const rank = shape.length;
  const n = shape[rank - 1]!;
  const sa = aStrides[rank - 1]!;
  const sb = bStrides[rank - 1]!;
  const idx = new Int32Array(rank);
  let aOff = 0;
  let bOff = 0;
  for (let o = 0; o < out.length; o += n) {
    row(out, o, av, aOff, sa, bv, bOff, sb, n);
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

/**
 * Each binary kernel's element function as source for the compiled loop (`a`, `b`; `null`: it
 * calls a helper, so the generic loop runs) and as the same function for the fallback.
 */
type BinaryDef = readonly [string | null, BinaryFn];

/** Float definition, and the int32 one where it differs. */
const ARITHMETIC: Record<ArithmeticKernelName, readonly [BinaryDef, BinaryDef?]> = {
  Add: [['a + b', (a, b) => a + b]],
  Sub: [['a - b', (a, b) => a - b]],
  Mul: [['a * b', (a, b) => a * b], ['Math.imul(a, b)', (a, b) => Math.imul(a, b)]],
  Div: [['a / b', (a, b) => a / b], ['b === 0 ? 0 : Math.floor(a / b)', (a, b) => (b === 0 ? 0 : Math.floor(a / b))]],
  Pow: [[null, torchPow]],
  Maximum: [['Math.max(a, b)', (a, b) => Math.max(a, b)]],
  Minimum: [['Math.min(a, b)', (a, b) => Math.min(a, b)]],
  Mod: [[null, pythonMod]],
};

const COMPARISON: Record<ComparisonKernelName, BinaryDef> = {
  Equal: ['a === b ? 1 : 0', (a, b) => (a === b ? 1 : 0)],
  NotEqual: ['a !== b ? 1 : 0', (a, b) => (a !== b ? 1 : 0)],
  Less: ['a < b ? 1 : 0', (a, b) => (a < b ? 1 : 0)],
  LessEqual: ['a <= b ? 1 : 0', (a, b) => (a <= b ? 1 : 0)],
  Greater: ['a > b ? 1 : 0', (a, b) => (a > b ? 1 : 0)],
  GreaterEqual: ['a >= b ? 1 : 0', (a, b) => (a >= b ? 1 : 0)],
  LogicalAnd: ['a !== 0 && b !== 0 ? 1 : 0', (a, b) => (a !== 0 && b !== 0 ? 1 : 0)],
  LogicalOr: ['a !== 0 || b !== 0 ? 1 : 0', (a, b) => (a !== 0 || b !== 0 ? 1 : 0)],
};

/** A compiled-on-first-use row loop for one definition. */
function lazyZip([expr, fn]: BinaryDef): () => ZipLoop {
  let loop: ZipLoop | undefined;
  return () => (loop ??= compileZip(expr, fn));
}

/* @__NO_SIDE_EFFECTS__ */
function arithmetic<K extends ArithmeticKernelName>(name: K): CpuKernel<K> {
  const [floatDef, intDef = floatDef] = ARITHMETIC[name];
  const floatLoop = lazyZip(floatDef);
  const intLoop = lazyZip(intDef);
  return defineCpuKernel(name, ({ inputs, backend }) => {
    const a = inputAt(inputs, 0, name);
    const b = inputAt(inputs, 1, name);
    assertSameDtype(a, b, name);
    const float = a.dtype === 'float32';
    return binaryImpl(name, a, b, backend, float ? floatLoop() : intLoop(), float ? 'float32' : 'int32');
  });
}

/* @__NO_SIDE_EFFECTS__ */
function comparison<K extends ComparisonKernelName>(name: K): CpuKernel<K> {
  const loop = lazyZip(COMPARISON[name]);
  return defineCpuKernel(name, ({ inputs, backend }) => {
    const a = inputAt(inputs, 0, name);
    const b = inputAt(inputs, 1, name);
    assertSameDtype(a, b, name);
    return binaryImpl(name, a, b, backend, loop(), 'bool');
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
