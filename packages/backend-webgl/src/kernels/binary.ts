import {
  broadcastShapes,
  shapesEqual,
  sizeFromShape,
  type ArithmeticKernelName,
  type ComparisonKernelName,
  type DType,
  type TensorInfo,
} from '@tensorkit/core';
import type { WebGLBackend } from '../backend';
import { broadcastStridesOf, coordNames, coordsOf, offsetExpr } from '../glsl';
import { assertSameDtype, defineWebGLKernel, inputAt, type WebGLKernel } from '../kernel';
import { packedElementwise } from '../packed';
import { runFlat } from '../program';

/**
 * GLSL that declares `float v0, v1, …`: each input read at the output's flat index `i`,
 * broadcast (NumPy rules) to `outShape`.
 *
 * @example
 * ```ts
 * broadcastReads([a, b], [2, 3]); // 'int c0 = …; float v0 = getX0(…); float v1 = getX1(…);'
 * ```
 */
export function broadcastReads(inputs: readonly TensorInfo[], outShape: readonly number[]): string {
  const direct = inputs.map((x) => shapesEqual(x.shape, outShape) || sizeFromShape(x.shape) === sizeFromShape(outShape));
  const scalar = inputs.map((x) => sizeFromShape(x.shape) === 1);
  const needCoords = inputs.some((_, k) => !direct[k] && !scalar[k]);
  const coords = coordNames(outShape.length);
  const head = needCoords ? coordsOf(outShape, 'i', 'c') : '';
  const reads = inputs.map((x, k) => {
    const at = direct[k] ? 'i' : scalar[k] ? '0' : offsetExpr(coords, broadcastStridesOf(x.shape, outShape));
    return `float v${k} = getX${k}(${at});`;
  });
  return `${head} ${reads.join(' ')}`;
}

/** The program of every binary kernel: `expr` over `float a, b`, broadcast (packed when an operand is). */
function binaryProgram(kernel: string, backend: WebGLBackend, a: TensorInfo, b: TensorInfo, expr: string, dtype: DType): TensorInfo {
  const outShape = broadcastShapes(kernel, a.shape, b.shape);
  const packed = packedElementwise(backend, [a, b], outShape, dtype, ['a', 'b'], expr, BINARY_FUNCTIONS);
  if (packed !== undefined) return packed;
  return runFlat(backend, {
    inputs: [a, b],
    outShape,
    outDtype: dtype,
    body: `${broadcastReads([a, b], outShape)} float a = v0; float b = v1; setOutput(${expr});`,
    functions: BINARY_FUNCTIONS,
  });
}

const BINARY_FUNCTIONS = `
// Python/PyTorch remainder and floor division, with the quotient corrected for float rounding.
float tkFloorDivQ(float a, float b) {
  float q = floor(a / b);
  float r = a - b * q;
  if (b > 0.0 ? r < 0.0 : r > 0.0) q -= 1.0;
  else if (b > 0.0 ? r >= b : r <= b) q += 1.0;
  return q;
}
float tkMod(float a, float b) {
  if (tkIsNaN(a) || tkIsNaN(b) || b == 0.0 || abs(a) == tkInf()) return tkNaN();
  if (abs(b) == tkInf()) return (a == 0.0 || (a > 0.0) == (b > 0.0)) ? a : b;
  float r = a - b * floor(a / b);
  if (b > 0.0) { if (r < 0.0) r += b; else if (r >= b) r -= b; }
  else { if (r > 0.0) r += b; else if (r <= b) r -= b; }
  return r;
}
float tkPow(float a, float b) {
  if (a == 1.0 || b == 0.0) return 1.0;
  if (tkIsNaN(a) || tkIsNaN(b)) return tkNaN();
  if (a == -1.0 && abs(b) == tkInf()) return 1.0;
  bool intB = floor(b) == b && abs(b) < 16777216.0;
  bool oddB = intB && mod(b, 2.0) == 1.0;
  if (a == 0.0) return b > 0.0 ? (oddB ? a : 0.0) : (oddB && floatBitsToUint(a) != 0u ? -tkInf() : tkInf());
  float m = abs(a);
  float r;
  if (abs(b) == tkInf()) r = (m > 1.0) == (b > 0.0) ? tkInf() : 0.0;
  else if (b == 2.0) r = m * m;
  else if (b == 0.5) r = sqrt(m);
  else if (b == -1.0) r = 1.0 / m;
  else r = exp2(b * log2(m));
  if (a < 0.0) {
    if (!intB) return tkNaN();
    if (oddB) r = -r;
  }
  return r;
}
float tkIntPow(float a, float b) {
  float r = tkPow(a, b);
  float n = floor(r + 0.5);
  return abs(r - n) <= 1e-3 * max(1.0, abs(n)) ? n : tkTrunc(r);
}
`;

