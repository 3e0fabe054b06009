/**
 * GLSL code generation shared by every program of this backend. Programs index their inputs by
 * flat (row-major) offsets, so one helper turns a flat output index into coordinates and back,
 * for any rank.
 */
import { broadcastStrides, computeStrides } from '@tensorkit/core';

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/**
 * `v` as a GLSL float expression that is exact in float32 (NaN and ±Infinity included).
 *
 * @example
 * ```ts
 * glslFloat(2); // '2.0'
 * glslFloat(0.1); // 'uintBitsToFloat(1036831949u)'
 * ```
 */
export function glslFloat(v: number): string {
  if (Number.isInteger(v) && Math.abs(v) < 2 ** 24 && !Object.is(v, -0)) return `${v}.0`;
  f32[0] = v;
  return `uintBitsToFloat(${u32[0]}u)`;
}

/**
 * Row-major strides of `shape`.
 *
 * @example
 * ```ts
 * rowMajorStrides([2, 3, 4]); // [12, 4, 1]
 * ```
 */
export const rowMajorStrides = computeStrides;

/**
 * GLSL statements declaring `int <prefix>0 … <prefix>{rank-1}`, the coordinates of the flat
 * index `index` in `shape`.
 *
 * @example
 * ```ts
 * coordsOf([2, 3], 'i', 'c'); // 'int c0 = i / 3; int c1 = i - c0 * 3;'
 * ```
 */
export function coordsOf(shape: readonly number[], index: string, prefix: string): string {
  const strides = rowMajorStrides(shape);
  const lines: string[] = [];
  let rest = index;
  for (let k = 0; k < shape.length; k++) {
    const s = strides[k]!;
    if (k === shape.length - 1) lines.push(`int ${prefix}${k} = ${rest};`);
    else {
      lines.push(`int ${prefix}${k} = ${rest} / ${s};`);
      lines.push(`int ${prefix}r${k} = ${rest} - ${prefix}${k} * ${s};`);
      rest = `${prefix}r${k}`;
    }
  }
  return lines.join(' ');
}

/**
 * A GLSL int expression: `Σ coords[k] * strides[k] (+ offset)`, skipping zero strides.
 *
 * @example
 * ```ts
 * offsetExpr(['c0', 'c1'], [0, 1]); // '(c1)'
 * ```
 */
export function offsetExpr(coords: readonly string[], strides: readonly number[], offset = 0): string {
  const terms = coords.flatMap((c, k) => (strides[k] === 0 ? [] : [strides[k] === 1 ? c : `${c} * ${strides[k]}`]));
  if (offset !== 0 || terms.length === 0) terms.push(String(offset));
  return `(${terms.join(' + ')})`;
}

/**
 * Strides that read a tensor of `shape` broadcast (NumPy rules) to `outShape`: right-aligned,
 * 0 on broadcast axes.
 *
 * @example
 * ```ts
 * broadcastStridesOf([3, 1], [2, 3, 4]); // [0, 1, 0]
 * ```
 */
export const broadcastStridesOf = broadcastStrides;

/**
 * The coordinate variable names of a rank.
 *
 * @example
 * ```ts
 * coordNames(3); // ['c0', 'c1', 'c2']
 * ```
 */
export function coordNames(rank: number, prefix = 'c'): string[] {
  return Array.from({ length: rank }, (_, k) => `${prefix}${k}`);
}

/**
 * Functions every program of this backend may call. NaN is tested on the bits, since GLSL's
 * `isnan` may be optimised away; transcendental functions are written for float32 accuracy
 * (GLSL leaves the accuracy of `exp`, `log`, `tanh` … to the driver near 0 and at the extremes).
 *
 * @example
 * ```ts
 * const userCode = `${GLSL_PRELUDE}\nvoid main() { setOutput(tkErf(getX0(getOutputCoords()))); }`;
 * ```
 */
