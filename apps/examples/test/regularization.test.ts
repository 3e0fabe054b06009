import { describe, expect, it } from 'vitest';
import { experiment } from '../src/experiments/regularization';
import { runFast } from './run-fast';

describe('regularization', () => {
  it('the unregularized net overfits; dropout, L2 and early stopping each shrink the train/validation gap', async () => {
    const { metrics: m } = await runFast(experiment);
    expect(m.baselineTrain!).toBeLessThan(0.05);
    expect(m.baselineGap!).toBeGreaterThan(1);
    for (const key of ['dropout', 'l2', 'early']) expect(m[`${key}Gap`]!).toBeLessThan(0.6 * m.baselineGap!);
    // early stopping stopped before the last epoch and put back the best epoch's weights
    expect(m.earlyEpochsRun!).toBeLessThan(m.epochs!);
    expect(m.earlyBestEpoch!).toBeLessThan(m.earlyEpochsRun! - 1);
    expect(m.earlyVal!).toBeCloseTo(m.earlyBestValLoss!, 5);
  });
});
