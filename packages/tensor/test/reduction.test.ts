import '@tensorkit/backend-cpu/register';
import { describe, expect, it } from 'vitest';
import {
  all, any, argMax, argMin, logSumExp, max, mean, memory, min, norm, prod, std, sum, tensor, variance,
} from '../src/index';
import { expectError, expectTensor } from './ops-helpers';

const m = (): ReturnType<typeof tensor> => tensor([[1, 2, 3], [4, 5, 6]]);

describe('sum / prod / max / min / mean', () => {
  it('reduces everything by default', () => {
    expectTensor(sum(m()), 21, []);
    expectTensor(prod(m()), 720, []);
    expectTensor(max(m()), 6, []);
    expectTensor(min(m()), 1, []);
    expectTensor(mean(m()), 3.5, []);
  });

  it('reduces one axis, negative axes and several axes', () => {
    expectTensor(sum(m(), 0), [5, 7, 9], [3]);
    expectTensor(sum(m(), -1), [6, 15], [2]);
    expectTensor(sum(m(), [0, 1]), 21, []);
    expectTensor(max(m(), 1), [3, 6], [2]);
    expectTensor(min(m(), 0), [1, 2, 3], [3]);
    expectTensor(prod(m(), -1), [6, 120], [2]);
    expectTensor(mean(m(), 0), [2.5, 3.5, 4.5], [3]);
    const x = tensor([[[1, 2], [3, 4]], [[5, 6], [7, 8]]]);
    expectTensor(sum(x, [0, 2]), [14, 22], [2]);
  });

  it('keeps dims', () => {
    expectTensor(sum(m(), 1, true), [[6], [15]], [2, 1]);
    expectTensor(mean(m(), [0, 1], true), [[3.5]], [1, 1]);
    expectTensor(max(m(), 0, true), [[4, 5, 6]], [1, 3]);
  });

  it('sums int and bool to int32, averages ints in float32', () => {
    const i = tensor([1, 2], undefined, 'int32');
    const s = sum(i);
    expect(s.dtype).toBe('int32');
    expectTensor(s, 3);
    const b = sum(tensor([true, true, false]));
    expect(b.dtype).toBe('int32');
    expectTensor(b, 2);
    const mu = mean(tensor([1, 2], undefined, 'int32'));
    expect(mu.dtype).toBe('float32');
    expectTensor(mu, 1.5);
    i.dispose();
  });

  it('accepts scalars and nested arrays', () => {
    expectTensor(sum(5), 5, []);
    expectTensor(sum([[1, 2]], 0), [1, 2], [2]);
  });

  it('refuses bad axes and flags', () => {
    expectError(() => sum(m(), 2), 'INVALID_AXIS', 'sum', 'axis 2', 'rank 2');
    expectError(() => mean(m(), [0, 0]), 'INVALID_AXIS', 'mean');
    expectError(() => prod(m(), 0.5), 'INVALID_AXIS', 'prod');
    expectError(() => max(m(), 'a' as unknown as number), 'INVALID_AXIS', 'max');
    expectError(() => min(m(), 0, 1 as unknown as boolean), 'INVALID_ARGUMENT', 'min', 'keepDims');
    expectError(() => sum('x' as never), 'INVALID_ARGUMENT', 'sum');
    expectError(() => max(tensor([[]]), 1), 'SHAPE_MISMATCH', 'max', '[1,0]');
  });
});

describe('all / any', () => {
  it('reduces to bool', () => {
    const b = tensor([[true, false], [true, true]]);
    const a = all(b, 1);
    expect(a.dtype).toBe('bool');
    expectTensor(a, [0, 1]);
    expectTensor(any(b, 0), [1, 1]);
    expectTensor(any(tensor([0, 0, 2])), 1);
    expectTensor(all(b, -1, true), [[0], [1]], [2, 1]);
    expectError(() => all(b, 3), 'INVALID_AXIS', 'all');
    expectError(() => any(b, -3), 'INVALID_AXIS', 'any');
    b.dispose();
  });
});

