import { isTensorkitError } from '@tensorkit/core';
import { describe, expect, it } from 'vitest';
import {
  allCpu, anyCpu, argMaxCpu, argMinCpu, broadcastToCpu, concatCpu, gatherCpu, gatherGradCpu, maxCpu, minCpu, padCpu,
  prodCpu, sliceCpu, sumCpu, takeAlongAxisCpu, takeAlongAxisGradCpu, tileCpu, transposeCpu,
} from '../src/index';
import { coords, expectClose, randn, run, strides, t } from './helpers';

/** Naive reduction reference. */
function naiveReduce(x: ArrayLike<number>, shape: number[], axes: number[], fn: (acc: number, v: number) => number, init: number): number[] {
  const outShape = shape.filter((_, i) => !axes.includes(i));
  const size = outShape.reduce((p, d) => p * d, 1);
  const out = new Array<number>(size).fill(init);
  const os = strides(outShape);
  for (let i = 0; i < x.length; i++) {
    const c = coords(i, shape).filter((_, d) => !axes.includes(d));
    const o = c.reduce((p, ci, d) => p + ci * os[d]!, 0);
    out[o] = fn(out[o]!, x[i]!);
  }
  return out;
}

describe('reductions', () => {
  const shape = [3, 4, 5, 2];
  const x = randn(120, 7);
  const axesCases = [[], [0], [1], [3], [1, 2], [0, 2], [0, 1, 2, 3], [1, 3], [0, 3]];
  it.each(axesCases)('Sum/Max/Min/Prod over axes %j match a naive loop', (...axes) => {
    const xi = t(x, shape);
    expectClose(run(sumCpu, [xi], { axes }).values, naiveReduce(x, shape, axes, (a, v) => a + v, 0), 1e-5, 1e-6);
    expect(run(maxCpu, [xi], { axes }).values).toEqual(naiveReduce(x, shape, axes, Math.max, -Infinity));
    expect(run(minCpu, [xi], { axes }).values).toEqual(naiveReduce(x, shape, axes, Math.min, Infinity));
    expectClose(run(prodCpu, [xi], { axes }).values, naiveReduce(x, shape, axes, (a, v) => a * v, 1), 1e-5, 1e-12);
    expect(run(sumCpu, [xi], { axes }).shape).toEqual(shape.filter((_, i) => !axes.includes(i)));
  });

  it('sums bool/int to int32, All/Any give bool, Max propagates NaN', () => {
    const s = run(sumCpu, [t([1, 0, 1, 1], [2, 2], 'bool')], { axes: [1] });
    expect([s.dtype, s.values]).toEqual(['int32', [1, 2]]);
    const b = t([1, 0, 1, 1], [2, 2], 'bool');
    expect(run(allCpu, [b], { axes: [1] }).values).toEqual([0, 1]);
    expect(run(anyCpu, [b], { axes: [0] }).values).toEqual([1, 1]);
    expect(run(allCpu, [b], { axes: [1] }).dtype).toBe('bool');
    expect(run(maxCpu, [t([1, NaN, 3], [3])], { axes: [0] }).values).toEqual([NaN]);
  });

  it('ArgMax/ArgMin give int32, first occurrence on ties', () => {
    const x = t([1, 3, 3, 0, 5, 5, 0, 0], [2, 4]);
    const a = run(argMaxCpu, [x], { axis: 1 });
    expect([a.dtype, a.values, a.shape]).toEqual(['int32', [1, 0], [2]]);
    expect(run(argMinCpu, [x], { axis: -1 }).values).toEqual([3, 2]);
    expect(run(argMaxCpu, [x], { axis: 0 }).values).toEqual([1, 1, 0, 0]);
  });
});

