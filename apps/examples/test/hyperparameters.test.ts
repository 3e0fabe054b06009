import { describe, expect, it } from 'vitest';
import { experiment } from '../src/experiments/hyperparameters';
import { runFast } from './run-fast';

describe('hyperparameters', () => {
  it('smaller batches get further per epoch; the lrScheduler callback anneals the rate and beats a constant one', async () => {
    const { metrics: m } = await runFast(experiment);
    expect(m.batch8Steps).toBe(16 * m.batch128Steps!);
    expect(m.batch8Loss!).toBeLessThan(0.6 * m.batch128Loss!);
    // the logged lr follows the schedules: stepLR ÷10 at the halfway point, cosine close to 0
    expect(m.stepFirstLr).toBeCloseTo(0.3, 10);
    expect(m.stepLastLr).toBeCloseTo(0.03, 10);
    const cosineLast = 0.15 * (1 + Math.cos((Math.PI * (m.epochs! - 1)) / m.epochs!));
    expect(m.cosineLastLr).toBeCloseTo(cosineLast, 10);
    expect(m.constantFirstLr).toBeUndefined();
    expect(m.stepLoss!).toBeLessThan(0.5 * m.constantLoss!);
    expect(m.cosineLoss!).toBeLessThan(0.5 * m.constantLoss!);
  });
});
