/**
 * The 2-D toy datasets, two classes each. Every generator maps (class, random) to one point, so
 * they share the loop that fills the arrays.
 */
import { seededRandom, type Random } from '../random';
import type { Dataset, DatasetName } from './dataset';

type Planar = Exclude<DatasetName, 'mnist'>;
type PointOf = (cls: number, i: number, perClass: number, rng: Random) => [number, number];

/** Points are drawn in TensorFlow Playground's [-6, 6] square, then divided by this for the network. */
const SCALE = 3;
const EXTENT = 6;

const generators: Record<Planar, PointOf> = {
  xor(_cls, _i, _n, rng) {
    // the class comes from the quadrant, so draw the point first and relabel (see planar())
    const pad = 0.3;
    const a = (rng.next() * (EXTENT - 1 - pad) + pad) * (rng.next() < 0.5 ? -1 : 1);
    const b = (rng.next() * (EXTENT - 1 - pad) + pad) * (rng.next() < 0.5 ? -1 : 1);
    return [a, b];
  },
  circles(cls, _i, _n, rng) {
    const r = cls === 0 ? rng.next() * 2 : 3 + rng.next() * 2;
    const t = rng.next() * 2 * Math.PI;
    return [r * Math.cos(t) + rng.normal() * 0.15, r * Math.sin(t) + rng.normal() * 0.15];
  },
  spiral(cls, i, n, rng) {
    // two interleaved arms, 1.75 turns each (TensorFlow Playground's spiral)
    const r = (i / n) * 5;
    const t = 1.75 * (i / n) * 2 * Math.PI + cls * Math.PI;
    return [r * Math.sin(t) + rng.normal() * 0.12, r * Math.cos(t) + rng.normal() * 0.12];
  },
  moons(cls, _i, _n, rng) {
    const t = rng.next() * Math.PI;
    const [x, y] = cls === 0 ? [Math.cos(t), Math.sin(t)] : [1 - Math.cos(t), 0.5 - Math.sin(t)];
    // centre the pair and scale it to the same square as the others
    return [(x - 0.5) * 3.2 + rng.normal() * 0.25, (y - 0.25) * 3.2 + rng.normal() * 0.25];
  },
};

/** `perClass` points of each of the two classes of a 2-D dataset, seeded. */
export function planar(name: Planar, perClass = 150, seed = 7): Dataset {
  const rng = seededRandom(seed);
  const n = 2 * perClass;
  const x = new Float32Array(n * 2);
  const y = new Int32Array(n);
  for (let cls = 0; cls < 2; cls++) {
    for (let i = 0; i < perClass; i++) {
      const row = cls * perClass + i;
      const [a, b] = generators[name](cls, i, perClass, rng);
      x[row * 2] = a / SCALE;
      x[row * 2 + 1] = b / SCALE;
      y[row] = name === 'xor' ? (a * b >= 0 ? 0 : 1) : cls;
    }
  }
  return { name, x, y, features: 2, classes: 2, extent: EXTENT / SCALE };
}
