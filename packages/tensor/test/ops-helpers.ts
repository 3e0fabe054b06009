import { expect } from 'vitest';
import type { NestedArray, Tensor } from '../src/index';

/** The error `fn` throws (fails the test if it does not throw). */
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

function flat(v: NestedArray): number[] {
  return Array.isArray(v) ? v.flatMap(flat) : [v];
}

/** Checks shape and values (to `digits` decimals) of `t`, and disposes it. */
export function expectTensor(t: Tensor, expected: NestedArray, shape?: readonly number[], digits = 5): void {
  const got = t.arraySync();
  if (shape) expect(t.shape).toEqual(shape);
  const a = flat(got);
  const b = flat(expected);
  expect(a.length, `values of ${t.toString()}`).toBe(b.length);
  a.forEach((v, i) => {
    const want = b[i]!;
    if (Number.isNaN(want)) expect(v).toBeNaN();
    else if (!Number.isFinite(want)) expect(v).toBe(want);
    else expect(v, `element ${i} of ${JSON.stringify(got)}`).toBeCloseTo(want, digits);
  });
  t.dispose();
}
