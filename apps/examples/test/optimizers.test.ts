import { describe, expect, it } from 'vitest';
import { experiment } from '../src/experiments/optimizers';
import { runFast } from './run-fast';

const KEYS = ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam'];

describe('optimizers', () => {
  it('every optimizer reduces the loss; Adam and momentum beat plain SGD at the same step count', async () => {
    const { metrics: m } = await runFast(experiment);
    for (const k of KEYS) {
      expect(m[`${k}Initial`]).toBe(m.sgdInitial); // same network, same initialization
      expect(m[`${k}Final`]!).toBeLessThan(0.8 * m[`${k}Initial`]!);
    }
    expect(m.adamFinal!).toBeLessThan(0.6 * m.sgdFinal!);
    expect(m.momentumFinal!).toBeLessThan(0.8 * m.sgdFinal!);
    expect(m.nesterovFinal!).toBeLessThan(0.8 * m.sgdFinal!);
  });
});
