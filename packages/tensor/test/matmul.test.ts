import '@tensorkit/backend-cpu/register';
import { describe, expect, it } from 'vitest';
import { dot, matMul, outer, tensor, zeros } from '../src/index';
import { expectError, expectTensor } from './ops-helpers';

describe('matMul', () => {
  const a = [[1, 2], [3, 4]];
  it('multiplies matrices, with transposes', () => {
    expectTensor(matMul(a, [[5], [6]]), [[17], [39]], [2, 1]);
    expectTensor(matMul(a, a, { transposeA: true }), [[10, 14], [14, 20]], [2, 2]);
    expectTensor(matMul(a, a, { transposeB: true }), [[5, 11], [11, 25]], [2, 2]);
    expectTensor(matMul(a, a, { transposeA: true, transposeB: true }), [[7, 15], [10, 22]], [2, 2]);
    const i = matMul(tensor(a, undefined, 'int32'), tensor(a, undefined, 'int32'));
    expect(i.dtype).toBe('float32');
    expectTensor(i, [[7, 10], [15, 22]]);
  });

  it('follows NumPy for vectors', () => {
    expectTensor(matMul([1, 2], a), [7, 10], [2]);
    expectTensor(matMul(a, [1, 2]), [5, 11], [2]);
    expectTensor(matMul([1, 2], [3, 4]), 11, []);
    expectTensor(matMul([[[1, 2]], [[3, 4]]], [1, 1]), [[3], [7]], [2, 1]);
  });

  it('broadcasts batch dimensions', () => {
    const b3 = tensor([[[1, 0], [0, 1]], [[2, 0], [0, 2]]]);
    expectTensor(matMul(b3, a), [[[1, 2], [3, 4]], [[2, 4], [6, 8]]], [2, 2, 2]);
    expectTensor(matMul(a, b3), [[[1, 2], [3, 4]], [[2, 4], [6, 8]]], [2, 2, 2]);
    expect(matMul(zeros([2, 1, 3, 4]), zeros([5, 4, 6])).shape).toEqual([2, 5, 3, 6]);
    const x = tensor([[[[1, 2]]], [[[3, 4]]]]); // [2, 1, 1, 2]
    const y = tensor([[[1], [1]], [[1], [2]], [[0], [1]]]); // [3, 2, 1]
    expectTensor(matMul(x, y), [[[[3]], [[5]], [[2]]], [[[7]], [[11]], [[4]]]], [2, 3, 1, 1]);
    b3.dispose();
  });

  it('refuses mismatched shapes, bool and junk', () => {
    expectError(() => matMul(zeros([3, 4]), zeros([5, 6])), 'SHAPE_MISMATCH', 'matMul', '[3,4]', '[5,6]', 'inner');
    expectError(() => matMul(zeros([2, 3, 4]), zeros([3, 4, 5])), 'SHAPE_MISMATCH', 'matMul', '[2]', '[3]');
    expectError(() => matMul(tensor([[true]]), [[1]]), 'DTYPE_MISMATCH', 'matMul', 'bool');
    expectError(() => matMul(2, [[1]]), 'SHAPE_MISMATCH', 'matMul', '[]');
    expectError(() => matMul([[1]], [[1]], { transposeA: 1 as never }), 'INVALID_ARGUMENT', 'matMul', 'transposeA');
    expectError(() => matMul('x' as never, [[1]]), 'INVALID_ARGUMENT', 'matMul');
  });
});

describe('dot / outer', () => {
  it('computes products of vectors', () => {
    expectTensor(dot([1, 2, 3], [4, 5, 6]), 32, []);
    expectTensor(dot([[1, 2], [3, 4]], [1, 1]), [3, 7], [2]);
    expectTensor(outer([1, 2], [3, 4, 5]), [[3, 4, 5], [6, 8, 10]], [2, 3]);
    expectError(() => dot([1, 2], [1, 2, 3]), 'SHAPE_MISMATCH', 'dot', '[2]', '[3]');
    expectError(() => outer([[1]], [1]), 'SHAPE_MISMATCH', 'outer', '[1,1]');
    expectError(() => outer([true], [1]), 'DTYPE_MISMATCH', 'outer');
  });
});
