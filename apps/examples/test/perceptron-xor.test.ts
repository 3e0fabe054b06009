import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { experiment } from '../src/experiments/perceptron-xor';
import { runFast } from './run-fast';

describe('perceptron-xor', () => {
  it('the perceptron learns AND and OR, not XOR; the 2-4-1 MLP learns XOR', async () => {
    const { metrics, verdict, plots } = await runFast(experiment);
    expect(metrics.perceptronAND).toBe(1);
    expect(metrics.perceptronOR).toBe(1);
    // No line separates XOR's classes, so at most 3 of its 4 points can be right.
    expect(metrics.perceptronXOR).toBeLessThanOrEqual(0.75);
    expect(metrics.mlpXOR).toBe(1);
    expect(verdict).toMatch(/fails XOR \(accuracy 0\.\d\d\); MLP solves it \(accuracy 1\.00\)/);
    expect(plots.every((p) => existsSync(p))).toBe(true);
  });
});