describe('layout kernels', () => {
  it('Transpose permutes like a naive loop', () => {
    const shape = [2, 3, 4];
    const x = randn(24, 3);
    const perm = [2, 0, 1];
    const r = run(transposeCpu, [t(x, shape)], { perm });
    expect(r.shape).toEqual([4, 2, 3]);
    const xs = strides(shape);
    expect(r.values).toEqual(Array.from({ length: 24 }, (_, i) => {
      const c = coords(i, [4, 2, 3]);
      return x[c[0]! * xs[2]! + c[1]! * xs[0]! + c[2]! * xs[1]!]!;
    }));
  });

  it('Slice with begin, size and step', () => {
    const x = t(Array.from({ length: 20 }, (_, i) => i), [4, 5]);
    const r = run(sliceCpu, [x], { begin: [1, 0], size: [2, 3], step: [2, 2] });
    expect([r.shape, r.values]).toEqual([[2, 3], [5, 7, 9, 15, 17, 19]]);
    expect(() => run(sliceCpu, [x], { begin: [3, 0], size: [2, 1], step: [1, 1] })).toThrow(/out of bounds/);
  });

  it('Concat, Pad, Tile and BroadcastTo', () => {
    const a = t([1, 2, 3, 4], [2, 2]);
    const b = t([5, 6], [2, 1]);
    const c = run(concatCpu, [a, b, a], { axis: 1 });
    expect([c.shape, c.values]).toEqual([[2, 5], [1, 2, 5, 1, 2, 3, 4, 6, 3, 4]]);
    expect(run(concatCpu, [a, a], { axis: 0 }).values).toEqual([1, 2, 3, 4, 1, 2, 3, 4]);
    const p = run(padCpu, [a], { paddings: [[1, 0], [0, 2]], constantValue: 9 });
    expect([p.shape, p.values]).toEqual([[3, 4], [9, 9, 9, 9, 1, 2, 9, 9, 3, 4, 9, 9]]);
    const tl = run(tileCpu, [a], { reps: [2, 3] });
    expect(tl.shape).toEqual([4, 6]);
    expect(tl.values.slice(0, 12)).toEqual([1, 2, 1, 2, 1, 2, 3, 4, 3, 4, 3, 4]);
    expect(tl.values.slice(12)).toEqual(tl.values.slice(0, 12));
    const bt = run(broadcastToCpu, [b], { shape: [2, 2, 3] });
    expect([bt.shape, bt.values]).toEqual([[2, 2, 3], [5, 5, 5, 6, 6, 6, 5, 5, 5, 6, 6, 6]]);
    const s = run(broadcastToCpu, [t([7], [])], { shape: [2] });
    expect(s.values).toEqual([7, 7]);
  });
});

describe('gather and scatter', () => {
  const x = t(Array.from({ length: 12 }, (_, i) => i), [3, 4]);

  it('Gather with indices of any rank', () => {
    const idx = t([2, 0, 2, 1], [2, 2], 'int32');
    const r = run(gatherCpu, [x, idx], { axis: 0 });
    expect(r.shape).toEqual([2, 2, 4]);
    expect(r.values).toEqual([8, 9, 10, 11, 0, 1, 2, 3, 8, 9, 10, 11, 4, 5, 6, 7]);
    const c = run(gatherCpu, [x, t([3, 3, 0], [3], 'int32')], { axis: 1 });
    expect([c.shape, c.values]).toEqual([[3, 3], [3, 3, 0, 7, 7, 4, 11, 11, 8]]);
  });

  it('GatherGrad scatter-adds repeated indices', () => {
    const idx = t([2, 0, 2], [3], 'int32');
    const dy = t([1, 1, 2, 2, 3, 3], [3, 2]);
    const r = run(gatherGradCpu, [idx, dy], { axis: 0, shape: [4, 2] });
    expect(r.values).toEqual([2, 2, 0, 0, 4, 4, 0, 0]);
  });

  it('TakeAlongAxis like torch.gather (indices may be smaller) and its adjoint', () => {
    const idx = t([3, 0, 1, 1], [2, 2], 'int32');
    const r = run(takeAlongAxisCpu, [x, idx], { axis: 1 });
    expect([r.shape, r.values]).toEqual([[2, 2], [3, 0, 5, 5]]);
    const r0 = run(takeAlongAxisCpu, [x, t([2, 1, 0], [1, 3], 'int32')], { axis: 0 });
    expect(r0.values).toEqual([8, 5, 2]);
    const g = run(takeAlongAxisGradCpu, [idx, t([1, 2, 3, 4], [2, 2])], { axis: 1, shape: [3, 4] });
    expect(g.values).toEqual([2, 0, 0, 1, 0, 7, 0, 0, 0, 0, 0, 0]);
  });

  it('out-of-range indices throw INVALID_ARGUMENT naming the kernel, index and range', () => {
    const cases: [() => unknown, RegExp][] = [
      [() => run(gatherCpu, [x, t([0, 3], [2], 'int32')], { axis: 0 }), /Gather.*index 3.*\[0, 2\]/],
      [() => run(gatherCpu, [x, t([-1], [1], 'int32')], { axis: 1 }), /Gather.*index -1.*\[0, 3\]/],
      [() => run(gatherGradCpu, [t([5], [1], 'int32'), t([1, 1, 1, 1], [1, 4])], { axis: 0, shape: [3, 4] }), /GatherGrad.*index 5/],
      [() => run(takeAlongAxisCpu, [x, t([4], [1, 1], 'int32')], { axis: 1 }), /TakeAlongAxis.*index 4.*\[0, 3\]/],
      [() => run(takeAlongAxisGradCpu, [t([9], [1, 1], 'int32'), t([1], [1, 1])], { axis: 0, shape: [3, 4] }), /TakeAlongAxisGrad.*index 9/],
    ];
    for (const [fn, msg] of cases) {
      let err: unknown;
      try {
        fn();
      } catch (e) {
        err = e;
      }
      expect(isTensorkitError(err, 'INVALID_ARGUMENT')).toBe(true);
      expect((err as Error).message).toMatch(msg);
    }
    expect(() => run(gatherCpu, [x, t([0], [1])], { axis: 0 })).toThrow(/int32/);
  });
});
