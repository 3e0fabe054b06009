import { allocValues, type DType, type KernelAttrMap, type KernelName, type TensorInfo, type UnaryKernelName } from '@tensorkit/core';
import type { CpuBackend } from '../backend';
import { compileMap, genericMap, type MapLoop } from '../specialize';
import { defineCpuKernel, inputAt, type CpuKernel } from '../util';

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
const SQRT_PI = Math.sqrt(Math.PI);

/**
 * The error function in float64, accurate to a few ulp: a positive-term series for |x| < 2.5
 * (`erf x = 2/√π · e^{-x²} · Σ (2x²)ⁿ x / (2n+1)!!`, no cancellation) and the continued fraction
 * of `erfc` above.
 *
 * @example
 * ```ts
 * erf(1); // 0.8427007929497149
 * ```
 */
export function erf(x: number): number {
  if (x !== x) return NaN;
  const ax = Math.abs(x);
  if (ax >= 6) return x > 0 ? 1 : -1;
  let r: number;
  if (ax < 2.5) {
    const x2 = 2 * ax * ax;
    let term = ax;
    let sum = ax;
    for (let n = 1; term > sum * 1e-17; n++) {
      term *= x2 / (2 * n + 1);
      sum += term;
    }
    r = TWO_OVER_SQRT_PI * Math.exp(-ax * ax) * sum;
  } else {
    // erfc x = e^{-x²}/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))), evaluated from the tail.
    let t = ax;
    for (let n = 60; n >= 1; n--) t = ax + n / 2 / t;
    r = 1 - Math.exp(-ax * ax) / (SQRT_PI * t);
  }
  return x < 0 ? -r : r;
}

/**
 * Rounds half to even, as PyTorch's `round`.
 *
 * @example
 * ```ts
 * roundHalfEven(2.5); // 2
 * ```
 */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** How a unary function picks its output dtype. */
type OutKind = 'float' | 'same' | 'bool';

/**
 * The one loop of every unary kernel, compiled per kernel (see `specialize.ts`): maps the
 * kernel's function over `x`'s values into a new array of dtype `out` ('float' is float32,
 * 'same' keeps x's dtype with bool widened to int32, 'bool' is bool).
 */
function unaryImpl(x: TensorInfo, backend: CpuBackend, loop: MapLoop, out: OutKind, a = 0, b = 0): TensorInfo {
  const dtype: DType = out === 'float' ? 'float32' : out === 'bool' ? 'bool' : x.dtype === 'bool' ? 'int32' : x.dtype;
  const xs = backend.values(x);
  const ys = allocValues(dtype, xs.length);
  loop(xs, ys, xs.length, a, b);
  return backend.makeOutput(ys, x.shape, dtype);
}

/**
 * Each unary kernel's element function, as source for the compiled loop (`v` is the element)
 * and as the same function for the fallback. Erf and Round call helpers, so they have no
 * expression and always use the fallback loop.
 */
