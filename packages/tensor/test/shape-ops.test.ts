import '@tensorkit/backend-cpu/register';
import { describe, expect, it } from 'vitest';
import {
  broadcastTo, concat, expandDims, flatten, memory, pad, permute, reshape, slice, split, squeeze, stack, swapAxes, tensor,
  tile, transpose, zeros,
} from '../src/index';
import { expectError, expectTensor } from './ops-helpers';

const seq = (n: number, shape: number[]): ReturnType<typeof tensor> => tensor(Array.from({ length: n }, (_, i) => i), shape);

describe('reshape / flatten / expandDims / squeeze', () => {
  it('reshapes without copying', () => {
    const x = seq(6, [6]);
    const before = memory().numDataBuffers;
    const y = reshape(x, [2, -1]);
    expect(memory().numDataBuffers).toBe(before);
    expectTensor(y, [[0, 1, 2], [3, 4, 5]], [2, 3]);
    expectTensor(reshape([1, 2, 3, 4], [2, 2]), [[1, 2], [3, 4]], [2, 2]);
    expectError(() => reshape(x, [4, -1]), 'SHAPE_MISMATCH', 'reshape', '[6]', '[4,-1]');
    expectError(() => reshape(x, [-1, -1]), 'INVALID_SHAPE', 'reshape');
    expectError(() => reshape(x, 'a' as never), 'INVALID_SHAPE', 'reshape');
    x.dispose();
  });

  it('flattens a range of axes', () => {
    const x = zeros([2, 3, 4]);
    const shapes = [flatten(x), flatten(x, 1), flatten(x, 0, 1), flatten(x, -2, -1)];
    expect(shapes.map((t) => t.shape)).toEqual([[24], [2, 12], [6, 4], [2, 12]]);
    shapes.forEach((t) => t.dispose());
    expectTensor(flatten(5), [5], [1]);
    expectError(() => flatten(x, 2, 1), 'INVALID_AXIS', 'flatten', 'startAxis');
    expectError(() => flatten(x, 3), 'INVALID_AXIS', 'flatten');
    x.dispose();
  });

  it('adds and removes size-1 axes', () => {
    const x = tensor([1, 2]);
    expectTensor(expandDims(x, 0), [[1, 2]], [1, 2]);
    expectTensor(expandDims(x, -1), [[1], [2]], [2, 1]);
    expectTensor(expandDims(x, 1), [[1], [2]], [2, 1]);
    expectError(() => expandDims(x, 2), 'INVALID_AXIS', 'expandDims');
    const z = zeros([1, 3, 1]);
    expect(squeeze(z).shape).toEqual([3]);
    expect(squeeze(z, 0).shape).toEqual([3, 1]);
    expect(squeeze(z, [0, -1]).shape).toEqual([3]);
    expectError(() => squeeze(z, 1), 'SHAPE_MISMATCH', 'squeeze', '[1,3,1]');
    x.dispose();
    z.dispose();
  });
});

describe('transpose / permute / swapAxes', () => {
  it('permutes axes', () => {
    const x = seq(6, [2, 3]);
    expectTensor(transpose(x), [[0, 3], [1, 4], [2, 5]], [3, 2]);
    const y = seq(24, [2, 3, 4]);
    expect(transpose(y).shape).toEqual([4, 3, 2]);
    const p = permute(y, [2, 0, 1]);
    expect(p.shape).toEqual([4, 2, 3]);
    expectTensor(slice(p, [[1, 2], [1, 2], [2, 3]]), [[[21]]]);
    const s = swapAxes(y, 0, -1);
    expect(s.shape).toEqual([4, 3, 2]);
    expectTensor(slice(s, [[3, 4], [2, 3], [1, 2]]), [[[12 + 8 + 3]]]);
    expectError(() => transpose(y, [0, 1]), 'INVALID_AXIS', 'transpose', '[2,3,4]');
    expectError(() => permute(y, [0, 1, 1]), 'INVALID_AXIS', 'permute', 'repeats');
    expectError(() => swapAxes(y, 0, 3), 'INVALID_AXIS', 'swapAxes', 'rank 3');
    [x, y, p, s].forEach((t) => t.dispose());
  });
});

