import { describe, expect, it } from 'vitest';
import { batchMatMulCpu } from '../src/index';
import { expectClose, randn, run, t } from './helpers';

/** Naive triple loop in float64 over the logical (un-transposed) operands. */
function naiveBmm(
  a: Float32Array, b: Float32Array, batchA: number, batchB: number, m: number, n: number, k: number, tA: boolean, tB: boolean,
): Float64Array {
  const batch = Math.max(batchA, batchB);
  const out = new Float64Array(batch * m * n);
  for (let q = 0; q < batch; q++) {
    const ao = batchA === 1 ? 0 : q * m * k;
    const bo = batchB === 1 ? 0 : q * k * n;
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let p = 0; p < k; p++) s += a[ao + (tA ? p * m + i : i * k + p)]! * b[bo + (tB ? j * k + p : p * n + j)]!;
        out[q * m * n + i * n + j] = s;
      }
    }
  }
  return out;
}

describe('BatchMatMul', () => {
  const sizes: [number, number, number][] = [[1, 1, 1], [5, 7, 3], [33, 65, 17], [4, 4, 4], [130, 9, 300], [2, 2050, 3]];
  const flags = [[false, false], [true, false], [false, true], [true, true]] as const;
  const batches: [number, number][] = [[1, 1], [3, 3], [3, 1], [1, 2]];
  for (const [m, n, k] of sizes) {
    it(`matches a naive loop for M=${m} N=${n} K=${k} with transposes and batch broadcast`, () => {
      for (const [tA, tB] of flags) {
        for (const [batchA, batchB] of m * n * k > 100000 ? [[2, 1] as [number, number]] : batches) {
          const a = randn(batchA * m * k, m * 31 + k);
          const b = randn(batchB * k * n, n * 17 + k);
          const r = run(batchMatMulCpu, [t(a, tA ? [batchA, k, m] : [batchA, m, k]), t(b, tB ? [batchB, n, k] : [batchB, k, n])], {
            transposeA: tA, transposeB: tB,
          });
          expect(r.shape).toEqual([Math.max(batchA, batchB), m, n]);
          expectClose(r.values, naiveBmm(a, b, batchA, batchB, m, n, k, tA, tB), 1e-4, 1e-5);
        }
      }
    });
  }

  it('handles K = 0 and int32', () => {
    expect(run(batchMatMulCpu, [t([], [1, 2, 0]), t([], [1, 0, 3])], { transposeA: false, transposeB: false }).values).toEqual([0, 0, 0, 0, 0, 0]);
    const r = run(batchMatMulCpu, [t([1, 2, 3, 4], [1, 2, 2], 'int32'), t([5, 6, 7, 8], [1, 2, 2], 'int32')], { transposeA: false, transposeB: false });
    expect([r.dtype, r.values]).toEqual(['int32', [19, 22, 43, 50]]);
  });

  it('rejects bad ranks and inner-dimension mismatches', () => {
    expect(() => run(batchMatMulCpu, [t([1, 2], [1, 2]), t([1, 2], [1, 2, 1])], { transposeA: false, transposeB: false })).toThrow(/rank 3/);
    expect(() => run(batchMatMulCpu, [t([1, 2, 3], [1, 1, 3]), t([1, 2], [1, 2, 1])], { transposeA: false, transposeB: false })).toThrow(/inner/);
    expect(() => run(batchMatMulCpu, [t([1, 2], [2, 1, 1]), t([1, 2, 3], [3, 1, 1])], { transposeA: false, transposeB: false })).toThrow(/batch/);
  });
});
