import '@tensorkit/backend-cpu/register';
import { describe, expect, it } from 'vitest';
import {
  add, cast, clamp, clone, hardTanh, leakyRelu, less, memory, mul, relu, relu6, step, sub, tensor, where, zeros,
} from '../src/index';
import { expectError, expectTensor } from './ops-helpers';

describe('where', () => {
  it('selects and broadcasts all three operands', () => {
    expectTensor(where(tensor([true, false, true]), tensor([1, 2, 3]), 0), [1, 0, 3], [3]);
    expectTensor(where(tensor([[true], [false]]), tensor([1, 2]), tensor([[10], [20]])), [[1, 2], [20, 20]], [2, 2]);
    const i = where([true, false], tensor([1, 2], undefined, 'int32'), 7);
    expect(i.dtype).toBe('int32');
    expectTensor(i, [1, 7]);
  });

  it('refuses a non-bool condition and shapes that do not broadcast', () => {
    expectError(() => where(tensor([1, 0]), 1, 2), 'DTYPE_MISMATCH', 'where', 'condition', 'float32');
    expectError(() => where(tensor([true, false]), tensor([1, 2, 3]), 0), 'SHAPE_MISMATCH', 'where', '[2]', '[3]');
    expectError(() => where(tensor([true]), {} as never, 0), 'INVALID_ARGUMENT', 'where');
  });
});

describe('cast / clone', () => {
  it('converts like PyTorch', () => {
    const i = cast(tensor([1.7, -1.7, 0]), 'int32');
    expect(i.dtype).toBe('int32');
    expectTensor(i, [1, -1, 0]);
    expectTensor(cast(tensor([2, 0]), 'bool'), [1, 0]);
    expectError(() => cast(tensor([1]), 'float64' as never), 'DTYPE_MISMATCH', 'cast', 'float64');
  });

  it('clones without copying', () => {
    const a = tensor([1, 2]);
    const before = memory();
    const b = clone(a);
    expect(memory().numDataBuffers).toBe(before.numDataBuffers);
    expect(memory().numTensors).toBe(before.numTensors + 1);
    a.dispose();
    expectTensor(b, [1, 2], [2]);
    expectError(() => clone(undefined as never), 'INVALID_ARGUMENT', 'clone');
  });
});

describe('clamp / step', () => {
  it('clamps with optional bounds', () => {
    expectTensor(clamp(tensor([-2, 0.5, 3]), 0, 1), [0, 0.5, 1]);
    expectTensor(clamp(tensor([-2, 3]), null, 1), [-2, 1]);
    expectTensor(clamp(tensor([-2, 3]), 0), [0, 3]);
    const i = clamp(tensor([-2, 3], undefined, 'int32'), 0, 2);
    expect(i.dtype).toBe('int32');
    expectTensor(i, [0, 2]);
    const f = clamp(tensor([-2, 3], undefined, 'int32'), 0.5);
    expect(f.dtype).toBe('float32');
    expectTensor(f, [0.5, 3]);
    expectError(() => clamp(tensor([1]), 2, 1), 'INVALID_ARGUMENT', 'clamp', 'min 2', 'max 1');
    expectError(() => clamp(tensor([1]), NaN), 'INVALID_ARGUMENT', 'clamp', 'min');
    expectError(() => clamp(tensor([true]), 0, 1), 'DTYPE_MISMATCH', 'clamp', 'bool');
  });

  it('steps', () => {
    expectTensor(step(tensor([-1, 0, 2])), [0, 0, 1]);
    expectTensor(step(tensor([-1, 2]), 0.5), [0.5, 1]);
    expectError(() => step(tensor([1]), NaN), 'INVALID_ARGUMENT', 'step', 'alpha');
  });
});

describe('relu family', () => {
  it('computes PyTorch values', () => {
    expectTensor(relu(tensor([-1, 0, 2])), [0, 0, 2]);
    const ri = relu(tensor([-1, 2], undefined, 'int32'));
    expect(ri.dtype).toBe('int32');
    expectTensor(ri, [0, 2]);
    expectTensor(relu6(tensor([-1, 3, 8])), [0, 3, 6]);
    expectTensor(leakyRelu(tensor([-10, 5])), [-0.1, 5]);
    expectTensor(leakyRelu(tensor([-10, 5]), { negativeSlope: 0.2 }), [-2, 5]);
    expectTensor(hardTanh(tensor([-3, 0.5, 3])), [-1, 0.5, 1]);
    expectTensor(hardTanh(tensor([-3, 3]), { minVal: -2, maxVal: 2 }), [-2, 2]);
  });

  it('refuses bad options and junk', () => {
    expectError(() => leakyRelu(tensor([1]), { negativeSlope: NaN }), 'INVALID_ARGUMENT', 'leakyRelu', 'negativeSlope');
    expectError(() => leakyRelu(tensor([1]), 0.2 as never), 'INVALID_ARGUMENT', 'leakyRelu', 'options');
    expectError(() => hardTanh(tensor([1]), { minVal: 1, maxVal: -1 }), 'INVALID_ARGUMENT', 'hardTanh', 'minVal');
    expectError(() => relu('a' as never), 'INVALID_ARGUMENT', 'relu');
    expectError(() => relu6(null as never), 'INVALID_ARGUMENT', 'relu6');
  });
});

describe('binary ops: broadcasting errors', () => {
  it('add, sub, mul and a comparison refuse shapes that do not broadcast, naming both shapes and the fix', () => {
    expectError(() => add(zeros([2, 3]), zeros([4])), 'SHAPE_MISMATCH', 'add: shapes [2,3] and [4] do not broadcast', 'equal or 1');
    expectError(() => sub(zeros([3, 1, 4]), zeros([5, 2])), 'SHAPE_MISMATCH', 'sub', '[3,1,4]', '[5,2]');
    expectError(() => mul(zeros([2]), [1, 2, 3]), 'SHAPE_MISMATCH', 'mul', '[2]', '[3]');
    expectError(() => less(zeros([2, 2]), zeros([3, 2])), 'SHAPE_MISMATCH', 'less', '[2,2]', '[3,2]');
  });

  it('leaks nothing when it refuses', () => {
    const x = zeros([2, 3]);
    const before = memory().numTensors;
    expectError(() => add(x, [1, 2]), 'SHAPE_MISMATCH', 'add');
    expect(memory().numTensors).toBe(before);
  });
});
