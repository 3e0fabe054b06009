import '@tensorkit/backend-cpu/register';
import { grad } from '@tensorkit/autograd';
import { mul, ones, randn, sum } from '@tensorkit/tensor';
import { describe, expect, it } from 'vitest';
import { dropout, dropoutLayer } from '../src/index';
import { expectError, values } from './assert';

describe('dropout', () => {
  const n = 10_000;

  it('zeroes a fraction p (within a binomial bound) and scales the rest by 1/(1-p)', () => {
    const p = 0.3;
    const y = values(dropout({ p, seed: 1 }).apply(ones([n])));
    const zeros = y.filter((v) => v === 0).length;
    // Binomial(n, p): sd = √(n·p·(1-p)) ≈ 45.8; 5 sd bounds a false failure below 1e-6.
    const sd = Math.sqrt(n * p * (1 - p));
    expect(Math.abs(zeros - n * p)).toBeLessThan(5 * sd);
    const kept = y.filter((v) => v !== 0);
    expect(new Set(kept.map((v) => v.toFixed(5)))).toEqual(new Set([(1 / (1 - p)).toFixed(5)]));
  });

  it('is the identity in eval mode and for p = 0; p = 1 gives zeros', () => {
    const x = randn([100], { seed: 0 });
    const layer = dropout({ p: 0.5 });
    expect(layer.eval().apply(x)).toBe(x);
    expect(dropout({ p: 0 }).apply(x)).toBe(x);
    expect(values(dropout({ p: 1 }).apply(x)).every((v) => v === 0)).toBe(true);
  });

  it('the gradient is upstream · mask / (1 - p)', () => {
    // Two layers with one seed draw the same first mask: read it (already scaled) from ones.
    const scaledMask = values(dropout({ p: 0.4, seed: 5 }).apply(ones([50])));
    expect(scaledMask.some((v) => v === 0) && scaledMask.some((v) => Math.abs(v - 1 / 0.6) < 1e-6)).toBe(true);
    const layer = dropout({ p: 0.4, seed: 5 });
    const up = randn([50], { seed: 3 });
    const g = grad((t) => sum(mul(layer.apply(t), up)))(randn([50], { seed: 2 }));
    const expected = values(up).map((u, i) => u * scaledMask[i]!);
    values(g).forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 5));
  });

  it('a seed fixes the sequence of masks, and each call draws a new mask', () => {
    const masks = (seed: number): number[][] => {
      const layer = dropout({ p: 0.5, seed });
      return [0, 1, 2].map(() => values(layer.apply(ones([64]))));
    };
    const [a0, a1, a2] = masks(7);
    const [b0, b1] = masks(7);
    expect(b0).toEqual(a0);
    expect(b1).toEqual(a1);
    expect(a1).not.toEqual(a0);
    expect(a2).not.toEqual(a1);
    expect(masks(8)[0]).not.toEqual(a0);
    expect(dropoutLayer.create({ p: 0.2, seed: 3 }).getConfig()).toEqual({ p: 0.2, seed: 3 });
  });

  it('rejects p outside [0, 1], NaN and bad seeds', () => {
    expectError(() => dropout({ p: 1.5 }), 'INVALID_ARGUMENT', 'dropout', "'p'", '[0, 1]', '1.5');
    expectError(() => dropout({ p: -0.1 }), 'INVALID_ARGUMENT', "'p'");
    expectError(() => dropout({ p: NaN }), 'INVALID_ARGUMENT', "'p'", 'NaN');
    expectError(() => dropout({ seed: -1 }), 'INVALID_ARGUMENT', "'seed'");
    expectError(() => dropout({ rate: 0.5 } as never), 'INVALID_ARGUMENT', "unknown option 'rate'");
  });
});
