import '@tensorkit/backend-cpu/register';
import { describe, expect, it } from 'vitest';
import {
  avgPool2d, avgPool2dGrad, conv1d, conv2d, conv2dBackpropFilter, conv2dBackpropInput, conv2dTranspose, logSoftmax,
  maxPool2d, maxPool2dGrad, mul, ones, rand, softmax, sum, tensor, tidy, zeros, type Conv2DTransposeOptions, type Tensor,
} from '../src/index';
import { expectError, expectTensor } from './ops-helpers';

/** x = [[1,2,3],[4,5,6],[7,8,9]] as [1, 3, 3, 1]. */
const img = (): Tensor => tensor([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 3, 3, 1]);
const squeezeHW = (t: Tensor): Tensor => tidy(() => tensor(t.dataSync(), [t.shape[1]!, t.shape[2]!]));

describe('conv2d', () => {
  it('cross-correlates with PyTorch geometry', () => {
    const x = img();
    const w = ones([2, 2, 1, 1]);
    expectTensor(squeezeHW(conv2d(x, w)), [[12, 16], [24, 28]]);
    expectTensor(squeezeHW(conv2d(x, w, { padding: 'same' })), [[12, 16, 9], [24, 28, 15], [15, 17, 9]]);
    expectTensor(squeezeHW(conv2d(x, ones([3, 3, 1, 1]), { strides: 2, padding: 1 })), [[12, 16], [24, 28]]);
    expectTensor(squeezeHW(conv2d(x, ones([2, 2, 1, 1]), { dilation: 2 })), [[1 + 3 + 7 + 9]]);
    expectTensor(squeezeHW(conv2d(x, w, { padding: [[0, 0], [1, 0]] })), [[5, 12, 16], [11, 24, 28]]);
    const unbatched = conv2d(tensor([1, 2, 3, 4, 5, 6, 7, 8, 9], [3, 3, 1]), w);
    expectTensor(unbatched, [[[12], [16]], [[24], [28]]], [2, 2, 1]);
    // Two groups: each output channel sees only its own input channel.
    expectTensor(conv2d(tensor([1, 2], [1, 1, 1, 2]), tensor([10, 100], [1, 1, 1, 2]), { groups: 2 }), [[[[10, 200]]]]);
    x.dispose();
    w.dispose();
  });

  it('refuses bad shapes, dtypes and options', () => {
    const x = zeros([1, 5, 5, 3]);
    expectError(() => conv2d(x, zeros([3, 3, 4, 8])), 'SHAPE_MISMATCH', 'conv2d', '[1,5,5,3]', '[3,3,4,8]');
    expectError(() => conv2d(zeros([5, 5]), zeros([3, 3, 1, 1])), 'SHAPE_MISMATCH', 'conv2d', '[5,5]');
    expectError(() => conv2d(x, zeros([3, 3, 3])), 'SHAPE_MISMATCH', 'conv2d', '[3,3,3]');
    expectError(() => conv2d(tensor([[[[true]]]]), zeros([1, 1, 1, 1])), 'DTYPE_MISMATCH', 'conv2d', 'bool');
    expectError(() => conv2d(x, zeros([3, 3, 3, 8]), { padding: 'same', strides: 2 }), 'INVALID_ARGUMENT', 'conv2d', 'same');
    expectError(() => conv2d(x, zeros([3, 3, 3, 8]), { strides: 0 }), 'INVALID_ARGUMENT', 'conv2d', 'strides');
    expectError(() => conv2d(x, zeros([3, 3, 3, 8]), { padding: 'full' as never }), 'INVALID_ARGUMENT', 'conv2d', 'padding');
    expectError(() => conv2d(x, zeros([3, 3, 3, 8]), { dilation: NaN }), 'INVALID_ARGUMENT', 'conv2d', 'dilation');
    expectError(() => conv2d(x, zeros([3, 3, 1, 8]), { groups: 2 }), 'SHAPE_MISMATCH', 'conv2d', 'groups=2');
    expectError(() => conv2d(x, zeros([7, 7, 3, 1])), 'SHAPE_MISMATCH', 'conv2d', 'larger');
    x.dispose();
  });
});

