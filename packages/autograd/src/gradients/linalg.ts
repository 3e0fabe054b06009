import { matMul, sum, type Tensor } from '@tensorkit/tensor';
import { needsInputGrad, type GradFunc } from '../gradient-types';

/** Sums a batch gradient over the batch axis when the operand had batch size 1 (broadcast). */
function batchReduce(g: Tensor, like: Tensor): Tensor {
  return like.shape[0] === 1 && g.shape[0] !== 1 ? sum(g, 0, true) : g;
}

/** dA of C = op(A)·op(B), where op transposes the last two axes when the flag is set. */
function gradA(dy: Tensor, b: Tensor, tA: boolean, tB: boolean): Tensor {
  if (!tA) return tB ? matMul(dy, b) : matMul(dy, b, { transposeB: true });
  return tB ? matMul(b, dy, { transposeA: true, transposeB: true }) : matMul(b, dy, { transposeB: true });
}

/** dB of C = op(A)·op(B). */
function gradB(dy: Tensor, a: Tensor, tA: boolean, tB: boolean): Tensor {
  if (!tB) return tA ? matMul(a, dy) : matMul(a, dy, { transposeA: true });
  return tA ? matMul(dy, a, { transposeA: true, transposeB: true }) : matMul(dy, a, { transposeA: true });
}

/**
 * BatchMatMul on rank-3 operands. Each gradient is again a matMul with transpose flags (no
 * copies), computed only when needed: the input batch of a dense layer needs none, and skipping
 * it saves a third of a training step's products.
 */
export const LINALG_GRADIENTS: Record<string, GradFunc> = {
  BatchMatMul: (dy, saved) => {
    const [a, b] = saved.inputs;
    const { transposeA: tA, transposeB: tB } = saved.attrs as { transposeA: boolean; transposeB: boolean };
    return [
      needsInputGrad(saved, 0) ? batchReduce(gradA(dy, b!, tA, tB), a!) : null,
      needsInputGrad(saved, 1) ? batchReduce(gradB(dy, a!, tA, tB), b!) : null,
    ];
  },
};
