import { ShapeError, formatShape } from '@tensorkit/core';
import { assertSameDtype, defineWebGLKernel, inputAt } from '../kernel';

/**
 * Batched matrix product of rank-3 operands, run by tfjs-backend-webgl's packed matmul program:
 * `a` `[batchA, M, K]` (`[batchA, K, M]` when `transposeA`), `b` `[batchB, K, N]`
 * (`[batchB, N, K]` when `transposeB`); batch sizes equal or 1.
 *
 * @example
 * ```ts
 * runKernel('BatchMatMul', [a, b], { transposeA: false, transposeB: true });
 * ```
 */
export const batchMatMulWebGL = defineWebGLKernel('BatchMatMul', ({ inputs, attrs, backend }) => {
  const a = inputAt(inputs, 0, 'BatchMatMul');
  const b = inputAt(inputs, 1, 'BatchMatMul');
  assertSameDtype(a, b, 'BatchMatMul');
  const { transposeA, transposeB } = attrs;
  const bad = a.shape.length !== 3 || b.shape.length !== 3;
  const [batchA, a1, a2] = a.shape as [number, number, number];
  const [batchB, b1, b2] = b.shape as [number, number, number];
  const k = transposeA ? a1 : a2;
  const kb = transposeB ? b2 : b1;
  if (bad || k !== kb || (batchA !== batchB && batchA !== 1 && batchB !== 1)) {
    throw new ShapeError(
      'SHAPE_MISMATCH',
      `BatchMatMul (webgl): cannot multiply ${formatShape(a.shape)}${transposeA ? 'ᵀ' : ''} by ${formatShape(b.shape)}${transposeB ? 'ᵀ' : ''}; ` +
        'operands must be rank 3, inner dimensions must agree and batch sizes be equal or 1',
    );
  }
  const out = backend.runTfjsKernel('BatchMatMul', { a, b }, { transposeA, transposeB });
  return { ...out, dtype: a.dtype };
});