describe('conv1d', () => {
  it('convolves along the length', () => {
    expectTensor(conv1d(tensor([1, 2, 3, 4], [1, 4, 1]), tensor([1, -1], [2, 1, 1])), [[[-1], [-1], [-1]]], [1, 3, 1]);
    expectTensor(conv1d(tensor([1, 2, 3, 4], [4, 1]), tensor([1, 1], [2, 1, 1]), { padding: 'same' }), [[3], [5], [7], [4]], [4, 1]);
    expectTensor(conv1d(tensor([1, 2, 3, 4], [4, 1]), tensor([1, 1], [2, 1, 1]), { padding: [1, 0], strides: 2 }), [[1], [5]], [2, 1]);
    expect(conv1d(zeros([2, 10, 4]), zeros([3, 2, 6]), { groups: 2, dilation: 2 }).shape).toEqual([2, 6, 6]);
    expectError(() => conv1d(zeros([2, 10, 4]), zeros([3, 3, 8])), 'SHAPE_MISMATCH', 'conv1d');
    expectError(() => conv1d(zeros([2, 10, 4, 1]), zeros([3, 4, 8])), 'SHAPE_MISMATCH', 'conv1d', '[2,10,4,1]');
    expectError(() => conv1d(zeros([10, 4]), zeros([3, 4, 8]), { padding: [1] as never }), 'INVALID_ARGUMENT', 'conv1d', 'padding');
  });
});

describe('conv2dTranspose and the backward ops', () => {
  it('matches hand-computed transposed convolutions', () => {
    const x = tensor([1, 2, 3, 4], [1, 2, 2, 1]);
    const w = ones([2, 2, 1, 1]);
    expectTensor(squeezeHW(conv2dTranspose(x, w)), [[1, 3, 2], [4, 10, 6], [3, 7, 4]]);
    const s2 = [[1, 1, 2, 2], [1, 1, 2, 2], [3, 3, 4, 4], [3, 3, 4, 4]];
    expectTensor(squeezeHW(conv2dTranspose(x, w, { strides: 2 })), s2);
    expectTensor(squeezeHW(conv2dTranspose(x, w, { strides: 2, padding: 1 })), [[1, 2], [3, 4]]);
    expectTensor(squeezeHW(conv2dTranspose(x, w, { strides: 2, padding: 1, outputPadding: 1 })), [[1, 2, 2], [3, 4, 4], [3, 4, 4]]);
    expectTensor(squeezeHW(conv2dTranspose(x, w, { strides: 2, padding: 'same' })), s2);
    // outputPadding beyond the reach of the kernel (allowed because it is below the dilation): zero rows.
    const col = conv2dTranspose(tensor([1, 2], [1, 2, 1, 1]), ones([2, 1, 1, 1]), { dilation: [3, 1], outputPadding: [2, 0] });
    expectTensor(col, [[[[1]], [[2]], [[0]], [[1]], [[2]], [[0]], [[0]]]], [1, 7, 1, 1]);
    x.dispose();
    w.dispose();
  });

  it('is the adjoint of conv2d, and conv2dBackpropInput agrees', () => {
    const cases: [number[], number[], Conv2DTransposeOptions][] = [
      [[2, 5, 6, 4], [3, 3, 2, 6], { strides: 2, padding: 1, groups: 2 }],
      [[1, 7, 7, 3], [3, 2, 3, 2], { strides: [2, 3], padding: [[1, 0], [0, 1]], dilation: [1, 2] }],
      [[1, 6, 6, 2], [2, 2, 2, 3], { strides: 2 }],
    ];
    for (const [xShape, wShape, opts] of cases) {
      tidy(() => {
        const x = rand(xShape, { seed: 1 });
        const w = rand(wShape, { seed: 2 });
        const y = conv2d(x, w, opts);
        const dy = rand(y.shape, { seed: 3 });
        // <conv2d(x), dy> = <x, conv2dTranspose(dy)>, with outputPadding chosen to restore x's size.
        const plain = conv2dTranspose(dy, w, opts);
        const outputPadding: [number, number] = [xShape[1]! - plain.shape[1]!, xShape[2]! - plain.shape[2]!];
        const back = conv2dTranspose(dy, w, { ...opts, outputPadding });
        expect(back.shape).toEqual(xShape);
        const lhs = sum(mul(y, dy)).dataSync()[0]!;
        const rhs = sum(mul(x, back)).dataSync()[0]!;
        expect(rhs).toBeCloseTo(lhs, 3);
        const bi = conv2dBackpropInput(dy, w, xShape, opts);
        expect(Array.from(bi.dataSync()).every((v, i) => Math.abs(v - back.dataSync()[i]!) < 1e-4)).toBe(true);
        // <conv2d(x, w), dy> = <w, backpropFilter(x, dy)>
        const bf = conv2dBackpropFilter(x, dy, wShape, opts);
        expect(sum(mul(w, bf)).dataSync()[0]!).toBeCloseTo(lhs, 3);
      });
    }
  });

  it('refuses bad shapes and options', () => {
    const x = zeros([1, 4, 4, 8]);
    expectError(() => conv2dTranspose(x, zeros([3, 3, 2, 4])), 'SHAPE_MISMATCH', 'conv2dTranspose', '[1,4,4,8]', '[3,3,2,4]');
    expectError(() => conv2dTranspose(x, zeros([3, 3, 2, 8]), { strides: 2, outputPadding: 2 }), 'INVALID_ARGUMENT', 'conv2dTranspose', 'outputPadding');
    expectError(() => conv2dTranspose(x, zeros([3, 3, 2, 8]), { padding: 5 }), 'SHAPE_MISMATCH', 'conv2dTranspose', 'padding');
    expectError(() => conv2dTranspose(tensor([[[[true]]]]), zeros([1, 1, 1, 1])), 'DTYPE_MISMATCH', 'conv2dTranspose');
    expectError(() => conv2dBackpropInput(zeros([1, 2, 2, 8]), zeros([3, 3, 2, 8]), [1, 5, 5, 2]), 'SHAPE_MISMATCH', 'conv2dBackpropInput', '[1,2,2,8]', '[1,3,3,8]');
    expectError(() => conv2dBackpropFilter(zeros([1, 5, 5, 2]), zeros([1, 2, 2, 8]), [3, 3, 2, 8]), 'SHAPE_MISMATCH', 'conv2dBackpropFilter', '[1,2,2,8]');
    expectError(() => conv2dBackpropInput(zeros([1, 3, 3, 8]), zeros([3, 3, 2, 8]), 'x' as never), 'INVALID_SHAPE', 'conv2dBackpropInput', 'inputShape');
    x.dispose();
  });
});