describe('concat / stack / split', () => {
  it('concatenates along an axis and promotes dtypes', () => {
    const a = tensor([[1, 2]]);
    const b = tensor([[3, 4]], undefined, 'int32');
    const c = concat([a, b]);
    expect(c.dtype).toBe('float32');
    expectTensor(c, [[1, 2], [3, 4]], [2, 2]);
    expectTensor(concat([a, [[5]]], -1), [[1, 2, 5]], [1, 3]);
    expectTensor(concat([a]), [[1, 2]], [1, 2]);
    expectError(() => concat([a, tensor([[1, 2, 3]])], 0), 'SHAPE_MISMATCH', 'concat', '[1,2]', '[1,3]');
    expectError(() => concat([]), 'INVALID_ARGUMENT', 'concat');
    expectError(() => concat([a, a], 2), 'INVALID_AXIS', 'concat');
    a.dispose();
    b.dispose();
  });

  it('stacks along a new axis', () => {
    expectTensor(stack([tensor([1, 2]), tensor([3, 4])]), [[1, 2], [3, 4]], [2, 2]);
    expectTensor(stack([[1, 2], [3, 4]], 1), [[1, 3], [2, 4]], [2, 2]);
    expectTensor(stack([[1, 2], [3, 4]], -1), [[1, 3], [2, 4]], [2, 2]);
    expectTensor(stack([1, 2]), [1, 2], [2]);
    expectError(() => stack([[1, 2], [3]]), 'SHAPE_MISMATCH', 'stack', '[2]', '[1]');
    expectError(() => stack([[1, 2]], 3), 'INVALID_AXIS', 'stack');
  });

  it('splits by size or by sections', () => {
    const x = tensor([1, 2, 3, 4, 5]);
    const parts = split(x, 2);
    expect(parts.map((p) => p.arraySync())).toEqual([[1, 2], [3, 4], [5]]);
    const secs = split(x, [1, 4]);
    expect(secs.map((p) => p.arraySync())).toEqual([[1], [2, 3, 4, 5]]);
    const m = split(seq(6, [2, 3]), [2, 1], -1);
    expect(m.map((p) => p.arraySync())).toEqual([[[0, 1], [3, 4]], [[2], [5]]]);
    [...parts, ...secs, ...m].forEach((p) => p.dispose());
    expectError(() => split(x, [1, 2]), 'SHAPE_MISMATCH', 'split', '[5]', 'sum to 3');
    expectError(() => split(x, 0), 'INVALID_ARGUMENT', 'split');
    expectError(() => split(x, 2, 1), 'INVALID_AXIS', 'split');
    x.dispose();
  });
});

describe('slice', () => {
  it('follows Python slice semantics', () => {
    const x = seq(12, [3, 4]);
    expectTensor(slice(x, [[1, null]]), [[4, 5, 6, 7], [8, 9, 10, 11]], [2, 4]);
    expectTensor(slice(x, [[null], [-2, null]]), [[2, 3], [6, 7], [10, 11]], [3, 2]);
    expectTensor(slice(x, [null, [null, null, 2]]), [[0, 2], [4, 6], [8, 10]], [3, 2]);
    expectTensor(slice(x, [[-1, null], [1, -1]]), [[9, 10]], [1, 2]);
    expectTensor(slice(x, [[0, 100, 2], [3, 1]]), [[], []], [2, 0]);
    expectTensor(slice(x, [[-100, 1]]), [[0, 1, 2, 3]], [1, 4]);
    expectTensor(slice(x, [[null, null, 5]]), [[0, 1, 2, 3]], [1, 4]);
    expectError(() => slice(x, [[0, 1, 0]]), 'INVALID_ARGUMENT', 'slice', 'step');
    expectError(() => slice(x, [[0, 1, -1]]), 'INVALID_ARGUMENT', 'slice', 'step');
    expectError(() => slice(x, [null, null, null]), 'SHAPE_MISMATCH', 'slice', '[3,4]');
    expectError(() => slice(x, [[0.5]]), 'INVALID_ARGUMENT', 'slice', 'start');
    x.dispose();
  });
});

describe('pad / tile / broadcastTo', () => {
  it('pads with a constant', () => {
    expectTensor(pad(tensor([[1, 2]]), [[1, 0], [0, 2]]), [[0, 0, 0, 0], [1, 2, 0, 0]], [2, 4]);
    expectTensor(pad([1, 2], [[1, 1]], -1), [-1, 1, 2, -1], [4]);
    expectError(() => pad([1, 2], [[1, 1], [0, 0]]), 'SHAPE_MISMATCH', 'pad', '[2]');
    expectError(() => pad([1, 2], [[-1, 1]]), 'INVALID_ARGUMENT', 'pad');
    expectError(() => pad([1, 2], [[1, 1]], NaN), 'INVALID_ARGUMENT', 'pad', 'constantValue');
  });

  it('tiles like NumPy', () => {
    expectTensor(tile([1, 2], [2]), [1, 2, 1, 2], [4]);
    expectTensor(tile([[1, 2]], [2, 1]), [[1, 2], [1, 2]], [2, 2]);
    expectTensor(tile([1, 2], [2, 1]), [[1, 2], [1, 2]], [2, 2]);
    expectTensor(tile([[1, 2], [3, 4]], [2]), [[1, 2, 1, 2], [3, 4, 3, 4]], [2, 4]);
    expectError(() => tile([1], [-1]), 'INVALID_ARGUMENT', 'tile', 'reps');
  });

  it('broadcasts', () => {
    expectTensor(broadcastTo([1, 2], [3, 2]), [[1, 2], [1, 2], [1, 2]], [3, 2]);
    expectTensor(broadcastTo([[1], [2]], [2, 3]), [[1, 1, 1], [2, 2, 2]], [2, 3]);
    expectError(() => broadcastTo([1, 2], [3]), 'SHAPE_MISMATCH', 'broadcastTo', '[2]', '[3]');
    expectError(() => broadcastTo([1, 2, 3], [2, 2]), 'SHAPE_MISMATCH', 'broadcastTo', '[3]');
    expectError(() => broadcastTo([[1, 2]], [2]), 'SHAPE_MISMATCH', 'broadcastTo', '[1,2]');
  });
});
