import type { DType, KernelAttrMap, KernelName, TensorInfo, UnaryKernelName } from '@tensorkit/core';
import type { WebGLBackend } from '../backend';
import { glslFloat } from '../glsl';
import { defineWebGLKernel, inputAt, type WebGLKernel } from '../kernel';
import { packedElementwise } from '../packed';
import { runFlat } from '../program';

/**
 * How a unary function picks its output dtype (as the CPU backend): `float` is float32, `same`
 * keeps x's dtype (bool widened to int32), `bool` is bool.
 *
 * @example
 * ```ts
 * const out: OutKind = 'same';
 * ```
 */
export type OutKind = 'float' | 'same' | 'bool';

/**
 * The one program of every unary kernel: `setOutput(expr)` where `expr` is GLSL over `float x`
 * (per lane of a packed program when `x` is packed on the GPU).
 *
 * @example
 * ```ts
 * unaryProgram(backend, x, 'x * x', 'same');
 * ```
 */
export function unaryProgram(backend: WebGLBackend, x: TensorInfo, expr: string, out: OutKind): TensorInfo {
  const dtype: DType = out === 'float' ? 'float32' : out === 'bool' ? 'bool' : x.dtype === 'bool' ? 'int32' : x.dtype;
  const packed = packedElementwise(backend, [x], x.shape, dtype, ['x'], expr);
  if (packed !== undefined) return packed;
  return runFlat(backend, {
    inputs: [x],
    outShape: x.shape,
    outDtype: dtype,
    body: `float x = getX0(i); setOutput(${expr});`,
  });
}

const UNARY_EXPRS: Record<UnaryKernelName, readonly [string, OutKind]> = {
  Neg: ['-x', 'same'],
  Abs: ['abs(x)', 'same'],
  Sign: ['x > 0.0 ? 1.0 : (x < 0.0 ? -1.0 : 0.0)', 'same'],
  Exp: ['exp(x)', 'float'],
  Log: ['tkLog(x)', 'float'],
  Log1p: ['tkLog1p(x)', 'float'],
  Expm1: ['tkExpm1(x)', 'float'],
  Sqrt: ['x < 0.0 ? tkNaN() : sqrt(x)', 'float'],
  Rsqrt: ['x < 0.0 ? tkNaN() : (x == 0.0 ? tkInf() : 1.0 / sqrt(x))', 'float'],
  Square: ['x * x', 'same'],
  Reciprocal: ['1.0 / x', 'float'],
  Sin: ['tkSin(x)', 'float'],
  Cos: ['tkCos(x)', 'float'],
  Tanh: ['tkTanh(x)', 'float'],
  Sigmoid: ['tkSigmoid(x)', 'float'],
  Softplus: ['x > 20.0 || tkIsNaN(x) ? x : tkLog1p(exp(x))', 'float'],
  Erf: ['tkErf(x)', 'float'],
  Floor: ['floor(x)', 'same'],
  Ceil: ['ceil(x)', 'same'],
  Round: ['tkRoundHalfEven(x)', 'same'],
  Relu: ['x < 0.0 ? 0.0 : x', 'same'],
  Relu6: ['x < 0.0 ? 0.0 : (x > 6.0 ? 6.0 : x)', 'same'],
  LogicalNot: ['x == 0.0 ? 1.0 : 0.0', 'bool'],
  IsNaN: ['tkIsNaN(x) ? 1.0 : 0.0', 'bool'],
};

function simpleUnary<K extends UnaryKernelName>(name: K): WebGLKernel<K> {
  const [expr, out] = UNARY_EXPRS[name];
  return defineWebGLKernel(name, ({ inputs, backend }) => unaryProgram(backend, inputAt(inputs, 0, name), expr, out));
}