describe('pooling', () => {
  const grid = (): Tensor => tensor(Array.from({ length: 16 }, (_, i) => i), [1, 4, 4, 1]);

  it('max-pools with PyTorch geometry', () => {
    expectTensor(squeezeHW(maxPool2d(grid(), { poolSize: 2 })), [[5, 7], [13, 15]]);
    expectTensor(squeezeHW(maxPool2d(grid(), { poolSize: 3, strides: 1 })), [[10, 11], [14, 15]]);
    expectTensor(squeezeHW(maxPool2d(grid(), { poolSize: 3, strides: 2, ceilMode: true })), [[10, 11], [14, 15]]);
    expectTensor(squeezeHW(maxPool2d(tensor([-1, -2, -3, -4], [1, 2, 2, 1]), { poolSize: 2, padding: 1 })), [[-1, -2], [-3, -4]]);
    expectTensor(squeezeHW(maxPool2d(grid(), { poolSize: 2, dilation: 2 })), [[10]]);
    expectTensor(squeezeHW(maxPool2d(grid(), { poolSize: 2, strides: 1, dilation: 2 })), [[10, 11], [14, 15]]);
    expect(maxPool2d(zeros([1, 5, 5, 3]), { poolSize: 2, ceilMode: true }).shape).toEqual([1, 3, 3, 3]);
    expect(maxPool2d(zeros([5, 5, 3]), { poolSize: 2 }).shape).toEqual([2, 2, 3]);
  });

  it('average-pools with the divisor options', () => {
    expectTensor(squeezeHW(avgPool2d(grid(), { poolSize: 2 })), [[2.5, 4.5], [10.5, 12.5]]);
    const small = (): Tensor => tensor([1, 2, 3, 4], [1, 2, 2, 1]);
    expectTensor(squeezeHW(avgPool2d(small(), { poolSize: 3, strides: 1, padding: 1 })), [[10 / 9, 10 / 9], [10 / 9, 10 / 9]]);
    expectTensor(squeezeHW(avgPool2d(small(), { poolSize: 3, strides: 1, padding: 1, countIncludePad: false })), [[2.5, 2.5], [2.5, 2.5]]);
    expectTensor(squeezeHW(avgPool2d(small(), { poolSize: 2, divisorOverride: 2 })), [[5]]);
  });

  it('has backward ops', () => {
    const x = tensor([1, 2, 3, 4], [1, 2, 2, 1]);
    expectTensor(maxPool2dGrad(ones([1, 1, 1, 1]), x, { poolSize: 2 }), [[[[0], [0]], [[0], [1]]]], [1, 2, 2, 1]);
    expectTensor(avgPool2dGrad(ones([1, 1, 1, 1]), [1, 2, 2, 1], { poolSize: 2 }), [[[[0.25], [0.25]], [[0.25], [0.25]]]]);
    expectError(() => maxPool2dGrad(ones([1, 2, 2, 1]), x, { poolSize: 2 }), 'SHAPE_MISMATCH', 'maxPool2dGrad', '[1,2,2,1]', '[1,1,1,1]');
    expectError(() => avgPool2dGrad(ones([1, 2, 1, 1]), [1, 2, 2, 1], { poolSize: 2 }), 'SHAPE_MISMATCH', 'avgPool2dGrad', '[1,2,1,1]');
    x.dispose();
  });

  it('refuses bad options and shapes', () => {
    const x = zeros([1, 4, 4, 1]);
    expectError(() => maxPool2d(x, {} as never), 'INVALID_ARGUMENT', 'maxPool2d', 'poolSize');
    expectError(() => maxPool2d(x, { poolSize: 2, padding: 2 }), 'INVALID_ARGUMENT', 'maxPool2d', 'half');
    expectError(() => maxPool2d(zeros([4, 4]), { poolSize: 2 }), 'SHAPE_MISMATCH', 'maxPool2d', '[4,4]');
    expectError(() => maxPool2d(x, { poolSize: 0 }), 'INVALID_ARGUMENT', 'maxPool2d', 'poolSize');
    expectError(() => avgPool2d(x, { poolSize: 2, divisorOverride: 0 }), 'INVALID_ARGUMENT', 'avgPool2d', 'divisorOverride');
    expectError(() => avgPool2d(x, { poolSize: 2, ceilMode: 'yes' as never }), 'INVALID_ARGUMENT', 'avgPool2d', 'ceilMode');
    expectError(() => avgPool2d(x, { poolSize: 5 }), 'SHAPE_MISMATCH', 'avgPool2d', 'larger');
    expectError(() => avgPool2d(tensor([[[[true]]]]), { poolSize: 1 }), 'DTYPE_MISMATCH', 'avgPool2d', 'bool');
    x.dispose();
  });
});

