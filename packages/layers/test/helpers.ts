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
