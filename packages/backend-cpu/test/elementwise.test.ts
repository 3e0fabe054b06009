import { isTensorkitError } from '@tensorkit/core';
import { describe, expect, it } from 'vitest';
import {
  absCpu, addCpu, castCpu, ceilCpu, clampCpu, divCpu, equalCpu, erf, erfCpu, expCpu, floorCpu, greaterCpu, hardTanhCpu,
  isNaNCpu, leakyReluCpu, logicalAndCpu, logicalNotCpu, logicalOrCpu, maximumCpu, modCpu, mulCpu, negCpu, powCpu,
  relu6Cpu, reluCpu, roundCpu, sigmoidCpu, signCpu, softplusCpu, squareCpu, stepCpu, subCpu, whereCpu,
} from '../src/index';
import { coords, expectClose, randn, run, strides, t } from './helpers';

describe('unary kernels', () => {
  it('computes PyTorch values', () => {
    const x = t([-2.5, -0.5, 0, 0.5, 1.5, 2.5, 7], [7]);
    expect(run(roundCpu, [x]).values).toEqual([-2, -0, 0, 0, 2, 2, 7]);
    expect(run(signCpu, [x]).values).toEqual([-1, -1, 0, 1, 1, 1, 1]);
    expect(run(reluCpu, [x]).values).toEqual([0, 0, 0, 0.5, 1.5, 2.5, 7]);
    expect(run(relu6Cpu, [x]).values).toEqual([0, 0, 0, 0.5, 1.5, 2.5, 6]);
    expect(run(floorCpu, [x]).values).toEqual([-3, -1, 0, 0, 1, 2, 7]);
    expect(run(ceilCpu, [x]).values).toEqual([-2, -0, 0, 1, 2, 3, 7]);
    expect(run(leakyReluCpu, [x], { alpha: 0.1 }).values).toEqual(Array.from(Float32Array.from([-0.25, -0.05, 0, 0.5, 1.5, 2.5, 7])));
    expect(run(clampCpu, [x], { min: -1, max: 2 }).values).toEqual([-1, -0.5, 0, 0.5, 1.5, 2, 2]);
    expect(run(hardTanhCpu, [x], { min: -1, max: 2 }).values).toEqual([-1, -0.5, 0, 0.5, 1.5, 2, 2]);
    expect(run(stepCpu, [x], { alpha: 0.25 }).values).toEqual([0.25, 0.25, 0.25, 1, 1, 1, 1]);
    expectClose(run(expCpu, [x]).values, [-2.5, -0.5, 0, 0.5, 1.5, 2.5, 7].map(Math.exp));
    expectClose(run(sigmoidCpu, [x]).values, [-2.5, -0.5, 0, 0.5, 1.5, 2.5, 7].map((v) => 1 / (1 + Math.exp(-v))));
  });

  it('softplus is stable and returns x above 20', () => {
    const r = run(softplusCpu, [t([-100, 0, 10, 20.5, 1000], [5])]);
    expectClose(r.values, [Math.exp(-100), Math.log(2), Math.log1p(Math.exp(10)), 20.5, 1000]);
  });

  it('erf is accurate to well below float32 precision', () => {
    const known: [number, number][] = [
      [0.1, 0.1124629160182849], [0.5, 0.5204998778130465], [1, 0.8427007929497149], [2, 0.9953222650189527],
      [2.4999, 0.9995928300996666], [2.5, 0.999593047982555], [3, 0.9999779095030014], [4.5, 0.9999999998033839],
    ];
    for (const [x, e] of known) {
      expect(Math.abs(erf(x) - e) / e).toBeLessThan(1e-12);
      expect(erf(-x)).toBe(-erf(x));
    }
    expect(erf(0)).toBe(0);
    expect(erf(10)).toBe(1);
    expect(Number.isNaN(erf(NaN))).toBe(true);
    expectClose(run(erfCpu, [t([0.5, -1], [2])]).values, [0.5204998778130465, -0.8427007929497149]);
  });

  it('keeps int32 for Neg/Abs/Sign/Square/Floor/Round, bool for LogicalNot/IsNaN', () => {
    const x = t([-3, 0, 4], [3], 'int32');
    for (const k of [negCpu, absCpu, signCpu, squareCpu, floorCpu, roundCpu]) expect(run(k, [x]).dtype).toBe('int32');
    expect(run(squareCpu, [x]).values).toEqual([9, 0, 16]);
    expect(run(expCpu, [x]).dtype).toBe('float32');
    const n = run(logicalNotCpu, [t([0, 1, 1], [3], 'bool')]);
    expect([n.dtype, n.values]).toEqual(['bool', [1, 0, 0]]);
    const nan = run(isNaNCpu, [t([NaN, 1], [2])]);
    expect([nan.dtype, nan.values]).toEqual(['bool', [1, 0]]);
  });
});

