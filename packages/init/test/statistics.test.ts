import '@tensorkit/backend-cpu/register';
import { memory, setSeed, type Tensor } from '@tensorkit/tensor';
import { describe, expect, it } from 'vitest';
import {
  glorotNormalInitializer, glorotUniformInitializer, heNormalInitializer, heUniformInitializer, leCunNormalInitializer,
  leCunUniformInitializer, randomNormalInitializer, randomUniformInitializer, torchDefaultInitializer, truncatedNormalInitializer,
  truncatedNormalMoments, type Distribution, type InitializerPlugin,
} from '../src/index';
import { values } from './helpers';

/*
 * Confidence bounds. With n = 100 000 samples of a distribution with std σ, the sample mean has
 * standard error σ/√n, and the sample std has standard error σ·√((κ − 1)/(4n)), where κ is the
 * kurtosis: 3 for a normal, 1.8 for a uniform and below 3 for a truncated normal, so σ/√(2n) bounds
 * all three. Each check allows 5 standard errors (a two-sided 5σ event has probability 6e-7), so
 * a correct initializer passes for any seed, while a wrong scale (e.g. √2 off, or fanOut for fanIn)
 * is 30+ standard errors away.
 */
const SHAPE = [400, 250];
const N = 400 * 250;
const Z = 5;

function moments(d: Distribution): { mean: number; std: number } {
  if (d.type === 'uniform') return { mean: (d.low + d.high) / 2, std: (d.high - d.low) / Math.sqrt(12) };
  if (d.type === 'normal') return { mean: d.mean, std: d.std };
  return truncatedNormalMoments(d);
}

function sampleStats(t: Tensor): { mean: number; std: number; min: number; max: number } {
  const v = values(t);
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  const variance = v.reduce((a, b) => a + (b - mean) ** 2, 0) / (v.length - 1);
  return { mean, std: Math.sqrt(variance), min: Math.min(...v), max: Math.max(...v) };
}

const CASES: [string, InitializerPlugin, object][] = [
  ['randomNormal', randomNormalInitializer, { mean: 0.5, std: 2 }],
  ['randomUniform', randomUniformInitializer, { a: -1, b: 3 }],
  ['truncatedNormal (cut at ±1.5 std)', truncatedNormalInitializer, { mean: 0.1, std: 0.02, a: 0.07, b: 0.13 }],
  ['glorotUniform', glorotUniformInitializer, { gain: 5 / 3 }],
  ['glorotNormal', glorotNormalInitializer, {}],
  ['heUniform relu fanIn', heUniformInitializer, { nonlinearity: 'relu' }],
  ['heNormal leakyRelu 0.2 fanOut', heNormalInitializer, { a: 0.2, mode: 'fanOut' }],
  ['leCunUniform', leCunUniformInitializer, {}],
  ['leCunNormal', leCunNormalInitializer, {}],
  ['torchDefault', torchDefaultInitializer, {}],
];

describe(`sampled initializers match their distribution (n = ${N}, ${Z} standard errors)`, () => {
  for (const [name, plugin, options] of CASES) {
    it(name, () => {
      const d = plugin.distribution!(SHAPE, options);
      const want = moments(d);
      const w = plugin.sample(SHAPE, { ...options, seed: 11 });
      expect(w.shape).toEqual(SHAPE);
      expect(w.dtype).toBe('float32');
      const got = sampleStats(w);
      expect(Math.abs(got.mean - want.mean)).toBeLessThan((Z * want.std) / Math.sqrt(N));
      expect(Math.abs(got.std - want.std)).toBeLessThan((Z * want.std) / Math.sqrt(2 * N));
      if (d.type !== 'normal') {
        const [lo, hi] = d.type === 'uniform' ? [d.low, d.high] : [d.a, d.b];
        expect(got.min).toBeGreaterThanOrEqual(lo);
        expect(got.max).toBeLessThanOrEqual(hi);
        // 1e5 samples reach within 0.1% of each end of the support.
        expect(got.min).toBeLessThan(lo + 0.001 * (hi - lo));
        expect(got.max).toBeGreaterThan(hi - 0.001 * (hi - lo));
      }
    });
  }

  it('the distributions use the formulas: he relu √(2/fanIn), glorot √(6/(in+out)), torchDefault 1/√fanIn', () => {
    expect(heNormalInitializer.distribution!([400, 250], { nonlinearity: 'relu' })).toEqual({ type: 'normal', mean: 0, std: Math.sqrt(2 / 400) });
    const g = glorotUniformInitializer.distribution!([400, 250]);
    expect(g.type === 'uniform' && g.high).toBeCloseTo(Math.sqrt(6 / 650), 15);
    const t = torchDefaultInitializer.distribution!([3, 3, 16, 32]);
    expect(t.type === 'uniform' && t.high).toBeCloseTo(1 / Math.sqrt(144), 15);
    expect(torchDefaultInitializer.biasDistribution([32], { fanIn: 144 })).toEqual({ type: 'uniform', low: -1 / 12, high: 1 / 12 });
  });

  it('torchDefaultBias draws U(±1/√fanIn)', () => {
    const b = sampleStats(torchDefaultInitializer.sampleBias([N], { fanIn: 64, seed: 3 }));
    expect(b.min).toBeGreaterThanOrEqual(-0.125);
    expect(b.max).toBeLessThanOrEqual(0.125);
    expect(Math.abs(b.std - 0.25 / Math.sqrt(12))).toBeLessThan((Z * 0.25) / Math.sqrt(12) / Math.sqrt(2 * N));
  });
});

describe('seeding', () => {
  it('the same seed gives the same weights; another seed other weights', () => {
    for (const [, plugin] of CASES) {
      const a = values(plugin.sample([20, 10], { seed: 5 }));
      expect(values(plugin.sample([20, 10], { seed: 5 }))).toEqual(a);
      expect(values(plugin.sample([20, 10], { seed: 6 }))).not.toEqual(a);
    }
  });

  it('without a seed, setSeed makes the global stream reproducible', () => {
    setSeed(123);
    const a = values(heNormalInitializer.sample([8, 8]));
    const b = values(heNormalInitializer.sample([8, 8]));
    setSeed(123);
    expect(values(heNormalInitializer.sample([8, 8]))).toEqual(a);
    expect(b).not.toEqual(a);
  });

  it('sampling creates exactly one tensor (no intermediates left behind)', () => {
    for (const [, plugin] of CASES) {
      const before = memory().numTensors;
      const w = plugin.sample([4, 4], { seed: 1 });
      expect(memory().numTensors, plugin.name).toBe(before + 1);
      w.dispose();
    }
  });

  it('a zero-size shape gives an empty tensor, as PyTorch does nothing', () => {
    expect(heNormalInitializer.sample([0, 5]).shape).toEqual([0, 5]);
  });
});
