import { beforeAll, describe, expect, it } from 'vitest';
import { experiment } from '../src/experiments/weight-init';
import { runFast } from './run-fast';

describe('weight-init', () => {
  let m: Record<string, number> = {};
  beforeAll(async () => {
    m = (await runFast(experiment)).metrics;
  });

  it('zero init leaves every hidden unit identical after training; random init does not', () => {
    expect(m.zeroHiddenNorm!).toBeGreaterThan(1); // the weights did train...
    expect(m.zeroHiddenSpread!).toBeLessThanOrEqual(1e-6 * m.zeroHiddenNorm!); // ...all in lockstep
    expect(m.randomHiddenSpread!).toBeGreaterThan(0.1);
    expect(m.randomAccuracy!).toBeGreaterThan(m.zeroAccuracy!);
  });

  it('He keeps ReLU activations within a factor 2 of the input std across 20 layers; too small or Xavier collapses them', () => {
    expect(m.reluHeMinRatio!).toBeGreaterThan(0.5);
    expect(m.reluHeMaxRatio!).toBeLessThan(2);
    expect(m.reluSmallFinalRatio!).toBeLessThan(1e-3);
    expect(m.reluXavierFinalRatio!).toBeLessThan(0.01);
    expect(m.tanhXavierFinalRatio!).toBeGreaterThan(0.05);
  });
});
