import { describe, expect, it } from 'vitest';
import { experiment } from '../src/experiments/batch-norm';
import { runFast } from './run-fast';

describe('batch-norm', () => {
  it('batch norm trains the deep sigmoid net that plain SGD cannot; eval mode uses the running statistics', async () => {
    const { metrics: m } = await runFast(experiment);
    expect(m.plainFinalLoss!).toBeGreaterThan(0.6); // stuck near ln 2
    expect(m.bnFinalLoss!).toBeLessThan(0.5 * m.plainFinalLoss!);
    expect(m.bnFinalLoss!).toBeLessThan(0.5 * m.bnInitialLoss!);
    // eval output = (h - runningMean) / sqrt(runningVar + eps) * weight + bias, computed by hand
    expect(m.evalVsManual!).toBeLessThan(1e-5);
    // ...and not the batch-statistics output of train mode on the same batch
    expect(m.trainVsEval!).toBeGreaterThan(0.1);
  });
});
