import '@tensorkit/backend-cpu/register';
import { describe, expect, it } from 'vitest';
import {
  gather, indexSelect, indexSelectGrad, memory, oneHot, takeAlongAxis, takeAlongAxisGrad, tensor,
} from '../src/index';
import { expectError, expectTensor } from './ops-helpers';

const int = (v: number[] | number[][], shape?: number[]): ReturnType<typeof tensor> => tensor(v, shape, 'int32');

describe('indexSelect / gather', () => {
  it('selects along an axis with indices of any rank', () => {
    const x = tensor([[1, 2], [3, 4], [5, 6]]);
    expectTensor(indexSelect(x, int([2, 0]), 0), [[5, 6], [1, 2]], [2, 2]);
    expectTensor(indexSelect(x, [1], 1), [[2], [4], [6]], [3, 1]);
    expectTensor(indexSelect(x, [1, 1], -1), [[2, 2], [4, 4], [6, 6]], [3, 2]);
    expectTensor(gather(x, int([[0], [2]]), 0), [[[1, 2]], [[5, 6]]], [2, 1, 2]);
    expectTensor(gather(tensor([10, 20, 30]), [2, 2, 0], 0), [30, 30, 10]);
    x.dispose();
  });

  it('refuses float indices, bad axes and junk', () => {
    const x = tensor([[1, 2], [3, 4]]);
    expectError(() => indexSelect(x, tensor([0, 1]), 0), 'DTYPE_MISMATCH', 'indexSelect', 'indices', 'float32');
    expectError(() => indexSelect(x, [0.5], 0), 'INVALID_ARGUMENT', 'indexSelect', 'indices');
    expectError(() => gather(x, [0], 2), 'INVALID_AXIS', 'gather', 'rank 2');
    expectError(() => gather(x, 'a' as never, 0), 'INVALID_ARGUMENT', 'gather');
    x.dispose();
  });

  it('has a scatter-add adjoint', () => {
    expectTensor(indexSelectGrad(int([0, 0, 2]), tensor([1, 2, 3]), 0, [3]), [3, 0, 3], [3]);
    expectTensor(indexSelectGrad([1, 1], tensor([[1, 2], [3, 4]]), 1, [2, 3]), [[0, 3, 0], [0, 7, 0]], [2, 3]);
    expectError(() => indexSelectGrad([0, 1], tensor([1, 2, 3]), 0, [3]), 'SHAPE_MISMATCH', 'indexSelectGrad', '[3]', '[2]');
    expectError(() => indexSelectGrad(tensor([0]), tensor([1]), 0, [3]), 'DTYPE_MISMATCH', 'indexSelectGrad');
  });
});

describe('takeAlongAxis', () => {
  it('is torch.gather', () => {
    const x = tensor([[1, 2], [3, 4]]);
    expectTensor(takeAlongAxis(x, int([[1, 1], [0, 1]]), 1), [[2, 2], [3, 4]], [2, 2]);
    expectTensor(takeAlongAxis(x, int([[1, 0]]), 0), [[3, 2]], [1, 2]);
    expectTensor(takeAlongAxis(x, int([[0], [0]]), -1), [[1], [3]], [2, 1]);
    expectError(() => takeAlongAxis(x, int([1, 0]), 0), 'SHAPE_MISMATCH', 'takeAlongAxis', '[2]', '[2,2]');
    expectError(() => takeAlongAxis(x, int([[0], [0], [0]]), 1), 'SHAPE_MISMATCH', 'takeAlongAxis', '[3,1]');
    expectError(() => takeAlongAxis(x, tensor([[0]]), 1), 'DTYPE_MISMATCH', 'takeAlongAxis');
    x.dispose();
  });

  it('has a scatter-add adjoint', () => {
    expectTensor(takeAlongAxisGrad(int([[1, 1]]), tensor([[1, 2]]), 1, [1, 3]), [[0, 3, 0]], [1, 3]);
    expectError(() => takeAlongAxisGrad(int([[1, 1]]), tensor([[1]]), 1, [1, 3]), 'SHAPE_MISMATCH', 'takeAlongAxisGrad', '[1,1]', '[1,2]');
  });
});

describe('oneHot', () => {
  it('encodes integers', () => {
    const a = oneHot(int([0, 2]), 3);
    expect(a.dtype).toBe('int32');
    expectTensor(a, [[1, 0, 0], [0, 0, 1]], [2, 3]);
    const b = oneHot([1], 2, 0.9, 0.1);
    expect(b.dtype).toBe('float32');
    expectTensor(b, [[0.1, 0.9]], [1, 2]);
    expectTensor(oneHot(int([[0], [5]]), 2), [[[1, 0]], [[0, 0]]], [2, 1, 2]);
    expectError(() => oneHot([0], 0), 'INVALID_ARGUMENT', 'oneHot', 'depth');
    expectError(() => oneHot(tensor([0.5]), 2), 'DTYPE_MISMATCH', 'oneHot', 'indices');
    expectError(() => oneHot([0], 2, NaN), 'INVALID_ARGUMENT', 'oneHot', 'onValue');
  });

  it('leaks nothing', () => {
    const before = memory().numTensors;
    oneHot([0, 1], 2).dispose();
    expect(() => oneHot(tensor([0.5]), 2)).toThrow();
    expect(memory().numTensors).toBe(before + 1);
  });
});
