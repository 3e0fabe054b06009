import {
  CORE_VERSION,
  DTypeError,
  ShapeError,
  formatShape,
  sizeFromShape,
  type BackendValues,
  type KernelArgs,
  type KernelConfig,
  type KernelName,
  type TensorInfo,
} from '@tensorkit/core';
import { PACKAGE_NAME, type CpuBackend } from './backend';

/**
 * A CPU kernel config: the tfjs-core shape, with the backend typed as {@link CpuBackend}.
 *
 * @example
 * ```ts
 * const k: CpuKernel<'Add'> = addCpu;
 * ```
 */
export type CpuKernel<K extends KernelName> = KernelConfig<K, CpuBackend>;

/**
 * Builds a CPU kernel plugin object for `kernelName`.
 *
 * @example
 * ```ts
 * const myNeg = defineCpuKernel('Neg', ({ inputs: [x], backend }) => ...);
 * ```
 */
// Marked side-effect free for bundlers: kernels an app never registers drop out of its bundle.
/* @__NO_SIDE_EFFECTS__ */
export function defineCpuKernel<K extends KernelName>(
  kernelName: K,
  kernelFunc: (args: KernelArgs<K, CpuBackend>) => TensorInfo | TensorInfo[],
): CpuKernel<K> {
  return { kind: 'kernel', kernelName, backendName: 'cpu', kernelFunc, package: PACKAGE_NAME, coreVersion: CORE_VERSION };
}

/** Input `i` of a kernel, or a clear error when it is missing. */
export function inputAt(inputs: readonly TensorInfo[], i: number, kernel: string): TensorInfo {
  const x = inputs[i];
  if (x === undefined) {
    throw new ShapeError('SHAPE_MISMATCH', `${kernel} (cpu): expected at least ${i + 1} input(s), got ${inputs.length}`);
  }
  return x;
}

/** Throws unless `x` has rank `rank`. */
export function assertRank(x: TensorInfo, rank: number, what: string, kernel: string): void {
  if (x.shape.length !== rank) {
    throw new ShapeError('SHAPE_MISMATCH', `${kernel} (cpu): ${what} must be rank ${rank}, got shape ${formatShape(x.shape)}`);
  }
}

/** Throws unless `a` and `b` have the same dtype. */
export function assertSameDtype(a: TensorInfo, b: TensorInfo, kernel: string): void {
  if (a.dtype !== b.dtype) {
    throw new DTypeError(
      'DTYPE_MISMATCH',
      `${kernel} (cpu): operands must have one dtype, got ${a.dtype} and ${b.dtype}; cast one of them first`,
    );
  }
}

/** Throws unless `x` is float32. */
export function assertFloat(x: TensorInfo, what: string, kernel: string): void {
  if (x.dtype !== 'float32') {
    throw new DTypeError('DTYPE_MISMATCH', `${kernel} (cpu): ${what} must be float32, got ${x.dtype}; cast it first`);
  }
}

/** Re-exported from core, where both backends share it. */
export { broadcastStrides } from '@tensorkit/core';

/**
 * Copies the elements of the view `shape` of `src` (at `srcOffset`, `srcStrides`) into the view of
 * `dst` (at `dstOffset`, `dstStrides`). Transpose, slice, broadcast, tile, pad and concat are all
 * this one loop with different strides.
 *
 * @example
 * ```ts
 * // transpose a 2x3 matrix into out (3x2)
 * stridedCopy([3, 2], x, 0, [1, 3], out, 0, [2, 1]);
 * ```
 */
export function stridedCopy(
  shape: readonly number[],
  src: BackendValues,
  srcOffset: number,
  srcStrides: readonly number[],
  dst: BackendValues,
  dstOffset: number,
  dstStrides: readonly number[],
): void {
  const size = sizeFromShape(shape);
  if (size === 0) return;
  const rank = shape.length;
  if (rank === 0) {
    dst[dstOffset] = src[srcOffset]!;
    return;
  }
  const n = shape[rank - 1]!;
  const ss = srcStrides[rank - 1]!;
  const ds = dstStrides[rank - 1]!;
  const idx = new Int32Array(rank);
  let so = srcOffset;
  let dOff = dstOffset;
  for (let o = size / n; o > 0; o--) {
    for (let i = 0, s = so, d = dOff; i < n; i++, s += ss, d += ds) dst[d] = src[s]!;
    for (let ax = rank - 2; ax >= 0; ax--) {
      so += srcStrides[ax]!;
      dOff += dstStrides[ax]!;
      if (++idx[ax]! < shape[ax]!) break;
      idx[ax] = 0;
      so -= srcStrides[ax]! * shape[ax]!;
      dOff -= dstStrides[ax]! * shape[ax]!;
    }
  }
}