/** `-x`. @example `runKernel('Neg', [x])` */
export const negWebGL = simpleUnary('Neg');
/** `|x|`. @example `runKernel('Abs', [x])` */
export const absWebGL = simpleUnary('Abs');
/** `sign(x)`, with `sign(0) = 0`. @example `runKernel('Sign', [x])` */
export const signWebGL = simpleUnary('Sign');
/** `e^x`. @example `runKernel('Exp', [x])` */
export const expWebGL = simpleUnary('Exp');
/** Natural log (`-Infinity` at 0, NaN below). @example `runKernel('Log', [x])` */
export const logWebGL = simpleUnary('Log');
/** `log(1 + x)`, accurate near 0. @example `runKernel('Log1p', [x])` */
export const log1pWebGL = simpleUnary('Log1p');
/** `e^x - 1`, accurate near 0. @example `runKernel('Expm1', [x])` */
export const expm1WebGL = simpleUnary('Expm1');
/** Square root. @example `runKernel('Sqrt', [x])` */
export const sqrtWebGL = simpleUnary('Sqrt');
/** `1 / sqrt(x)`. @example `runKernel('Rsqrt', [x])` */
export const rsqrtWebGL = simpleUnary('Rsqrt');
/** `x * x`. @example `runKernel('Square', [x])` */
export const squareWebGL = simpleUnary('Square');
/** `1 / x`. @example `runKernel('Reciprocal', [x])` */
export const reciprocalWebGL = simpleUnary('Reciprocal');
/** Sine (float32-accurate; some renderers' built-in is not). @example `runKernel('Sin', [x])` */
export const sinWebGL = simpleUnary('Sin');
/** Cosine (float32-accurate; some renderers' built-in is not). @example `runKernel('Cos', [x])` */
export const cosWebGL = simpleUnary('Cos');
/** Hyperbolic tangent, accurate near 0 and saturating without overflow. @example `runKernel('Tanh', [x])` */
export const tanhWebGL = simpleUnary('Tanh');
/** Logistic sigmoid. @example `runKernel('Sigmoid', [x])` */
export const sigmoidWebGL = simpleUnary('Sigmoid');
/** `log(1 + e^x)`, returning `x` above 20 (PyTorch's threshold). @example `runKernel('Softplus', [x])` */
export const softplusWebGL = simpleUnary('Softplus');
/** The error function (float32-accurate; GLSL has none). @example `runKernel('Erf', [x])` */
export const erfWebGL = simpleUnary('Erf');
/** Floor. @example `runKernel('Floor', [x])` */
export const floorWebGL = simpleUnary('Floor');
/** Ceiling. @example `runKernel('Ceil', [x])` */
export const ceilWebGL = simpleUnary('Ceil');
/** Round half to even (PyTorch), not GLSL's half-up. @example `runKernel('Round', [x])` */
export const roundWebGL = simpleUnary('Round');
/** `max(x, 0)` (NaN propagates). @example `runKernel('Relu', [x])` */
export const reluWebGL = simpleUnary('Relu');
/** `min(max(x, 0), 6)`. @example `runKernel('Relu6', [x])` */
export const relu6WebGL = simpleUnary('Relu6');
/** Logical not; bool output. @example `runKernel('LogicalNot', [x])` */
export const logicalNotWebGL = simpleUnary('LogicalNot');
/** NaN test; bool output. @example `runKernel('IsNaN', [x])` */
export const isNaNWebGL = simpleUnary('IsNaN');

function attrUnary<K extends KernelName>(name: K, make: (attrs: KernelAttrMap[K]) => string, out: OutKind): WebGLKernel<K> {
  return defineWebGLKernel(name, ({ inputs, attrs, backend }) => unaryProgram(backend, inputAt(inputs, 0, name), make(attrs), out));
}

const clampExpr = ({ min, max }: { min: number; max: number }): string =>
  `x < ${glslFloat(min)} ? ${glslFloat(min)} : (x > ${glslFloat(max)} ? ${glslFloat(max)} : x)`;

/** `x > 0 ? x : alpha * x`. @example `runKernel('LeakyRelu', [x], { alpha: 0.01 })` */
export const leakyReluWebGL = attrUnary('LeakyRelu', ({ alpha }) => `x > 0.0 ? x : x * ${glslFloat(alpha)}`, 'float');
/** Clamp to `[min, max]` (forward of hardTanh). @example `runKernel('HardTanh', [x], { min: -1, max: 1 })` */
export const hardTanhWebGL = attrUnary('HardTanh', clampExpr, 'same');
/** Clamp to `[min, max]`; NaN passes through. @example `runKernel('Clamp', [x], { min: 0, max: 1 })` */
export const clampWebGL = attrUnary('Clamp', clampExpr, 'same');
/** `x > 0 ? 1 : alpha`. @example `runKernel('Step', [x], { alpha: 0 })` */
export const stepWebGL = attrUnary('Step', ({ alpha }) => `x > 0.0 ? 1.0 : ${glslFloat(alpha)}`, 'float');

/**
 * Every unary kernel of the WebGL backend.
 *
 * @example
 * ```ts
 * use(unaryWebGLKernels);
 * ```
 */
export const unaryWebGLKernels = [
  negWebGL, absWebGL, signWebGL, expWebGL, logWebGL, log1pWebGL, expm1WebGL, sqrtWebGL, rsqrtWebGL, squareWebGL,
  reciprocalWebGL, sinWebGL, cosWebGL, tanhWebGL, sigmoidWebGL, softplusWebGL, erfWebGL, floorWebGL, ceilWebGL,
  roundWebGL, reluWebGL, relu6WebGL, logicalNotWebGL, isNaNWebGL, leakyReluWebGL, hardTanhWebGL, clampWebGL, stepWebGL,
] as const;
