import '@tensorkit/backend-cpu/register';
import { memory, randn, tensor, tidy, zeros } from '@tensorkit/tensor';
import { describe, expect, it } from 'vitest';
import { batchNorm, batchNormLayer } from '../src/index';
import { expectClose, expectError, values } from './assert';

/** Per-feature statistics of a [rows, C] host matrix. */
function stats(data: number[], c: number): { mean: number[]; biased: number[]; unbiased: number[] } {
  const rows = data.length / c;
  const mean = Array.from({ length: c }, (_, j) => data.filter((_, i) => i % c === j).reduce((a, b) => a + b, 0) / rows);
  const ss = Array.from({ length: c }, (_, j) => data.filter((_, i) => i % c === j).reduce((a, v) => a + (v - mean[j]!) ** 2, 0));
  return { mean, biased: ss.map((s) => s / rows), unbiased: ss.map((s) => s / (rows - 1)) };
}

describe('batchNorm', () => {
  it('train mode: batch statistics, running stats updated with momentum and the unbiased variance', () => {
    for (const shape of [[6, 3], [2, 4, 3], [2, 2, 3, 3]]) {
      const bn = batchNorm();
      const x = randn(shape, { seed: 1, mean: 2, std: 3 });
      const y = bn.apply(x);
      const data = values(x);
      const s = stats(data, 3);
      expectClose(y, data.map((v, i) => (v - s.mean[i % 3]!) / Math.sqrt(s.biased[i % 3]! + 1e-5)), 1e-4);
      expectClose(bn.runningMean!, s.mean.map((m) => 0.1 * m), 1e-5);
      expectClose(bn.runningVar!, s.unbiased.map((v) => 0.9 + 0.1 * v), 1e-5);
    }
  });

  it('eval mode uses the running statistics, and the affine weight and bias', () => {
    const bn = batchNorm({ momentum: 0.5 });
    bn.build([-1, 2]);
    bn.runningMean!.assign(tensor([1, -1]));
    bn.runningVar!.assign(tensor([4, 0.25]));
    bn.weight!.assign(tensor([2, 3]));
    bn.bias!.assign(tensor([0.5, 0]));
    const y = bn.eval().apply(tensor([[3, 0]]));
    expectClose(y, [2 * (2 / Math.sqrt(4 + 1e-5)) + 0.5, 3 * (1 / Math.sqrt(0.25 + 1e-5))]);
    expect(values(bn.runningMean!)).toEqual([1, -1]); // eval leaves the buffers alone
  });

  it('buffers are non-trainable state; trackRunningStats: false and affine: false', () => {
    const bn = batchNorm();
    bn.apply(randn([4, 5], { seed: 0 }));
    expect(bn.namedParameters().map(([n]) => n)).toEqual(['weight', 'bias']);
    expect(bn.namedBuffers().map(([n]) => n)).toEqual(['runningMean', 'runningVar']);
    expect(bn.buffers().every((b) => !b.trainable)).toBe(true);
    const plain = batchNorm({ trackRunningStats: false, affine: false }).eval();
    const x = randn([8, 2], { seed: 3 });
    const s = stats(values(x), 2);
    expectClose(plain.apply(x), values(x).map((v, i) => (v - s.mean[i % 2]!) / Math.sqrt(s.biased[i % 2]! + 1e-5)), 1e-4);
    expect(plain.parameters()).toEqual([]);
    expect(plain.buffers()).toEqual([]);
    expect(batchNormLayer.create(bn.getConfig()).getConfig()).toEqual({ momentum: 0.1, eps: 1e-5, affine: true, trackRunningStats: true });
  });

  it('updating the running statistics leaks no tensor', () => {
    const bn = batchNorm();
    const x = randn([8, 4], { seed: 0 });
    const run = (): void => tidy(() => void bn.apply(x));
    run();
    const before = memory().numTensors;
    for (let i = 0; i < 3; i++) run();
    expect(memory().numTensors).toBe(before);
  });

  it('rejects bad options and inputs', () => {
    expectError(() => batchNorm({ momentum: 2 }), 'INVALID_ARGUMENT', "'momentum'", '[0, 1]');
    expectError(() => batchNorm({ eps: NaN }), 'INVALID_ARGUMENT', "'eps'", 'NaN');
    expectError(() => batchNorm({ affine: 'no' as never }), 'INVALID_ARGUMENT', "'affine'");
    expectError(() => batchNorm().apply(zeros([4])), 'INVALID_SHAPE', 'batchNorm', 'rank-2 or 3 or 4');
    expectError(() => batchNorm().apply(zeros([1, 3])), 'SHAPE_MISMATCH', 'more than 1 value per feature');
    const bn = batchNorm();
    bn.apply(randn([4, 3], { seed: 0 }));
    expectError(() => bn.apply(zeros([4, 2])), 'SHAPE_MISMATCH', 'features 3');
  });
});