/** Float expression, and the int32 one where it differs. */
const ARITHMETIC: Record<ArithmeticKernelName, readonly [string, string?]> = {
  Add: ['a + b'],
  Sub: ['a - b'],
  Mul: ['a * b'],
  Div: ['a / b', 'b == 0.0 ? 0.0 : tkFloorDivQ(a, b)'],
  Pow: ['tkPow(a, b)', 'tkIntPow(a, b)'],
  Maximum: ['tkIsNaN(a) || tkIsNaN(b) ? tkNaN() : max(a, b)'],
  Minimum: ['tkIsNaN(a) || tkIsNaN(b) ? tkNaN() : min(a, b)'],
  Mod: ['tkMod(a, b)'],
};

const COMPARISON: Record<ComparisonKernelName, string> = {
  Equal: '!tkIsNaN(a) && !tkIsNaN(b) && a == b ? 1.0 : 0.0',
  NotEqual: 'tkIsNaN(a) || tkIsNaN(b) || a != b ? 1.0 : 0.0',
  Less: 'a < b ? 1.0 : 0.0',
  LessEqual: 'a <= b ? 1.0 : 0.0',
  Greater: 'a > b ? 1.0 : 0.0',
  GreaterEqual: 'a >= b ? 1.0 : 0.0',
  LogicalAnd: 'a != 0.0 && b != 0.0 ? 1.0 : 0.0',
  LogicalOr: 'a != 0.0 || b != 0.0 ? 1.0 : 0.0',
};

function arithmetic<K extends ArithmeticKernelName>(name: K): WebGLKernel<K> {
  const [floatExpr, intExpr = floatExpr] = ARITHMETIC[name];
  return defineWebGLKernel(name, ({ inputs, backend }) => {
    const a = inputAt(inputs, 0, name);
    const b = inputAt(inputs, 1, name);
    assertSameDtype(a, b, name);
    const float = a.dtype === 'float32';
    return binaryProgram(name, backend, a, b, float ? floatExpr : intExpr, float ? 'float32' : 'int32');
  });
}

function comparison<K extends ComparisonKernelName>(name: K): WebGLKernel<K> {
  return defineWebGLKernel(name, ({ inputs, backend }) => {
    const a = inputAt(inputs, 0, name);
    const b = inputAt(inputs, 1, name);
    assertSameDtype(a, b, name);
    return binaryProgram(name, backend, a, b, COMPARISON[name], 'bool');
  });
}

