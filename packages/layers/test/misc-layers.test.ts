import '@tensorkit/backend-cpu/register';
import { reluActivation } from '@tensorkit/activations';
import { variableGrads } from '@tensorkit/autograd';
import { mul, randn, sum, tensor, zeros } from '@tensorkit/tensor';
import { describe, expect, it } from 'vitest';
import { activation, embedding, layerNorm, prelu, reshape } from '../src/index';
import { expectClose, expectError, values } from './assert';

describe('layerNorm, embedding, prelu, activation, reshape', () => {
  it('layerNorm normalizes the trailing axes with the biased variance', () => {
    const ln = layerNorm({ normalizedShape: [2, 2] });
    const x = tensor([[[1, 2], [3, 4]], [[0, 0], [0, 8]]]);
    const y = ln.apply(x);
    const row = (v: number[]): number[] => {
      const m = v.reduce((a, b) => a + b) / v.length;
      const s = Math.sqrt(v.reduce((a, b) => a + (b - m) ** 2, 0) / v.length + 1e-5);
      return v.map((e) => (e - m) / s);
    };
    expectClose(y, [...row([1, 2, 3, 4]), ...row([0, 0, 0, 8])], 1e-5);
    expect(ln.weight!.shape).toEqual([2, 2]);
    const inferred = layerNorm();
    inferred.apply(zeros([3, 5]));
    expect(inferred.normalizedShape).toEqual([5]);
    expect(layerNorm({ elementwiseAffine: false, normalizedShape: 3 }).parameters()).toEqual([]);
    expectError(() => ln.apply(zeros([2, 3])), 'SHAPE_MISMATCH', 'layerNorm', 'normalized axis -1 of size 2', '[2,3]');
    expectError(() => layerNorm({ normalizedShape: [0] }), 'INVALID_ARGUMENT', "'normalizedShape'");
    expectError(() => layerNorm({ eps: -1 }), 'INVALID_ARGUMENT', "'eps'");
  });

  it('embedding looks rows up; the paddingIdx row starts at zero and gets no gradient', () => {
    const e = embedding({ numEmbeddings: 4, embeddingDim: 2, paddingIdx: 1, seed: 0 });
    expect(values(e.weight).slice(2, 4)).toEqual([0, 0]);
    e.weight.assign(tensor([[1, 2], [3, 4], [5, 6], [7, 8]]));
    const idx = tensor([[1, 3], [3, 0]], undefined, 'int32');
    const y = e.apply(idx);
    expect(y.shape).toEqual([2, 2, 2]);
    expect(values(y)).toEqual([3, 4, 7, 8, 7, 8, 1, 2]);
    const up = randn([2, 2, 2], { seed: 1 });
    const { grads } = variableGrads(() => sum(mul(e.apply(idx), up)), [e.weight]);
    const u = values(up);
    const at = (p: number): number[] => u.slice(2 * p, 2 * p + 2);
    // Rows scatter-add the upstream of the positions that use them; the padding row (1) gets none.
    expectClose(grads.get(e.weight)!, [...at(3), 0, 0, 0, 0, at(1)[0]! + at(2)[0]!, at(1)[1]! + at(2)[1]!]);
    expect(embedding({ numEmbeddings: 4, embeddingDim: 2, paddingIdx: -3 }).paddingIdx).toBe(1);
    expectError(() => e.apply(tensor([1.5])), 'DTYPE_MISMATCH', 'embedding', 'int32');
    expectError(() => embedding({ numEmbeddings: 4, embeddingDim: 2, paddingIdx: 4 }), 'INVALID_ARGUMENT', "'paddingIdx'");
    expectError(() => embedding({ numEmbeddings: 0, embeddingDim: 2 }), 'INVALID_ARGUMENT', "'numEmbeddings'");
  });

  it('prelu: x where x > 0, else weight · x; learnable per channel', () => {
    const p = prelu();
    expect(values(p.weight)).toEqual([0.25]);
    expect(values(p.apply(tensor([-2, 3, 0])))).toEqual([-0.5, 3, 0]);
    const perChannel = prelu({ numParameters: 2, init: 0.5 });
    expect(values(perChannel.apply(tensor([[-2, -4], [1, -1]])))).toEqual([-1, -2, 1, -0.5]);
    expectError(() => perChannel.apply(zeros([2, 3])), 'SHAPE_MISMATCH', 'prelu', 'channels (numParameters) 2');
    expectError(() => prelu({ init: NaN }), 'INVALID_ARGUMENT', "'init'", 'NaN');
  });

  it('activation wraps a registered name or a plugin; reshape keeps the batch axis', () => {
    expect(values(activation({ activation: reluActivation }).apply(tensor([-1, 2])))).toEqual([0, 2]);
    expect(activation({ activation: reluActivation }).getConfig()).toEqual({ activation: 'relu' });
    expectError(() => activation({ activation: 'nope' }), 'NOT_REGISTERED', "no activation 'nope'");
    expectError(() => activation({} as never), 'INVALID_ARGUMENT', "'activation' is required");
    const r = reshape({ targetShape: [2, -1] });
    expect(r.apply(zeros([3, 6])).shape).toEqual([3, 2, 3]);
    expect(r.computeOutputShape([-1, 4])).toEqual([-1, 2, 2]);
    expectError(() => r.apply(zeros([3, 5])), 'SHAPE_MISMATCH', 'reshape', '5 values');
    expectError(() => reshape({ targetShape: [-1, -1] }), 'INVALID_ARGUMENT', "'targetShape'", 'one -1');
  });
});