describe('logSumExp', () => {
  it('matches log(sum(exp)) and is stable for ±1000', () => {
    expectTensor(logSumExp(tensor([0, 0])), Math.log(2), []);
    expectTensor(logSumExp(tensor([[1000, 1000], [-1000, -1000]]), 1), [1000 + Math.log(2), -1000 + Math.log(2)], [2], 3);
    expectTensor(logSumExp(tensor([[1, 2], [3, 4]]), 0, true), [[Math.log(Math.exp(1) + Math.exp(3)), Math.log(Math.exp(2) + Math.exp(4))]], [1, 2]);
    expectTensor(logSumExp(tensor([-Infinity, -Infinity])), -Infinity);
    expectTensor(logSumExp(tensor([Infinity, 0])), Infinity);
    expectError(() => logSumExp(tensor([1, 2]), 1), 'INVALID_AXIS', 'logSumExp');
  });
});

describe('argMax / argMin', () => {
  it('index along an axis or into the flattened tensor', () => {
    const x = tensor([[1, 9, 3], [7, 5, 6]]);
    const a = argMax(x, 1);
    expect(a.dtype).toBe('int32');
    expectTensor(a, [1, 0], [2]);
    expectTensor(argMin(x, 0), [0, 1, 0], [3]);
    expectTensor(argMax(x), 1, []);
    expectTensor(argMin(x), 0, []);
    expectTensor(argMax(x, -1, true), [[1], [0]], [2, 1]);
    expectTensor(argMax(x, undefined, true), [[1]], [1, 1]);
    expectError(() => argMax(x, 2), 'INVALID_AXIS', 'argMax', 'rank 2');
    expectError(() => argMin(x, [0] as unknown as number), 'INVALID_AXIS', 'argMin');
    expectError(() => argMax(tensor([])), 'SHAPE_MISMATCH', 'argMax', '[0]');
    x.dispose();
  });
});

describe('variance / std / norm', () => {
  it('is unbiased by default', () => {
    expectTensor(variance(tensor([1, 2, 3, 4])), 5 / 3);
    expectTensor(variance(tensor([1, 2, 3, 4]), { unbiased: false }), 1.25);
    expectTensor(variance(tensor([[1, 2], [3, 5]]), { axis: 1 }), [0.5, 2], [2]);
    expectTensor(variance(tensor([[1, 2], [3, 5]]), { axis: -1, keepDims: true }), [[0.5], [2]], [2, 1]);
    expectTensor(std(tensor([1, 2, 3, 4]), { unbiased: false }), Math.sqrt(1.25));
    expectTensor(std(tensor([[1, 3], [2, 2]]), { axis: 0 }), [Math.SQRT1_2, Math.SQRT1_2]);
    expectError(() => variance(tensor([1]), { unbiased: 'yes' as unknown as boolean }), 'INVALID_ARGUMENT', 'variance', 'unbiased');
    expectError(() => std(tensor([1]), { axis: 1 }), 'INVALID_AXIS', 'std');
  });

  it('computes the vector norms', () => {
    const v = tensor([3, -4]);
    expectTensor(norm(v), 5);
    expectTensor(norm(v, 1), 7);
    expectTensor(norm(v, Infinity), 4);
    expectTensor(norm(v, 3), Math.cbrt(27 + 64), [], 4);
    expectTensor(norm(tensor([[1, 2], [3, 4]]), 'fro'), Math.sqrt(30));
    expectTensor(norm(tensor([[1, 2], [3, 4]]), 2, 1, true), [[Math.sqrt(5)], [5]], [2, 1]);
    expectError(() => norm(v, -1), 'INVALID_ARGUMENT', 'norm', 'ord');
    expectError(() => norm(v, NaN), 'INVALID_ARGUMENT', 'norm');
    expectError(() => norm(v, 2, 1), 'INVALID_AXIS', 'norm');
    v.dispose();
  });

  it('leaks nothing, also when a check throws', () => {
    const x = tensor([[1, 2], [3, 4]]);
    const before = memory().numTensors;
    for (const f of [
      () => sum([[1, 2]], 5), () => mean([[1, 2]], 5), () => variance([[1, 2]], { axis: 5 }), () => norm([1, 2], 2, 5),
      () => logSumExp([1], 3), () => argMax([1], 3),
    ]) {
      expect(f).toThrow();
    }
    const results = [variance(x), std(x, { axis: 0 }), norm(x), logSumExp(x, 1), mean(x, 0, true), argMax(x)];
    expect(memory().numTensors).toBe(before + results.length);
    results.forEach((r) => r.dispose());
    expect(memory().numTensors).toBe(before);
    x.dispose();
  });
});
