import { grad } from '@tensorkit/autograd';
import { tensor, tidy, type Tensor } from '@tensorkit/tensor';
import { expect } from 'vitest';

export const values = (t: Tensor): number[] => Array.from(t.dataSync(), Number);

export function close(t: Tensor | number[], expected: number[], rtol = 1e-5, atol = 1e-6): void {
  const got = Array.isArray(t) ? t : values(t);
  expect(got).toHaveLength(expected.length);
  got.forEach((v, i) => expect(Math.abs(v - expected[i]!), `element ${i}: ${v} vs ${expected[i]}`).toBeLessThanOrEqual(atol + rtol * Math.abs(expected[i]!)));
}

export function caught(fn: () => unknown): Error & { code?: string } {
  try {
    fn();
  } catch (e) {
    return e as Error & { code?: string };
  }
  throw new Error('expected a throw');
}

/*
 * Central finite differences of a scalar loss in float32, for the losses the oracle does not
 * cover (Keras-flavoured ones, probability inputs). The loss is O(1) and computed in float32, so
 * its rounding noise is ≲ 1e-6; with h = 1e-2 that is ≲ 5e-5 in the derivative, and the
 * truncation error h²/6·|ℓ'''| is ≲ 2e-5·|ℓ'''|, with |ℓ'''| ≲ 50 for the inputs used here
 * (probabilities in [0.1, 0.9], where (log p)''' = 2/p³ ≤ 2000 but is weighted by the 1/N mean
 * and targets ≤ 1). Hence |analytic − numeric| ≤ 2e-3 + 2e-3·|numeric|: well below a gradient off
 * by 1% on these O(0.1) derivatives, and above the worst expected error. The perturbed inputs are
 * rounded to float32 and the denominator is their exact difference.
 */
export function expectGradMatchesFD(f: (x: Tensor) => Tensor, x0: number[], shape: number[], h = 1e-2): void {
  const analytic = tidy(() => values(grad(f)(tensor(x0, shape))));
  const at = (v: number[]): number => tidy(() => values(f(tensor(v, shape)))[0]!);
  x0.forEach((v, i) => {
    const plus = [...x0];
    const minus = [...x0];
    plus[i] = Math.fround(v + h);
    minus[i] = Math.fround(v - h);
    const numeric = (at(plus) - at(minus)) / (plus[i]! - minus[i]!);
    expect(Math.abs(analytic[i]! - numeric), `d/dx[${i}]: autograd ${analytic[i]} vs FD ${numeric}`).toBeLessThanOrEqual(2e-3 + 2e-3 * Math.abs(numeric));
  });
}
