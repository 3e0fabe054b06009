import '@tensorkit/backend-cpu/register';
import { describe, expect, it } from 'vitest';
import { isTensorkitError } from '@tensorkit/core';
import { tensor, variable } from '@tensorkit/tensor';
import { Lion, lion } from '../src/index';

describe('Lion', () => {
  it('moves each weight by lr times the sign of the interpolated momentum, with decoupled decay', () => {
    const w = variable(tensor([1, -2, 0.5]));
    const opt = lion.create([w], { lr: 0.1, betas: [0.9, 0.99], weightDecay: 0.5 });
    const g1 = [0.3, -0.1, 0];
    opt.step(new Map([[w, tensor(g1)]]));
    // m0 = 0: direction = sign(0.1 g1); w = w (1 - lr wd) - lr direction
    const w1 = [1 * 0.95 - 0.1, -2 * 0.95 + 0.1, 0.5 * 0.95];
    w.dataSync().forEach((v, i) => expect(v).toBeCloseTo(w1[i]!, 6));
    // m1 = 0.01 g1; with g2 = -g1 the interpolation 0.9 m1 + 0.1 g2 = -0.091 g1: the sign flips
    opt.step(new Map([[w, tensor(g1.map((v) => -v))]]));
    const w2 = w1.map((v, i) => v * 0.95 + 0.1 * Math.sign(g1[i]!));
    w.dataSync().forEach((v, i) => expect(v).toBeCloseTo(w2[i]!, 6));
    opt.dispose();
  });

  it('checks its options like the built-in optimizers (NaN is an error)', () => {
    const w = variable(tensor([1]));
    expect(() => new Lion([w], { lr: Number.NaN })).toThrowError(/lr/);
    try {
      new Lion([w], { betas: [1.5, 0.99] });
      expect.unreachable();
    } catch (e) {
      expect(isTensorkitError(e)).toBe(true);
      expect((e as Error).message).toMatch(/betas/);
    }
  });
});
