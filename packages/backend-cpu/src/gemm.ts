/*
 * The one matrix-multiply entry of the CPU backend, shared by BatchMatMul and the conv kernels.
 */
import { createGemmScratch, gemmKernel, type MatrixView } from './gemm-kernel';
import { parallelGemm } from './parallel';

export { createGemmScratch, gemmKernel, packedBSize, type GemmScratch, type MatrixView } from './gemm-kernel';

const mainScratch = createGemmScratch();

/**
 * `C (+)= A · B` for an `m x k` view `a`, a `k x n` view `b` and a row-major `c` (leading dimension
 * `ldc`, starting at `cOffset`). With `accumulate` false, `C` is overwritten. Large products may be
 * split over worker threads in Node (see {@link setCpuThreads}); results are identical.
 *
 * @example
 * ```ts
 * const c = new Float32Array(4);
 * gemm(2, 2, 2, { data: a, offset: 0, rowStride: 2, colStride: 1 }, { data: b, offset: 0, rowStride: 2, colStride: 1 }, c, 0, 2, false);
 * ```
 */
export function gemm(
  m: number,
  n: number,
  k: number,
  a: MatrixView,
  b: MatrixView,
  c: Float32Array,
  cOffset: number,
  ldc: number,
  accumulate: boolean,
): void {
  if (parallelGemm(m, n, k, a, b, c, cOffset, ldc, accumulate, mainScratch)) return;
  gemmKernel(m, n, k, a, b, c, cOffset, ldc, accumulate, mainScratch);
}

export { setCpuThreads, getCpuThreads } from './parallel';
