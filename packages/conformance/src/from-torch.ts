/**
 * The one place where PyTorch's layouts and dtypes become tensorkit's, and back.
 *
 * tensorkit is channels-last (DESIGN.md §3, NAMES.md "Weight layouts"); the oracle follows
 * PyTorch (NCHW, NCL, `(out, in)` weights, int64 indices). Every conversion is a pure function
 * on host data ({@link HostTensor}), paired with its inverse, so that outputs can be converted
 * back for comparison and gradients (which have their input's layout) can be converted back too.
 */
import type { OracleTensor, ParamValue } from './oracle';

/** Host-side tensor data: flat row-major values with a shape and a tensorkit dtype. */
export interface HostTensor {
  readonly shape: readonly number[];
  readonly data: ArrayLike<number>;
  readonly dtype: 'float32' | 'int32' | 'bool';
}

/**
 * How a tensor is laid out in PyTorch, hence how it is converted.
 * - `plain`: same layout in both libraries (row-major, same axes);
 * - `nchw`: images, PyTorch `(N, C, H, W)` ↔ tensorkit `[N, H, W, C]`;
 * - `ncl`: sequences, `(N, C, L)` ↔ `[N, L, C]`;
 * - `conv2dWeight`: `(outC, inC/g, kh, kw)` ↔ `[kh, kw, inC/g, outC]`;
 * - `conv1dWeight`: `(outC, inC/g, k)` ↔ `[k, inC/g, outC]`;
 * - `convTranspose2dWeight`: `(inC, outC/g, kh, kw)` ↔ `[kh, kw, outC/g, inC]` (tfjs's
 *   `[kh, kw, outC, inC]` when `groups = 1`): the filter of the conv2d whose input gradient
 *   the transposed convolution is;
 * - `linearWeight`: `(out, in)` ↔ `[in, out]`.
 */
export type Layout = 'plain' | 'nchw' | 'ncl' | 'conv2dWeight' | 'conv1dWeight' | 'convTranspose2dWeight' | 'linearWeight';

/** For each layout, the permutation taking PyTorch's axes to tensorkit's (`tk.shape[i] = torch.shape[perm[i]]`). */
const TO_TENSORKIT: Readonly<Record<Exclude<Layout, 'plain'>, readonly number[]>> = {
  nchw: [0, 2, 3, 1],
  ncl: [0, 2, 1],
  conv2dWeight: [2, 3, 1, 0],
  conv1dWeight: [2, 1, 0],
  convTranspose2dWeight: [2, 3, 1, 0],
  linearWeight: [1, 0],
};

/** The inverse of a permutation. */
export function invertPermutation(perm: readonly number[]): number[] {
  const inv = new Array<number>(perm.length);
  perm.forEach((p, i) => {
    inv[p] = i;
  });
  return inv;
}

/** Row-major strides of `shape`. */
function strides(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length).fill(1);
  for (let i = shape.length - 2; i >= 0; i--) s[i] = s[i + 1]! * shape[i + 1]!;
  return s;
}

/** NumPy's `np.transpose(x, perm)` on host data: `out.shape[i] = x.shape[perm[i]]`. */
export function permuteHost(x: HostTensor, perm: readonly number[]): HostTensor {
  const rank = x.shape.length;
  if (perm.length !== rank || [...perm].sort((a, b) => a - b).some((p, i) => p !== i)) {
    throw new Error(`permuteHost: ${JSON.stringify(perm)} is not a permutation of the ${rank} axes of shape [${x.shape.join(', ')}]`);
  }
  const outShape = perm.map((p) => x.shape[p]!);
  const inStrides = strides(x.shape);
  const walk = perm.map((p) => inStrides[p]!); // input stride of each output axis
  const size = outShape.reduce((a, b) => a * b, 1);
  const out = new Float64Array(size);
  const idx = new Array<number>(rank).fill(0);
  let src = 0;
  for (let o = 0; o < size; o++) {
    out[o] = x.data[src]!;
    for (let ax = rank - 1; ax >= 0; ax--) {
      idx[ax]!++;
      src += walk[ax]!;
      if (idx[ax]! < outShape[ax]!) break;
      src -= walk[ax]! * outShape[ax]!;
      idx[ax] = 0;
    }
  }
  return { shape: outShape, data: out, dtype: x.dtype };
}

