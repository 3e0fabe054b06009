import { describe, expect, it } from 'vitest';
import { experiment } from '../src/experiments/activations';
import { runFast } from './run-fast';

describe('activations', () => {
  it("autograd's derivatives match the closed forms, and softmax reproduces the seed's example", async () => {
    const { metrics, plots } = await runFast(experiment);
    // float32 evaluation of the same formula: a few ulps of values up to ~1.1.
    expect(metrics.maxDerivativeError).toBeLessThan(1e-6);
    for (const name of ['sigmoid', 'tanh', 'ReLU', 'leaky ReLU (0.1)', 'ELU', 'GELU', 'softplus']) {
      expect(metrics[`maxDerivativeError:${name}`]).toBeDefined();
    }
    const probs = [0, 1, 2, 3].map((i) => metrics[`softmax${i}`]!);
    [0.775, 0.116, 0.039, 0.070].forEach((p, i) => expect(probs[i]).toBeCloseTo(p, 3));
    expect(probs.reduce((a, b) => a + b)).toBeCloseTo(1, 6);
    expect(plots).toHaveLength(2);
  });
});
