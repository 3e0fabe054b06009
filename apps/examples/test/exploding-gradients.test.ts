import { describe, expect, it } from 'vitest';
import { experiment } from '../src/experiments/exploding-gradients';
import { runFast } from './run-fast';

describe('exploding-gradients', () => {
  it('plain SGD explodes (loss not finite, gradient norm > 1e6) and clipGradNorm trains', async () => {
    const { metrics: m } = await runFast(experiment);
    expect(m.plainDiverged).toBe(1);
    expect(Number.isFinite(m.plainFinalLoss!)).toBe(false);
    expect(m.plainMaxGradNorm!).toBeGreaterThan(1e6);
    expect(m.plainSteps!).toBeLessThan(m.clippedSteps!);
    // clipped: every step finite, and the loss falls by orders of magnitude
    expect(m.clippedSteps).toBe(100);
    expect(Number.isFinite(m.clippedMaxLoss!)).toBe(true);
    expect(m.clippedMaxLoss!).toBe(m.initialLoss);
    expect(m.clippedFinalLoss!).toBeLessThan(m.initialLoss! / 50);
  });
});