/** The tensorkit dtype for an oracle tensor: int64 → int32 (checked to fit), bool → bool, else float32. */
export function tensorkitDType(t: OracleTensor): HostTensor['dtype'] {
  if (t.dtype === 'int64') return 'int32';
  if (t.dtype === 'bool') return 'bool';
  return 'float32';
}

/**
 * An oracle tensor as tensorkit host data, in tensorkit's layout. Integer data must fit in int32.
 *
 * @example
 * ```ts
 * fromTorch({ shape: [1, 2, 1, 1], data: [1, 2] }, 'nchw'); // shape [1, 1, 1, 2]
 * ```
 */
export function fromTorch(t: OracleTensor, layout: Layout = 'plain'): HostTensor {
  const size = t.shape.reduce((a, b) => a * b, 1);
  if (t.data.length !== size) {
    throw new Error(`fromTorch: shape [${t.shape.join(', ')}] needs ${size} values, got ${t.data.length}`);
  }
  const dtype = tensorkitDType(t);
  if (dtype === 'int32' && t.data.some((v) => !Number.isInteger(v) || v < -(2 ** 31) || v >= 2 ** 31)) {
    throw new Error('fromTorch: an int64 value does not fit in int32');
  }
  const host: HostTensor = { shape: [...t.shape], data: t.data, dtype };
  return layout === 'plain' ? host : permuteHost(host, TO_TENSORKIT[layout]);
}

/**
 * The inverse of {@link fromTorch}: tensorkit host data back in PyTorch's layout, for comparing
 * an output (or, later, a gradient) with the oracle.
 *
 * @example
 * ```ts
 * toTorch({ shape: [1, 1, 1, 2], data: [1, 2], dtype: 'float32' }, 'nchw').shape; // [1, 2, 1, 1]
 * ```
 */
export function toTorch(t: HostTensor, layout: Layout = 'plain'): HostTensor {
  return layout === 'plain' ? t : permuteHost(t, invertPermutation(TO_TENSORKIT[layout]));
}

/** PyTorch's int-or-pair argument (`kernel_size=3`, `stride=(2, 1)`) as a pair. */
export function pair(v: ParamValue | undefined, name: string): [number, number] {
  if (typeof v === 'number') return [v, v];
  if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'number' && typeof v[1] === 'number') return [v[0], v[1]];
  throw new Error(`expected ${name} to be an int or a pair of ints, got ${JSON.stringify(v)}`);
}

/** PyTorch's `dim` argument (int, list of ints, or `None` for all axes) as tensorkit's `axis`. */
export function axisParam(v: ParamValue | undefined): number | number[] | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === 'number') return v;
  if (Array.isArray(v) && v.every((d) => typeof d === 'number')) return [...(v as number[])];
  throw new Error(`expected dim to be an int, a list of ints or null, got ${JSON.stringify(v)}`);
}

/** A number parameter, or an error naming it. */
export function num(v: ParamValue | undefined, name: string): number {
  if (typeof v !== 'number') throw new Error(`expected ${name} to be a number, got ${JSON.stringify(v)}`);
  return v;
}

/** A boolean parameter, or an error naming it. */
export function bool(v: ParamValue | undefined, name: string): boolean {
  if (typeof v !== 'boolean') throw new Error(`expected ${name} to be a boolean, got ${JSON.stringify(v)}`);
  return v;
}

/** A list-of-ints parameter, or an error naming it. */
export function ints(v: ParamValue | undefined, name: string): number[] {
  if (Array.isArray(v) && v.every((d) => typeof d === 'number')) return [...(v as number[])];
  throw new Error(`expected ${name} to be a list of ints, got ${JSON.stringify(v)}`);
}