/** Naive broadcast reference for a binary function. */
function naiveBinary(a: Float32Array, as: number[], b: Float32Array, bs: number[], fn: (x: number, y: number) => number): number[] {
  const rank = Math.max(as.length, bs.length);
  const pa = [...Array<number>(rank - as.length).fill(1), ...as];
  const pb = [...Array<number>(rank - bs.length).fill(1), ...bs];
  const out = pa.map((d, i) => Math.max(d, pb[i]!));
  const sa = strides(pa);
  const sb = strides(pb);
  const size = out.reduce((p, d) => p * d, 1);
  const res: number[] = [];
  for (let i = 0; i < size; i++) {
    const c = coords(i, out);
    const ia = c.reduce((p, ci, d) => p + (pa[d] === 1 ? 0 : ci * sa[d]!), 0);
    const ib = c.reduce((p, ci, d) => p + (pb[d] === 1 ? 0 : ci * sb[d]!), 0);
    res.push(Math.fround(fn(a[ia]!, b[ib]!)));
  }
  return res;
}

describe('binary kernels', () => {
  const pairs: [number[], number[]][] = [
    [[3, 4], [3, 4]], [[3, 1, 4], [5, 1]], [[2, 3], [3]], [[4, 1], [1, 5]], [[2, 3], []], [[], [2, 3]], [[2, 1, 3, 1], [1, 4, 1, 5]],
  ];
  it.each(pairs)('broadcasts %j with %j like NumPy', (as, bs) => {
    const a = randn(as.reduce((p, d) => p * d, 1), 1);
    const b = randn(bs.reduce((p, d) => p * d, 1), 2);
    for (const [k, fn] of [[addCpu, (x: number, y: number) => x + y], [subCpu, (x: number, y: number) => x - y], [mulCpu, (x: number, y: number) => x * y], [divCpu, (x: number, y: number) => x / y]] as const) {
      const r = run(k, [t(a, as), t(b, bs)]);
      expect(r.values).toEqual(naiveBinary(a, as, b, bs, fn));
    }
    const g = run(greaterCpu, [t(a, as), t(b, bs)]);
    expect(g.dtype).toBe('bool');
    expect(g.values).toEqual(naiveBinary(a, as, b, bs, (x, y) => (x > y ? 1 : 0)));
  });

  it('Mod follows the divisor sign, Pow follows PyTorch, Maximum propagates NaN', () => {
    expect(run(modCpu, [t([-7, 7, -7, 7, 6], [5]), t([3, -3, -3, 3, 3], [5])]).values).toEqual([2, -2, -1, 1, 0]);
    expect(run(modCpu, [t([-7, 7], [2], 'int32'), t([3, -3], [2], 'int32')]).values).toEqual([2, -2]);
    expect(run(powCpu, [t([1, -1, 2, 0, -8], [5]), t([NaN, Infinity, 0.5, 0, 1 / 3], [5])]).values).toEqual([1, 1, Math.fround(Math.SQRT2), 1, NaN]);
    expect(run(maximumCpu, [t([1, NaN], [2]), t([2, 0], [2])]).values).toEqual([2, NaN]);
  });

  it('int32 arithmetic stays int32 (floor division)', () => {
    const r = run(divCpu, [t([7, -7, 6], [3], 'int32'), t([2, 2, 3], [3], 'int32')]);
    expect([r.dtype, r.values]).toEqual(['int32', [3, -4, 2]]);
    expect(run(mulCpu, [t([65536], [1], 'int32'), t([65537], [1], 'int32')]).values).toEqual([65536]);
  });

  it('logic and equality give bool', () => {
    const a = t([0, 1, 1, 0], [4], 'bool');
    const b = t([0, 0, 1, 1], [4], 'bool');
    expect(run(logicalAndCpu, [a, b]).values).toEqual([0, 0, 1, 0]);
    expect(run(logicalOrCpu, [a, b]).values).toEqual([0, 1, 1, 1]);
    expect(run(equalCpu, [t([1, 2], [2]), t([1], [1])]).values).toEqual([1, 0]);
  });

  it('rejects mismatched dtypes and shapes with TensorkitErrors', () => {
    expect(() => run(addCpu, [t([1], [1]), t([1], [1], 'int32')])).toThrow(/dtype/);
    let err: unknown;
    try {
      run(addCpu, [t([1, 2, 3], [3]), t([1, 2], [2])]);
    } catch (e) {
      err = e;
    }
    expect(isTensorkitError(err, 'SHAPE_MISMATCH')).toBe(true);
  });

  it('Where broadcasts condition, a and b', () => {
    const r = run(whereCpu, [t([1, 0], [2, 1], 'bool'), t([1, 2, 3], [3]), t([-1], [1])]);
    expect(r.shape).toEqual([2, 3]);
    expect(r.values).toEqual([1, 2, 3, -1, -1, -1]);
  });
});

describe('Cast', () => {
  it('truncates toward zero and maps to bool as x != 0', () => {
    const x = t([-1.7, -0.2, 0, 0.9, 2.5, NaN], [6]);
    expect(run(castCpu, [x], { dtype: 'int32' }).values).toEqual([-1, 0, 0, 0, 2, 0]);
    expect(run(castCpu, [x], { dtype: 'bool' }).values).toEqual([1, 1, 0, 1, 1, 1]);
    const b = run(castCpu, [t([1, 0], [2], 'bool')], { dtype: 'float32' });
    expect([b.dtype, b.values]).toEqual(['float32', [1, 0]]);
  });
});