const UNARY_FNS: Record<UnaryKernelName, readonly [string | null, (v: number) => number, OutKind]> = {
  Neg: ['-v', (v) => -v, 'same'],
  Abs: ['Math.abs(v)', (v) => Math.abs(v), 'same'],
  Sign: ['v > 0 ? 1 : v < 0 ? -1 : 0', (v) => (v > 0 ? 1 : v < 0 ? -1 : 0), 'same'],
  Exp: ['Math.exp(v)', (v) => Math.exp(v), 'float'],
  Log: ['Math.log(v)', (v) => Math.log(v), 'float'],
  Log1p: ['Math.log1p(v)', (v) => Math.log1p(v), 'float'],
  Expm1: ['Math.expm1(v)', (v) => Math.expm1(v), 'float'],
  Sqrt: ['Math.sqrt(v)', (v) => Math.sqrt(v), 'float'],
  Rsqrt: ['1 / Math.sqrt(v)', (v) => 1 / Math.sqrt(v), 'float'],
  Square: ['v * v', (v) => v * v, 'same'],
  Reciprocal: ['1 / v', (v) => 1 / v, 'float'],
  Sin: ['Math.sin(v)', (v) => Math.sin(v), 'float'],
  Cos: ['Math.cos(v)', (v) => Math.cos(v), 'float'],
  Tanh: ['Math.tanh(v)', (v) => Math.tanh(v), 'float'],
  Sigmoid: ['1 / (1 + Math.exp(-v))', (v) => 1 / (1 + Math.exp(-v)), 'float'],
  Softplus: ['v > 20 ? v : Math.log1p(Math.exp(v))', (v) => (v > 20 ? v : Math.log1p(Math.exp(v))), 'float'],
  Erf: [null, erf, 'float'],
  Floor: ['Math.floor(v)', (v) => Math.floor(v), 'same'],
  Ceil: ['Math.ceil(v)', (v) => Math.ceil(v), 'same'],
  Round: [null, roundHalfEven, 'same'],
  Relu: ['v < 0 ? 0 : v', (v) => (v < 0 ? 0 : v), 'same'],
  Relu6: ['v < 0 ? 0 : v > 6 ? 6 : v', (v) => (v < 0 ? 0 : v > 6 ? 6 : v), 'same'],
  LogicalNot: ['v === 0 ? 1 : 0', (v) => (v === 0 ? 1 : 0), 'bool'],
  IsNaN: ['v !== v ? 1 : 0', (v) => (v !== v ? 1 : 0), 'bool'],
};

/* @__NO_SIDE_EFFECTS__ */
function simpleUnary<K extends UnaryKernelName>(name: K): CpuKernel<K> {
  const [expr, fn, out] = UNARY_FNS[name];
  let loop: MapLoop | undefined; // compiled on first use, so unused kernels cost nothing
  return defineCpuKernel(name, ({ inputs, backend }) => {
    loop ??= expr === null ? genericMap(fn) : compileMap(expr, fn);
    return unaryImpl(inputAt(inputs, 0, name), backend, loop, out);
  });
}

/** `-x`. @example `runKernel('Neg', [x])` */
export const negCpu = simpleUnary('Neg');
/** `|x|`. @example `runKernel('Abs', [x])` */
export const absCpu = simpleUnary('Abs');
/** `sign(x)`, with `sign(0) = 0`. @example `runKernel('Sign', [x])` */
export const signCpu = simpleUnary('Sign');
/** `e^x`. @example `runKernel('Exp', [x])` */
export const expCpu = simpleUnary('Exp');
/** Natural log. @example `runKernel('Log', [x])` */
export const logCpu = simpleUnary('Log');
/** `log(1 + x)`. @example `runKernel('Log1p', [x])` */
export const log1pCpu = simpleUnary('Log1p');
/** `e^x - 1`. @example `runKernel('Expm1', [x])` */
export const expm1Cpu = simpleUnary('Expm1');
/** Square root. @example `runKernel('Sqrt', [x])` */
export const sqrtCpu = simpleUnary('Sqrt');
/** `1 / sqrt(x)`. @example `runKernel('Rsqrt', [x])` */
export const rsqrtCpu = simpleUnary('Rsqrt');
/** `x * x`. @example `runKernel('Square', [x])` */
export const squareCpu = simpleUnary('Square');
/** `1 / x`. @example `runKernel('Reciprocal', [x])` */
export const reciprocalCpu = simpleUnary('Reciprocal');
/** Sine. @example `runKernel('Sin', [x])` */
export const sinCpu = simpleUnary('Sin');
/** Cosine. @example `runKernel('Cos', [x])` */
export const cosCpu = simpleUnary('Cos');
/** Hyperbolic tangent. @example `runKernel('Tanh', [x])` */
export const tanhCpu = simpleUnary('Tanh');
/** Logistic sigmoid. @example `runKernel('Sigmoid', [x])` */
export const sigmoidCpu = simpleUnary('Sigmoid');
/** `log(1 + e^x)`, returning `x` above 20 (PyTorch's threshold). @example `runKernel('Softplus', [x])` */
export const softplusCpu = simpleUnary('Softplus');
/** The error function. @example `runKernel('Erf', [x])` */
export const erfCpu = simpleUnary('Erf');
/** Floor. @example `runKernel('Floor', [x])` */
export const floorCpu = simpleUnary('Floor');
/** Ceiling. @example `runKernel('Ceil', [x])` */
export const ceilCpu = simpleUnary('Ceil');
/** Round half to even. @example `runKernel('Round', [x])` */
export const roundCpu = simpleUnary('Round');
/** `max(x, 0)` (NaN propagates). @example `runKernel('Relu', [x])` */
export const reluCpu = simpleUnary('Relu');
/** `min(max(x, 0), 6)`. @example `runKernel('Relu6', [x])` */
export const relu6Cpu = simpleUnary('Relu6');
/** Logical not; bool output. @example `runKernel('LogicalNot', [x])` */
export const logicalNotCpu = simpleUnary('LogicalNot');
/** NaN test; bool output. @example `runKernel('IsNaN', [x])` */
export const isNaNCpu = simpleUnary('IsNaN');

