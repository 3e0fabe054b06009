import { describe, expect, it } from 'vitest';
import { experiment } from '../src/experiments/gradient-descent';
import { runFast } from './run-fast';

describe('gradient-descent', () => {
  it('per epoch, more (smaller) steps learn more: stochastic < mini-batch < batch after one epoch', async () => {
    const { metrics: m, verdict, plots } = await runFast(experiment);
    // One epoch is n steps of size 1, n/32 steps, or a single full-batch step: deterministic.
    expect(m.stochasticFirstEpochLoss!).toBeLessThan(m.minibatchFirstEpochLoss!);
    expect(m.minibatchFirstEpochLoss!).toBeLessThan(m.batchFirstEpochLoss!);
    // Every variant trains within its time budget (how far depends on the machine's load).
    for (const key of ['batch', 'stochastic', 'minibatch']) {
      expect(m[`${key}Epochs`]!).toBeGreaterThanOrEqual(1);
      expect(m[`${key}BestLoss`]!).toBeLessThanOrEqual(m[`${key}FirstEpochLoss`]!);
    }
    expect(verdict).toMatch(/^per epoch, stochastic GD learns most/);
    expect(plots).toHaveLength(1);
  });
});