describe('softmax / logSoftmax', () => {
  it('is exact for large logits', () => {
    const e = [Math.exp(1), Math.exp(2), Math.exp(3)];
    const z = e[0]! + e[1]! + e[2]!;
    expectTensor(softmax(tensor([1, 2, 3])), e.map((v) => v / z));
    expectTensor(softmax(tensor([[1000, 0], [-1000, -1000]])), [[1, 0], [0.5, 0.5]], [2, 2]);
    expectTensor(softmax(tensor([[0, 1], [0, 1]]), 0), [[0.5, 0.5], [0.5, 0.5]]);
    expectTensor(logSoftmax(tensor([0, 0])), [-Math.LN2, -Math.LN2]);
    expectTensor(logSoftmax(tensor([1000, -1000])), [0, -2000], [2], 3);
    expectTensor(logSoftmax(tensor([[1, 2], [3, 4]]), 0), [[1 - (3 + Math.log1p(Math.exp(-2))), 2 - (4 + Math.log1p(Math.exp(-2)))], [-Math.log1p(Math.exp(-2)), -Math.log1p(Math.exp(-2))]]);
    expectError(() => softmax(tensor([1, 2]), 1), 'INVALID_AXIS', 'softmax', 'rank 1');
    expectError(() => logSoftmax({} as never), 'INVALID_ARGUMENT', 'logSoftmax');
  });
});
