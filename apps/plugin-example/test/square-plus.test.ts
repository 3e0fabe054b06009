import '@tensorkit/backend-cpu/register';
import { describe, expect, it } from 'vitest';
import { isTensorkitError } from '@tensorkit/core';
import { tensor, sum, mul } from '@tensorkit/tensor';
import { grad } from '@tensorkit/autograd';
import { squarePlus, squarePlusActivation } from '../src/index';

const ref = (x: number, b: number): number => (x + Math.sqrt(x * x + b)) / 2;

describe('squarePlus', () => {
  const xs = [-3, -1, -0.25, 0, 0.5, 2, 5];

  it('computes (x + sqrt(x² + b)) / 2', () => {
    for (const b of [4, 0.5]) {
      const got = squarePlus(tensor(xs), { b }).dataSync();
      xs.forEach((x, i) => expect(got[i]).toBeCloseTo(ref(x, b), 5));
    }
    expect(squarePlusActivation.apply(tensor([0])).dataSync()[0]).toBeCloseTo(1, 6);
  });

  it('has a hand-written gradient that matches central differences', () => {
    // A weighted sum, so each coordinate's gradient is scaled differently; h = 1e-2 in float64
    // reference arithmetic, float32 tensors: 1e-4 covers the float32 rounding of the gradient.
    const w = [1, -2, 0.5, 3, 1, -1, 2];
    const g = grad((x) => sum(mul(squarePlus(x, { b: 2 }), tensor(w))))(tensor(xs)).dataSync();
    const h = 1e-2;
    xs.forEach((x, i) => expect(g[i]).toBeCloseTo((w[i]! * (ref(x + h, 2) - ref(x - h, 2))) / (2 * h), 4));
  });

  it('supports second derivatives through its gradient', () => {
    // d²/dx² of squarePlus = b / (2 (x² + b)^{3/2})
    const d2 = grad((x) => sum(grad((y) => sum(squarePlus(y)))(x)))(tensor([0, 1])).dataSync();
    [0, 1].forEach((x, i) => expect(d2[i]).toBeCloseTo(4 / (2 * (x * x + 4) ** 1.5), 5));
  });

  it('rejects a non-positive or NaN b, naming the option and the default', () => {
    for (const b of [0, -1, Number.NaN]) {
      try {
        squarePlus(tensor([1]), { b });
        expect.unreachable();
      } catch (e) {
        expect(isTensorkitError(e, 'INVALID_ARGUMENT')).toBe(true);
        expect((e as Error).message).toMatch(/squarePlus: option b must be a positive number.*default is 4/);
      }
    }
  });
});
