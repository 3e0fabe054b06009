import type { Tensor } from '@tensorkit/tensor';
import { expect } from 'vitest';

/** The error `fn` throws (fails the test when it does not throw). */
export function caught(fn: () => unknown): Error & { code?: string } {
  try {
    fn();
  } catch (e) {
    return e as Error & { code?: string };
  }
  throw new Error('expected a throw');
}

/** Expects `fn` to throw a tensorkit error with `code` whose message contains every fragment. */
export function expectError(fn: () => unknown, code: string, ...fragments: string[]): void {
  const e = caught(fn);
  expect(e.code, e.message).toBe(code);
  for (const f of fragments) expect(e.message).toContain(f);
}

export const values = (t: Tensor): number[] => Array.from(t.dataSync() as ArrayLike<number>);

/** Elementwise closeness with a relative tolerance. */
export function expectClose(actual: Tensor | readonly number[], expected: readonly number[], tol = 1e-5): void {
  const a = Array.isArray(actual) ? (actual as number[]) : values(actual as Tensor);
  expect(a.length).toBe(expected.length);
  a.forEach((v, i) => {
    const e = expected[i]!;
    expect(Math.abs(v - e), `index ${i}: ${v} vs ${e}`).toBeLessThanOrEqual(tol * (1 + Math.abs(e)));
  });
}

/**
 * The central finite-difference derivative of scalar `f` with respect to every entry of `x`
 * (float64 arithmetic on float32 tensors, so only a loose tolerance is meaningful).
 */
export function finiteDifference(f: (x: Tensor) => number, x: Tensor, make: (values: Float32Array) => Tensor, h = 1e-2): number[] {
  const base = Float32Array.from(x.dataSync() as ArrayLike<number>);
  return Array.from(base, (_, i) => {
    const plus = Float32Array.from(base);
    const minus = Float32Array.from(base);
    plus[i]! += h;
    minus[i]! -= h;
    return (f(make(plus)) - f(make(minus))) / (2 * h);
  });
}
