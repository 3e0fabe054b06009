import { describe, expect, it } from 'vitest';
import { experiment } from '../src/experiments/losses';
import { runFast } from './run-fast';

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const logLoss = (m: number) => Math.log1p(Math.exp(-m));

describe('losses', () => {
  it('every curve matches its closed form at the sampled errors and margins', async () => {
    const { metrics: m, verdict, plots } = await runFast(experiment);
    const expected: Record<string, number> = {
      'MSE @ e=3': 9, 'MAE @ e=3': 3, 'Huber (δ = 1) @ e=3': 2.5, 'Huber (δ = 1) @ e=0.5': 0.125,
      'log-cosh @ e=3': Math.log(Math.cosh(3)), 'log-cosh @ e=-2': Math.log(Math.cosh(2)),
      // τ = 0.9: under-prediction (e < 0) costs τ·|e|, over-prediction (1 − τ)·e.
      'quantile (τ = 0.9) @ e=-2': 1.8, 'quantile (τ = 0.9) @ e=3': 0.3,
      'log loss @ m=3': logLoss(3), 'log loss @ m=-2': logLoss(-2), 'hinge @ m=-2': 3, 'hinge @ m=3': 0,
      'exponential @ m=-2': Math.exp(2), 'focal (γ = 2) @ m=0': 0.25 * Math.LN2,
      'focal (γ = 2) @ m=3': (1 - sigmoid(3)) ** 2 * logLoss(3),
    };
    for (const [key, value] of Object.entries(expected)) {
      expect(m[key], key).toBeDefined();
      expect(Math.abs(m[key]! - value), key).toBeLessThan(1e-5 * Math.max(1, value));
    }
    // Robust losses grow linearly, MSE quadratically; focal shrinks easy examples below log loss.
    expect(m['MSE @ e=3']!).toBeGreaterThan(3 * m['Huber (δ = 1) @ e=3']!);
    expect(m['focal (γ = 2) @ m=3']!).toBeLessThan(m['log loss @ m=3']! / 100);
    expect(verdict).toMatch(/MSE costs 9\.00/);
    expect(plots).toHaveLength(2);
  });
});