export const GLSL_PRELUDE = `
bool tkIsNaN(float v) { return (floatBitsToUint(v) & 0x7fffffffu) > 0x7f800000u; }
float tkInf() { return uintBitsToFloat(0x7f800000u); }
float tkNaN() { return uintBitsToFloat(0x7fc00000u); }
float tkLog(float x) {
  if (tkIsNaN(x) || x < 0.0) return tkNaN();
  if (x == 0.0) return -tkInf();
  if (x == tkInf()) return x;
  return log(x);
}
float tkLog1p(float x) {
  if (tkIsNaN(x) || x < -1.0) return tkNaN();
  if (x == -1.0) return -tkInf();
  if (x == tkInf()) return x;
  float u = 1.0 + x;
  if (u == 1.0) return x;
  // log(u) is exact for u; correct for the rounding of 1 + x (Goldberg's trick).
  return log(u) - ((u - 1.0) - x) / u;
}
float tkExpm1(float x) {
  if (abs(x) < 0.25) {
    float x2 = x * x;
    return x + x2 * (0.5 + x * (1.0 / 6.0 + x * (1.0 / 24.0 + x * (1.0 / 120.0 + x * (1.0 / 720.0 + x * (1.0 / 5040.0 + x / 40320.0))))));
  }
  if (x < -20.0) return -1.0;
  return exp(x) - 1.0;
}
float tkTanh(float x) {
  float ax = abs(x);
  float t;
  if (ax < 0.25) {
    float x2 = ax * ax;
    t = ax * (1.0 + x2 * (-1.0 / 3.0 + x2 * (2.0 / 15.0 + x2 * (-17.0 / 315.0 + x2 * (62.0 / 2835.0 + x2 * (-1382.0 / 155925.0))))));
  } else if (ax > 10.0) {
    t = 1.0;
  } else {
    float e = exp(-2.0 * ax);
    t = (1.0 - e) / (1.0 + e);
  }
  return tkIsNaN(x) ? x : (x < 0.0 ? -t : t);
}
float tkSigmoid(float x) {
  if (x >= 0.0) return 1.0 / (1.0 + exp(-x));
  float e = exp(x);
  return e / (1.0 + e);
}
float tkErf(float x) {
  if (tkIsNaN(x)) return x;
  float ax = abs(x);
  float r;
  if (ax < 0.5) {
    float x2 = ax * ax;
    r = 1.1283791670955126 * ax * (1.0 + x2 * (-1.0 / 3.0 + x2 * (0.1 + x2 * (-1.0 / 42.0 + x2 * (1.0 / 216.0 + x2 * (-1.0 / 1320.0 + x2 / 9360.0))))));
  } else if (ax >= 4.0) {
    r = 1.0;
  } else {
    // erfc by the Chebyshev fit of Numerical Recipes (relative error < 1.2e-7).
    float t = 1.0 / (1.0 + 0.5 * ax);
    float p = -ax * ax - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 +
      t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
    r = 1.0 - t * exp(p);
  }
  return x < 0.0 ? -r : r;
}
float tkRoundHalfEven(float x) {
  if (abs(x) >= 8388608.0 || tkIsNaN(x)) return x;
  float r = floor(x + 0.5);
  if (r - x == 0.5 && mod(r, 2.0) != 0.0) r -= 1.0;
  return r;
}
float tkTrunc(float x) { return x < 0.0 ? ceil(x) : floor(x); }
// sin(x + q·π/2), float32-accurate: Cody-Waite reduction to |r| ≤ π/4 with π/2 split in three
// (k·P1 is exact while |k| < 2^16), then Cephes' sinf/cosf polynomials. Some renderers' built-in
// sin/cos are ~2e-4 off (SwiftShader); beyond |x| = 65536 the built-in is used.
float tkSinQ(float x, int q) {
  if (tkIsNaN(x) || abs(x) == tkInf()) return tkNaN();
  if (q == 0 && abs(x) < 1e-4) return x; // sin x rounds to x here; keeps the sign of -0
  if (abs(x) > 65536.0) return q == 0 ? sin(x) : cos(x);
  float k = floor(x * 0.63661977236758134 + 0.5);
  float r = ((x - k * 1.5703125) - k * 4.837512969970703125e-4) - k * 7.54978995489188216e-8;
  float z = r * r;
  float s = ((-1.9515295891e-4 * z + 8.3321608736e-3) * z - 1.6666654611e-1) * z * r + r;
  float c = ((2.443315711809948e-5 * z - 1.388731625493765e-3) * z + 4.166664568298827e-2) * z * z - 0.5 * z + 1.0;
  int n = (int(mod(k, 4.0)) + q) & 3;
  return n == 0 ? s : n == 1 ? c : n == 2 ? -s : -c;
}
float tkSin(float x) { return tkSinQ(x, 0); }
float tkCos(float x) { return tkSinQ(x, 1); }
`;
