import { describe, expect, it } from 'vitest';
import { compareWithOracle } from '../src/compare';
import { DEFAULT_TOLERANCES, resolveTolerance } from '../src/tolerance';

const tol = { rtol: 1e-5, atol: 1e-6 };

describe('compareWithOracle', () => {
  it('accepts |a - e| <= atol + rtol |e| and rejects just beyond', () => {
    const e = { shape: [2], data: [1000, 0] };
    expect(compareWithOracle({ shape: [2], data: [1000.0099, 9e-7], dtype: 'float32' }, e, tol).ok).toBe(true);
    const bad = compareWithOracle({ shape: [2], data: [1000.0102, 0], dtype: 'float32' }, e, tol);
    expect(bad.ok).toBe(false);
    expect(bad.mismatches).toBe(1);
    expect(bad.message).toMatch(/\[0\] got 1000\.01020, expected 1000/);
  });

  it('requires the exact shape, even with equal data', () => {
    const r = compareWithOracle({ shape: [1, 2], data: [1, 2], dtype: 'float32' }, { shape: [2], data: [1, 2] }, tol);
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/shape \[1, 2\], expected \[2\]/);
    expect(compareWithOracle({ shape: [], data: [3], dtype: 'float32' }, { shape: [1], data: [3] }, tol).ok).toBe(false);
  });

  it('compares int64 exactly against int32, and checks the dtype', () => {
    const e = { shape: [2], data: [1, 2], dtype: 'int64' as const };
    expect(compareWithOracle({ shape: [2], data: [1, 2], dtype: 'int32' }, e, { rtol: 1, atol: 1 }).ok).toBe(true);
    expect(compareWithOracle({ shape: [2], data: [1, 3], dtype: 'int32' }, e, { rtol: 1, atol: 1 }).ok).toBe(false);
    expect(compareWithOracle({ shape: [2], data: [1, 2], dtype: 'float32' }, e, tol).message).toMatch(/dtype float32, expected int32/);
  });

  it('treats NaN as a mismatch', () => {
    expect(compareWithOracle({ shape: [1], data: [NaN], dtype: 'float32' }, { shape: [1], data: [0] }, tol).ok).toBe(false);
  });
});

describe('tolerances', () => {
  it('defaults follow the oracle README, overrides by case then category', () => {
    expect(DEFAULT_TOLERANCES.elementwise).toEqual({ rtol: 1e-5, atol: 1e-6 });
    expect(DEFAULT_TOLERANCES.matmul).toEqual({ rtol: 1e-4, atol: 1e-5 });
    const o = { categories: { matmul: { rtol: 1e-3, atol: 1e-4 } }, cases: { 'tensor_ops/mm_2d': { rtol: 1e-2, atol: 0 } } };
    expect(resolveTolerance('matmul', 'tensor_ops', 'mm_2d', o)).toEqual({ rtol: 1e-2, atol: 0 });
    expect(resolveTolerance('matmul', 'tensor_ops', 'bmm_3d', o)).toEqual({ rtol: 1e-3, atol: 1e-4 });
    expect(resolveTolerance('conv', 'layers', 'conv2d_same', o)).toEqual(DEFAULT_TOLERANCES.conv);
  });
});
