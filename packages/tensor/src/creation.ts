import { ArgumentError, allocValues, assertValidShape, isDType, sizeFromShape, DTypeError, type DType } from '@tensorkit/core';
import { toValues } from './convert';
import { makeTensor } from './engine';
import { normals, randomUint32, streamFor, uniforms } from './rng';
import type { Tensor } from './tensor';

function checkDType(dtype: DType, op: string): void {
  if (!isDType(dtype)) throw new DTypeError('DTYPE_MISMATCH', `${op}: unknown dtype '${String(dtype)}'; use 'float32', 'int32' or 'bool'`);
}

function finite(value: number, name: string, op: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new ArgumentError('INVALID_ARGUMENT', `${op}: ${name} must be a finite number, got ${String(value)}`);
  }
}

/**
 * A tensor of `shape` filled with `value`.
 *
 * @example
 * ```ts
 * full([2, 2], 7); // [[7, 7], [7, 7]]
 * ```
 */
export function full(shape: readonly number[], value: number | boolean, dtype?: DType): Tensor {
  assertValidShape(shape, 'full');
  const type = dtype ?? (typeof value === 'boolean' ? 'bool' : 'float32');
  checkDType(type, 'full');
  const values = allocValues(type, sizeFromShape(shape));
  const v = toValues([Number(value)], type)[0]!;
  if (v !== 0) values.fill(v);
  return makeTensor(values, shape, type);
}

/**
 * A tensor of zeros.
 *
 * @example
 * ```ts
 * zeros([2, 3]);
 * ```
 */
export function zeros(shape: readonly number[], dtype: DType = 'float32'): Tensor {
  return full(shape, 0, dtype);
}

/**
 * A tensor of ones.
 *
 * @example
 * ```ts
 * ones([3], 'int32');
 * ```
 */
export function ones(shape: readonly number[], dtype: DType = 'float32'): Tensor {
  return full(shape, 1, dtype);
}

/**
 * Zeros with the shape and dtype of `t`.
 *
 * @example
 * ```ts
 * zerosLike(x);
 * ```
 */
export function zerosLike(t: Tensor): Tensor {
  return zeros(t.shape, t.dtype);
}

/**
 * Ones with the shape and dtype of `t`.
 *
 * @example
 * ```ts
 * onesLike(x);
 * ```
 */
export function onesLike(t: Tensor): Tensor {
  return ones(t.shape, t.dtype);
}

/**
 * An identity matrix with `n` rows and `m` (default `n`) columns.
 *
 * @example
 * ```ts
 * eye(3); // 3x3 identity
 * ```
 */
export function eye(n: number, m: number = n, dtype: DType = 'float32'): Tensor {
  assertValidShape([n, m], 'eye');
  checkDType(dtype, 'eye');
  const values = allocValues(dtype, n * m);
  for (let i = 0; i < Math.min(n, m); i++) values[i * m + i] = 1;
  return makeTensor(values, [n, m], dtype);
}

/**
 * Evenly spaced values in `[start, stop)` with `step`, like `torch.arange`. With one argument
 * it is `[0, stop)`. The dtype is int32 when every argument is an integer, else float32.
 *
 * @example
 * ```ts
 * arange(5);          // [0, 1, 2, 3, 4] int32
 * arange(0, 1, 0.25); // [0, 0.25, 0.5, 0.75] float32
 * ```
 */
export function arange(start: number, stop?: number, step = 1, dtype?: DType): Tensor {
  if (stop === undefined) {
    stop = start;
    start = 0;
  }
  finite(start, 'start', 'arange');
  finite(stop, 'stop', 'arange');
  finite(step, 'step', 'arange');
  if (step === 0) throw new ArgumentError('INVALID_ARGUMENT', 'arange: step must be non-zero');
  const n = Math.max(0, Math.ceil((stop - start) / step));
  const type = dtype ?? ([start, stop, step].every(Number.isInteger) ? 'int32' : 'float32');
  checkDType(type, 'arange');
  const values = allocValues(type, n);
  for (let i = 0; i < n; i++) values[i] = start + i * step;
  return makeTensor(values, [n], type);
}

/**
 * `num` evenly spaced float32 values from `start` to `stop` inclusive.
 *
 * @example
 * ```ts
 * linspace(0, 1, 5); // [0, 0.25, 0.5, 0.75, 1]
 * ```
 */
