import { describe, expect, it } from 'vitest';
import { axisParam, fromTorch, invertPermutation, pair, permuteHost, toTorch, type Layout } from '../src/from-torch';
import type { OracleTensor } from '../src/oracle';

const iota = (shape: number[]): OracleTensor => ({ shape, data: Array.from({ length: shape.reduce((a, b) => a * b, 1) }, (_, i) => i) });

/** Element of a row-major array at a multi-index. */
function at(t: { shape: readonly number[]; data: ArrayLike<number> }, idx: number[]): number {
  let flat = 0;
  for (let i = 0; i < idx.length; i++) flat = flat * t.shape[i]! + idx[i]!;
  return t.data[flat]!;
}

describe('permuteHost', () => {
  it('matches np.transpose on a 2x3x4 tensor', () => {
    const x = { ...iota([2, 3, 4]), dtype: 'float32' as const };
    const y = permuteHost(x, [2, 0, 1]);
    expect(y.shape).toEqual([4, 2, 3]);
    for (let a = 0; a < 2; a++) for (let b = 0; b < 3; b++) for (let c = 0; c < 4; c++) expect(at(y, [c, a, b])).toBe(at(x, [a, b, c]));
  });

  it('handles scalars and rejects a non-permutation', () => {
    expect(Array.from(permuteHost({ shape: [], data: [7], dtype: 'float32' }, []).data)).toEqual([7]);
    expect(() => permuteHost({ ...iota([2, 3]), dtype: 'float32' }, [0, 0])).toThrow(/not a permutation/);
  });

  it('inverts permutations', () => {
    expect(invertPermutation([2, 3, 1, 0])).toEqual([3, 2, 0, 1]);
  });
});

describe('fromTorch / toTorch layouts', () => {
  it('NCHW -> NHWC: x[n, c, h, w] lands at [n, h, w, c]', () => {
    const x = iota([2, 3, 4, 5]);
    const y = fromTorch(x, 'nchw');
    expect(y.shape).toEqual([2, 4, 5, 3]);
    expect(at(y, [1, 2, 3, 1])).toBe(at(x, [1, 1, 2, 3]));
  });

  it('NCL -> NLC', () => {
    const x = iota([2, 3, 8]);
    const y = fromTorch(x, 'ncl');
    expect(y.shape).toEqual([2, 8, 3]);
    expect(at(y, [1, 5, 2])).toBe(at(x, [1, 2, 5]));
  });

  it('conv2d weight (outC, inC/g, kh, kw) -> [kh, kw, inC/g, outC]', () => {
    const w = iota([6, 2, 3, 4]);
    const y = fromTorch(w, 'conv2dWeight');
    expect(y.shape).toEqual([3, 4, 2, 6]);
    expect(at(y, [2, 1, 1, 5])).toBe(at(w, [5, 1, 2, 1]));
  });

  it('conv1d weight (outC, inC/g, k) -> [k, inC/g, outC]', () => {
    const w = iota([4, 3, 5]);
    const y = fromTorch(w, 'conv1dWeight');
    expect(y.shape).toEqual([5, 3, 4]);
    expect(at(y, [4, 2, 1])).toBe(at(w, [1, 2, 4]));
  });

  it('conv-transpose weight (inC, outC/g, kh, kw) -> [kh, kw, outC/g, inC]', () => {
    const w = iota([3, 2, 3, 4]);
    const y = fromTorch(w, 'convTranspose2dWeight');
    expect(y.shape).toEqual([3, 4, 2, 3]);
    expect(at(y, [2, 3, 1, 0])).toBe(at(w, [0, 1, 2, 3]));
  });

  it('linear weight (out, in) -> [in, out]', () => {
    const w = iota([5, 3]);
    const y = fromTorch(w, 'linearWeight');
    expect(y.shape).toEqual([3, 5]);
    expect(at(y, [2, 4])).toBe(at(w, [4, 2]));
  });

  it.each<Layout>(['plain', 'nchw', 'ncl', 'conv2dWeight', 'conv1dWeight', 'convTranspose2dWeight', 'linearWeight'])(
    '%s round-trips through toTorch',
    (layout) => {
      const rank = { plain: 3, nchw: 4, ncl: 3, conv2dWeight: 4, conv1dWeight: 3, convTranspose2dWeight: 4, linearWeight: 2 }[layout];
      const x = iota([2, 3, 4, 5].slice(0, rank));
      const back = toTorch(fromTorch(x, layout), layout);
      expect(back.shape).toEqual(x.shape);
      expect(Array.from(back.data)).toEqual(x.data);
    },
  );

  it('maps dtypes: int64 -> int32, bool -> bool, float -> float32', () => {
    expect(fromTorch({ shape: [2], data: [0, 3], dtype: 'int64' }).dtype).toBe('int32');
    expect(fromTorch({ shape: [2], data: [0, 1], dtype: 'bool' }).dtype).toBe('bool');
    expect(fromTorch({ shape: [2], data: [0.5, 1] }).dtype).toBe('float32');
    expect(() => fromTorch({ shape: [1], data: [2 ** 40], dtype: 'int64' })).toThrow(/int32/);
    expect(() => fromTorch({ shape: [2, 2], data: [1, 2, 3] })).toThrow(/needs 4 values/);
  });
});

describe('parameter helpers', () => {
  it('pair and axis', () => {
    expect(pair(3, 'kernel_size')).toEqual([3, 3]);
    expect(pair([2, 1], 'stride')).toEqual([2, 1]);
    expect(() => pair('same', 'stride')).toThrow(/stride/);
    expect(axisParam(null)).toBeUndefined();
    expect(axisParam(-1)).toBe(-1);
    expect(axisParam([0, 2])).toEqual([0, 2]);
  });
});
