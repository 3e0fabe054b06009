import '@tensorkit/backend-cpu/register';
import { register, unregister } from '@tensorkit/core';
import { add, conv2d, matMul, relu, sum, tensor, variable, type Tensor } from '@tensorkit/tensor';
import { describe, expect, it } from 'vitest';
import { BUILTIN_GRADIENTS, grad, variableGrads, type SavedTensors } from '../src/index';

const values = (t: Tensor | null | undefined): number[] => Array.from(t!.dataSync());

/*
 * The gradient of a network's input batch is never used in training; computing it costs a third
 * of a dense layer's backward products. Gradient functions are told which inputs need one.
 */
describe('needsInputGrad', () => {
  it('marks the inputs that depend on a differentiated tensor, and the result is unchanged', () => {
    const seen: (readonly boolean[] | undefined)[] = [];
    const builtin = BUILTIN_GRADIENTS.BatchMatMul!;
    register({
      kind: 'gradient',
      kernelName: 'BatchMatMul',
      package: 'test',
      gradFunc: (dy: Tensor, saved: SavedTensors) => {
        seen.push(saved.needsInputGrad);
        return builtin(dy, saved);
      },
    });
    const x = tensor([[1, 2], [3, 4]]);
    const w = variable(tensor([[1, -1], [2, 0.5]]));
    try {
      const { value, grads } = variableGrads(() => sum(relu(add(matMul(x, w), 1))));
      // d/dW sum(relu(xW + 1)) = xᵀ·1[xW + 1 > 0]; xW + 1 = [[6, 1], [12, 0]] (0 is not > 0).
      expect(values(grads.get(w))).toEqual([4, 1, 6, 2]);
      value.dispose();
      expect(seen).toEqual([[false, true]]);
      seen.length = 0;
      // Differentiating with respect to x instead flips the flags.
      values(grad((t) => sum(matMul(t, w)))(x));
      expect(seen).toEqual([[true, false]]);
    } finally {
      unregister('gradient', 'BatchMatMul');
      w.dispose();
    }
  });

  it('the matMul and conv gradients skip the inputs that need none (and compute all when absent)', () => {
    const a = tensor([[[1, 2], [3, 4]]]);
    const b = tensor([[[5, 6], [7, 8]]]);
    const dy = tensor([[[1, 0], [0, 1]]]);
    const saved = (needsInputGrad?: boolean[]): SavedTensors => ({
      inputs: [a, b],
      outputs: [],
      attrs: { transposeA: false, transposeB: false },
      ...(needsInputGrad ? { needsInputGrad } : {}),
    });
    const mm = BUILTIN_GRADIENTS.BatchMatMul!;
    const [da, db] = mm(dy, saved([false, true]));
    expect(da).toBeNull();
    expect(values(db)).toEqual([1, 3, 2, 4]);
    const [da2, db2] = mm(dy, saved([true, false]));
    expect(values(da2)).toEqual([5, 7, 6, 8]);
    expect(db2).toBeNull();
    expect(mm(dy, saved()).every((g) => g !== null)).toBe(true);

    const x = tensor(Array.from({ length: 9 }, (_, i) => i), [1, 3, 3, 1]);
    const f = tensor([1, 2, 3, 4], [2, 2, 1, 1]);
    const y = conv2d(x, f);
    const conv = (needs: boolean[]): readonly (Tensor | null)[] =>
      BUILTIN_GRADIENTS.Conv2D!(y, {
        inputs: [x, f],
        outputs: [y],
        attrs: { strides: [1, 1], pads: [0, 0, 0, 0], dilations: [1, 1], groups: 1 },
        needsInputGrad: needs,
      });
    expect(conv([false, true])[0]).toBeNull();
    expect(conv([true, false])[1]).toBeNull();
  });
});
