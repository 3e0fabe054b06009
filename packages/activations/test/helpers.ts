import type { Tensor } from '@tensorkit/tensor';

/** Catches the error `fn` throws (failing the test if it does not). */
export function caught(fn: () => unknown): Error & { code?: string } {
  try {
    fn();
  } catch (e) {
    return e as Error & { code?: string };
  }
  throw new Error('expected a throw');
}

export const values = (t: Tensor): number[] => Array.from(t.dataSync());
