import { allocValues, sizeFromShape, type DType, type TensorInfo } from '@tensorkit/core';
import { CpuBackend } from '../src/index';

export const backend = new CpuBackend();

/** Writes `values` as a tensor on the test backend. */
export function t(values: ArrayLike<number>, shape: readonly number[], dtype: DType = 'float32'): TensorInfo {
  const arr = allocValues(dtype, values.length);
  arr.set(Array.from(values));
  if (arr.length !== sizeFromShape(shape)) throw new Error(`test helper: ${arr.length} values for shape [${shape.join(',')}]`);
  return { dataId: backend.write(arr, shape, dtype), shape, dtype };
}

export interface Result {
  values: number[];
  shape: readonly number[];
  dtype: DType;
  raw: ArrayLike<number>;
}

/** Runs a kernel on the test backend and reads its (single) output back. */
export function run(
  kernel: { kernelFunc(args: { inputs: readonly TensorInfo[]; attrs: never; backend: CpuBackend }): TensorInfo | TensorInfo[] },
  inputs: readonly TensorInfo[],
  attrs: object = {},
): Result {
  const out = kernel.kernelFunc({ inputs, attrs: attrs as never, backend });
  const info = Array.isArray(out) ? out[0]! : out;
  const raw = backend.readSync(info.dataId);
  return { values: Array.from(raw), shape: info.shape, dtype: info.dtype, raw };
}

/** A small seeded generator (mulberry32) for reproducible random inputs. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** `n` uniform values in [-1, 1), rounded to float32. */
export function randn(n: number, seed: number): Float32Array {
  const r = rng(seed);
  return Float32Array.from({ length: n }, () => r() * 2 - 1);
}

/** Asserts elementwise closeness with rtol/atol, reporting the first mismatch. */
export function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, rtol = 1e-5, atol = 1e-6): void {
  if (actual.length !== expected.length) throw new Error(`length ${actual.length} != expected ${expected.length}`);
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i]!;
    const e = expected[i]!;
    if (Number.isNaN(e) && Number.isNaN(a)) continue;
    if (a === e) continue;
    if (!(Math.abs(a - e) <= atol + rtol * Math.abs(e))) {
      throw new Error(`mismatch at ${i}: got ${a}, expected ${e} (rtol ${rtol}, atol ${atol})`);
    }
  }
}

/** Row-major strides. */
export function strides(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= shape[i]!;
  }
  return s;
}

/** Unflattens index `i` of `shape`. */
export function coords(i: number, shape: readonly number[]): number[] {
  const c = new Array<number>(shape.length);
  for (let d = shape.length - 1; d >= 0; d--) {
    c[d] = i % shape[d]!;
    i = Math.floor(i / shape[d]!);
  }
  return c;
}