/**
 * A unary kernel with attributes: `expr`/`fn` see them as `a` and `b`, which `attrsOf` picks
 * from the kernel's attributes.
 */
function attrUnary<K extends KernelName>(
  name: K,
  expr: string,
  fn: (v: number, a: number, b: number) => number,
  attrsOf: (attrs: KernelAttrMap[K]) => readonly [number, number],
  out: OutKind,
): CpuKernel<K> {
  let loop: MapLoop | undefined;
  return defineCpuKernel(name, ({ inputs, attrs, backend }) => {
    loop ??= compileMap(expr, fn);
    const [a, b] = attrsOf(attrs);
    return unaryImpl(inputAt(inputs, 0, name), backend, loop, out, a, b);
  });
}

const CLAMP_EXPR = 'v < a ? a : v > b ? b : v';
const clampFn = (v: number, a: number, b: number): number => (v < a ? a : v > b ? b : v);

/** `x > 0 ? x : alpha * x`. @example `runKernel('LeakyRelu', [x], { alpha: 0.01 })` */
export const leakyReluCpu = attrUnary('LeakyRelu', 'v > 0 ? v : v * a', (v, a) => (v > 0 ? v : v * a), (t) => [t.alpha, 0], 'float');
/** Clamp to `[min, max]` (forward of hardTanh). @example `runKernel('HardTanh', [x], { min: -1, max: 1 })` */
export const hardTanhCpu = attrUnary('HardTanh', CLAMP_EXPR, clampFn, (t) => [t.min, t.max], 'same');
/** Clamp to `[min, max]`; NaN passes through. @example `runKernel('Clamp', [x], { min: 0, max: 1 })` */
export const clampCpu = attrUnary('Clamp', CLAMP_EXPR, clampFn, (t) => [t.min, t.max], 'same');
/** `x > 0 ? 1 : alpha`. @example `runKernel('Step', [x], { alpha: 0 })` */
export const stepCpu = attrUnary('Step', 'v > 0 ? 1 : a', (v, a) => (v > 0 ? 1 : a), (t) => [t.alpha, 0], 'float');

/**
 * Every unary kernel of the CPU backend.
 *
 * @example
 * ```ts
 * use(unaryKernels);
 * ```
 */
export const unaryKernels = [
  negCpu, absCpu, signCpu, expCpu, logCpu, log1pCpu, expm1Cpu, sqrtCpu, rsqrtCpu, squareCpu, reciprocalCpu,
  sinCpu, cosCpu, tanhCpu, sigmoidCpu, softplusCpu, erfCpu, floorCpu, ceilCpu, roundCpu, reluCpu, relu6Cpu,
  logicalNotCpu, isNaNCpu, leakyReluCpu, hardTanhCpu, clampCpu, stepCpu,
] as const;
