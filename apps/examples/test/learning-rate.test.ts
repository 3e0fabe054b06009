import { describe, expect, it } from 'vitest';
import { experiment } from '../src/experiments/learning-rate';
import { runFast } from './run-fast';

describe('learning-rate', () => {
  it('the high rate diverges, the right one reaches a low loss, the low one is still high', async () => {
    const { verdict, metrics: m } = await runFast(experiment);
    expect(m.highDiverged).toBe(1);
    expect(Number.isFinite(m.highFinal!) ? m.highFinal! > m.highInitial! : true).toBe(true);
    expect(m.rightDiverged).toBe(0);
    expect(m.rightFinal!).toBeLessThan(0.05 * m.rightInitial!);
    expect(m.lowDiverged).toBe(0);
    expect(m.lowFinal!).toBeGreaterThan(0.3 * m.lowInitial!);
    expect(m.lowFinal!).toBeGreaterThan(10 * m.rightFinal!);
    expect(verdict).toMatch(/^lr 2 \(too high\) diverges/);
  });
});
