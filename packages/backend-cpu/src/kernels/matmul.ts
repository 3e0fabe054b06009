import { ShapeError, formatShape, type BackendValues } from '@tensorkit/core';
import { gemm } from '../gemm';
import { assertRank, assertSameDtype, defineCpuKernel, inputAt } from '../util';

function asFloat(values: BackendValues): Float32Array {
  return values instanceof Float32Array ? values : Float32Array.from(values);
}

/**
 * Batched matrix product of rank-3 operands: `a` `[batchA, M, K]` (`[batchA, K, M]` when
 * `transposeA`), `b` `[batchB, K, N]` (`[batchB, N, K]` when `transposeB`); batch sizes equal or 1.
 * Output `[max(batchA, batchB), M, N]`, computed by the register-tiled {@link gemm}.
 *
 * @example
 * ```ts
 * runKernel('BatchMatMul', [a, b], { transposeA: false, transposeB: true });
 * ```
 */
export const batchMatMulCpu = defineCpuKernel('BatchMatMul', ({ inputs, attrs, backend }) => {
  const a = inputAt(inputs, 0, 'BatchMatMul');
  const b = inputAt(inputs, 1, 'BatchMatMul');
  assertRank(a, 3, 'a', 'BatchMatMul');
  assertRank(b, 3, 'b', 'BatchMatMul');
  assertSameDtype(a, b, 'BatchMatMul');
  const { transposeA, transposeB } = attrs;
  const [batchA, a1, a2] = a.shape as [number, number, number];
  const [batchB, b1, b2] = b.shape as [number, number, number];
  const [m, k] = transposeA ? [a2, a1] : [a1, a2];
  const [kb, n] = transposeB ? [b2, b1] : [b1, b2];
  if (k !== kb || (batchA !== batchB && batchA !== 1 && batchB !== 1)) {
    throw new ShapeError(
      'SHAPE_MISMATCH',
      `BatchMatMul (cpu): cannot multiply ${formatShape(a.shape)}${transposeA ? 'ᵀ' : ''} by ${formatShape(b.shape)}${transposeB ? 'ᵀ' : ''}; ` +
        'inner dimensions must agree and batch sizes be equal or 1',
    );
  }
  const batch = Math.max(batchA, batchB);
  const av = asFloat(backend.values(a));
  const bv = asFloat(backend.values(b));
  const out = new Float32Array(batch * m * n);
  const aView = { data: av, offset: 0, rowStride: transposeA ? 1 : k, colStride: transposeA ? m : 1 };
  const bView = { data: bv, offset: 0, rowStride: transposeB ? 1 : n, colStride: transposeB ? k : 1 };
  if (batchB === 1 && !transposeA) {
    // One shared right operand: the batch folds into the rows of a single product.
    gemm(batch * m, n, k, aView, bView, out, 0, n, false);
  } else {
    for (let i = 0; i < batch; i++) {
      aView.offset = batchA === 1 ? 0 : i * m * k;
      bView.offset = batchB === 1 ? 0 : i * k * n;
      gemm(m, n, k, aView, bView, out, i * m * n, n, false);
    }
  }
  const shape = [batch, m, n];
  if (a.dtype === 'float32') return backend.makeOutput(out, shape, 'float32');
  return backend.makeOutput(Int32Array.from(out, Math.round), shape, 'int32');
});