/** `a + b`, broadcast. @example `runKernel('Add', [a, b])` */
export const addWebGL = arithmetic('Add');
/** `a - b`, broadcast. @example `runKernel('Sub', [a, b])` */
export const subWebGL = arithmetic('Sub');
/** `a * b`, broadcast. @example `runKernel('Mul', [a, b])` */
export const mulWebGL = arithmetic('Mul');
/** `a / b` (floor division for int32; x/0 is 0 there). @example `runKernel('Div', [a, b])` */
export const divWebGL = arithmetic('Div');
/** `a ** b` with PyTorch's special cases. @example `runKernel('Pow', [a, b])` */
export const powWebGL = arithmetic('Pow');
/** Elementwise max; NaN propagates. @example `runKernel('Maximum', [a, b])` */
export const maximumWebGL = arithmetic('Maximum');
/** Elementwise min; NaN propagates. @example `runKernel('Minimum', [a, b])` */
export const minimumWebGL = arithmetic('Minimum');
/** Python/PyTorch remainder (sign of the divisor). @example `runKernel('Mod', [a, b])` */
export const modWebGL = arithmetic('Mod');
/** `a == b`; bool. @example `runKernel('Equal', [a, b])` */
export const equalWebGL = comparison('Equal');
/** `a != b`; bool. @example `runKernel('NotEqual', [a, b])` */
export const notEqualWebGL = comparison('NotEqual');
/** `a < b`; bool. @example `runKernel('Less', [a, b])` */
export const lessWebGL = comparison('Less');
/** `a <= b`; bool. @example `runKernel('LessEqual', [a, b])` */
export const lessEqualWebGL = comparison('LessEqual');
/** `a > b`; bool. @example `runKernel('Greater', [a, b])` */
export const greaterWebGL = comparison('Greater');
/** `a >= b`; bool. @example `runKernel('GreaterEqual', [a, b])` */
export const greaterEqualWebGL = comparison('GreaterEqual');
/** `a && b`; bool. @example `runKernel('LogicalAnd', [a, b])` */
export const logicalAndWebGL = comparison('LogicalAnd');
/** `a || b`; bool. @example `runKernel('LogicalOr', [a, b])` */
export const logicalOrWebGL = comparison('LogicalOr');

/**
 * `condition ? a : b`, all three broadcast. Output dtype is `a`'s.
 *
 * @example
 * ```ts
 * runKernel('Where', [cond, a, b]);
 * ```
 */
export const whereWebGL = defineWebGLKernel('Where', ({ inputs, backend }) => {
  const c = inputAt(inputs, 0, 'Where');
  const a = inputAt(inputs, 1, 'Where');
  const b = inputAt(inputs, 2, 'Where');
  assertSameDtype(a, b, 'Where');
  const outShape = broadcastShapes('Where', c.shape, a.shape, b.shape);
  return runFlat(backend, {
    inputs: [c, a, b],
    outShape,
    outDtype: a.dtype,
    body: `${broadcastReads([c, a, b], outShape)} setOutput(v0 != 0.0 ? v1 : v2);`,
  });
});

/**
 * Converts dtypes as PyTorch does: float to int32 truncates toward zero (NaN and ±Infinity become
 * 0, as the CPU backend's Int32Array store), anything to bool is `x != 0`.
 *
 * @example
 * ```ts
 * runKernel('Cast', [x], { dtype: 'int32' });
 * ```
 */
export const castWebGL = defineWebGLKernel('Cast', ({ inputs, attrs, backend }) => {
  const x = inputAt(inputs, 0, 'Cast');
  const expr =
    attrs.dtype === 'bool' ? 'x != 0.0 ? 1.0 : 0.0' : attrs.dtype === 'int32' && x.dtype === 'float32' ? 'tkIsNaN(x) || abs(x) == tkInf() ? 0.0 : tkTrunc(x)' : 'x';
  return runFlat(backend, { inputs: [x], outShape: x.shape, outDtype: attrs.dtype, body: `float x = getX0(i); setOutput(${expr});` });
});

/**
 * Every binary (arithmetic, comparison, logic) kernel, plus `Where` and `Cast`.
 *
 * @example
 * ```ts
 * use(binaryWebGLKernels);
 * ```
 */
export const binaryWebGLKernels = [
  addWebGL, subWebGL, mulWebGL, divWebGL, powWebGL, maximumWebGL, minimumWebGL, modWebGL,
  equalWebGL, notEqualWebGL, lessWebGL, lessEqualWebGL, greaterWebGL, greaterEqualWebGL, logicalAndWebGL, logicalOrWebGL,
  whereWebGL, castWebGL,
] as const;
