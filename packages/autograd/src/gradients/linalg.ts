import { matMul, sum, type Tensor } from '@tensorkit/tensor';
import type { GradFunc } from '../gradient-types';

/** Sums a batch gradient over the batch axis when the operand had batch size 1 (broadcast). */
function batchReduce(g: Tensor, like: Tensor): Tensor {
  return like.shape[0] === 1 && g.shape[0] !== 1 ? sum(g, 0, true) : g;
}

/**
 * BatchMatMul on rank-3 operands: C = op(A)·op(B), where op transposes the last two axes when
 * the flag is set. Each case's gradients are again matMuls with transpose flags (no copies).
 */
export const LINALG_GRADIENTS: Record<string, GradFunc> = {
  BatchMatMul: (dy, { inputs: [a, b], attrs }) => {
    const { transposeA: tA, transposeB: tB } = attrs as { transposeA: boolean; transposeB: boolean };
    let da: Tensor;
    let db: Tensor;
    if (!tA && !tB) {
      da = matMul(dy, b!, { transposeB: true });
      db = matMul(a!, dy, { transposeA: true });
    } else if (!tA && tB) {
      da = matMul(dy, b!);
      db = matMul(dy, a!, { transposeA: true });
    } else if (tA && !tB) {
      da = matMul(b!, dy, { transposeB: true });
      db = matMul(a!, dy);
    } else {
      da = matMul(b!, dy, { transposeA: true, transposeB: true });
      db = matMul(dy, a!, { transposeA: true, transposeB: true });
    }
    return [batchReduce(da, a!), batchReduce(db, b!)];
  },
};
