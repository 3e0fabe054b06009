import '@tensorkit/backend-cpu/register';
import { grad } from '@tensorkit/autograd';
import { memory, mean, mul, sum, tensor, tidy, type Tensor } from '@tensorkit/tensor';
import { describe, expect, it } from 'vitest';
import { activationPlugins, sigmoid, softmax, tanh } from '../src/index';
import { values } from './helpers';

const EDGE = [-1000, -100, -30, -5, -1, -0.25, 0, 0.25, 1, 5, 30, 100, 1000];

describe('saturation: finite values and gradients at ±30, ±100, ±1000', () => {
  for (const plugin of activationPlugins) {
    it(plugin.name, () => {
      const x = tensor(EDGE);
      const y = values(plugin.apply(x));
      // A random-looking upstream, so a NaN from 0·inf in an unselected branch cannot cancel out.
      const dy = tensor(EDGE.map((_, i) => 0.5 + ((i * 7) % 5) / 10));
      const g = values(grad((t: Tensor) => sum(mul(plugin.apply(t), dy)))(x));
      expect(y.filter((v) => !Number.isFinite(v))).toEqual([]);
      expect(g.filter((v) => !Number.isFinite(v))).toEqual([]);
    });
  }
});

describe("the course's claims", () => {
  it('sigmoid saturates: its gradient at ±10 is below 5e-5 (σ(10)(1 − σ(10)) ≈ 4.54e-5)', () => {
    const g = values(grad((x: Tensor) => sum(sigmoid(x)))(tensor([-10, 10])));
    for (const v of g) {
      expect(v).toBeGreaterThan(0);
      expect(v).toBeLessThan(5e-5);
    }
    expect(values(grad((x: Tensor) => sum(sigmoid(x)))(tensor([0])))[0]).toBeCloseTo(0.25, 7);
  });

  it('tanh is zero-centred: tanh(0) = 0 where sigmoid(0) = 0.5, and its mean over symmetric inputs is 0', () => {
    const symmetric = tensor([-3, -1.5, -0.5, 0, 0.5, 1.5, 3]);
    expect(values(tanh(tensor([0])))).toEqual([0]);
    expect(values(sigmoid(tensor([0])))).toEqual([0.5]);
    expect(Math.abs(values(mean(tanh(symmetric)))[0]!)).toBeLessThan(1e-7);
    expect(values(mean(sigmoid(symmetric)))[0]).toBeCloseTo(0.5, 6);
  });

  it('softmax([3.2, 1.3, 0.2, 0.8]) = [0.775, 0.116, 0.039, 0.070] to 3 decimals', () => {
    const p = values(softmax(tensor([3.2, 1.3, 0.2, 0.8])));
    expect(p.map((v) => Number(v.toFixed(3)))).toEqual([0.775, 0.116, 0.039, 0.07]);
  });
});

describe('memory', () => {
  it('every activation and its gradient leave no tensor behind', () => {
    const x = tensor([[-2, -0.5, 0, 0.5, 2]]);
    const run = (): void =>
      tidy(() => {
        for (const p of activationPlugins) grad((t: Tensor) => sum(p.apply(t)))(x);
      });
    run();
    const before = memory().numTensors;
    for (let step = 0; step < 3; step++) run();
    expect(memory().numTensors).toBe(before);
  });

  it('a function returns exactly one new tensor (its intermediates are freed)', () => {
    const x = tensor([-1, 0, 1]);
    for (const p of activationPlugins) {
      const before = memory().numTensors;
      const y = p.apply(x);
      expect(memory().numTensors, p.name).toBe(before + 1);
      y.dispose();
    }
  });
});