export function linspace(start: number, stop: number, num: number): Tensor {
  finite(start, 'start', 'linspace');
  finite(stop, 'stop', 'linspace');
  if (!Number.isInteger(num) || num < 0) throw new ArgumentError('INVALID_ARGUMENT', `linspace: num must be a non-negative integer, got ${num}`);
  const values = new Float32Array(num);
  const step = num > 1 ? (stop - start) / (num - 1) : 0;
  // torch computes the second half from the end, so the last value is exactly `stop`.
  for (let i = 0; i < num; i++) values[i] = i < num / 2 ? start + i * step : stop - (num - 1 - i) * step;
  return makeTensor(values, [num], 'float32');
}

/** Options of the random creation functions. */
export interface RandomOptions {
  /** A per-call seed: an independent, reproducible stream. Without it the global generator is used (see `setSeed`). */
  seed?: number;
  dtype?: 'float32';
}

/**
 * Uniform samples in `[low, high)` (default `[0, 1)`), seeded by the Philox generator.
 *
 * @example
 * ```ts
 * setSeed(0);
 * rand([2, 2]);
 * rand([3], { seed: 7, low: -1, high: 1 });
 * ```
 */
export function rand(shape: readonly number[], options: RandomOptions & { low?: number; high?: number } = {}): Tensor {
  assertValidShape(shape, 'rand');
  const { low = 0, high = 1 } = options;
  finite(low, 'low', 'rand');
  finite(high, 'high', 'rand');
  const u = uniforms(streamFor(options.seed), sizeFromShape(shape));
  const values = new Float32Array(u.length);
  for (let i = 0; i < u.length; i++) values[i] = low + (high - low) * u[i]!;
  return makeTensor(values, shape, 'float32');
}

/**
 * Normal samples with `mean` (default 0) and `std` (default 1).
 *
 * @example
 * ```ts
 * randn([128, 64], { std: 0.02, seed: 1 });
 * ```
 */
export function randn(shape: readonly number[], options: RandomOptions & { mean?: number; std?: number } = {}): Tensor {
  assertValidShape(shape, 'randn');
  const { mean = 0, std = 1 } = options;
  finite(mean, 'mean', 'randn');
  finite(std, 'std', 'randn');
  const z = normals(streamFor(options.seed), sizeFromShape(shape));
  return makeTensor(Float32Array.from(z, (v) => mean + std * v), shape, 'float32');
}

/**
 * Integer samples in `[low, high)`, int32.
 *
 * @example
 * ```ts
 * randInt([4], 0, 10, { seed: 3 });
 * ```
 */
export function randInt(shape: readonly number[], low: number, high: number, options: { seed?: number } = {}): Tensor {
  assertValidShape(shape, 'randInt');
  if (!Number.isInteger(low) || !Number.isInteger(high) || high <= low) {
    throw new ArgumentError('INVALID_ARGUMENT', `randInt: need integers low < high, got low=${low}, high=${high}`);
  }
  const bits = randomUint32(streamFor(options.seed), sizeFromShape(shape));
  const range = high - low;
  return makeTensor(Int32Array.from(bits, (b) => low + Math.floor((b / 0x100000000) * range)), shape, 'int32');
}

/**
 * Normal samples truncated to `[a, b]` (absolute bounds, PyTorch's `trunc_normal_`; defaults
 * -2 and 2), by rejection: out-of-range draws are redrawn from the same stream.
 *
 * @example
 * ```ts
 * truncatedNormal([64, 64], { std: 0.02, a: -0.04, b: 0.04, seed: 0 });
 * ```
 */
export function truncatedNormal(
  shape: readonly number[],
  options: RandomOptions & { mean?: number; std?: number; a?: number; b?: number } = {},
): Tensor {
  assertValidShape(shape, 'truncatedNormal');
  const { mean = 0, std = 1, a = -2, b = 2 } = options;
  for (const [k, v] of Object.entries({ mean, std, a, b })) finite(v, k, 'truncatedNormal');
  if (!(a < b) || std <= 0 || (a - mean) / std > 5 || (b - mean) / std < -5) {
    throw new ArgumentError(
      'INVALID_ARGUMENT',
      `truncatedNormal: need a < b, std > 0 and [a, b] within 5 std of the mean; got mean=${mean}, std=${std}, a=${a}, b=${b}`,
    );
  }
  const stream = streamFor(options.seed);
  const n = sizeFromShape(shape);
  const values = new Float32Array(n);
  let filled = 0;
  while (filled < n) {
    const z = normals(stream, Math.max(16, (n - filled) * 2));
    for (let i = 0; i < z.length && filled < n; i++) {
      const v = mean + std * z[i]!;
      if (v >= a && v <= b) values[filled++] = v;
    }
  }
  return makeTensor(values, shape, 'float32');
}
