import type { Dataset } from './dataset';
import { gaussian, rng } from './random';

/** The four points of a two-input truth table, labelled by `gate` (XOR, AND, OR). */
export function truthTable(gate: (a: number, b: number) => number): Dataset {
  const x = [[0, 0], [0, 1], [1, 0], [1, 1]];
  return { x, y: x.map(([a, b]) => gate(a!, b!)) };
}

/** XOR's truth table: not linearly separable. */
export const xor = (): Dataset => truthTable((a, b) => a ^ b);
/** AND's truth table. */
export const and = (): Dataset => truthTable((a, b) => a & b);
/** OR's truth table. */
export const or = (): Dataset => truthTable((a, b) => a | b);

/** Two concentric noisy circles: class 0 on radius 1, class 1 on radius `factor`. */
export function circles(n: number, options: { noise?: number; factor?: number; seed?: number } = {}): Dataset {
  const { noise = 0.1, factor = 0.5, seed = 0 } = options;
  const next = rng(seed);
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const label = i % 2;
    const r = label === 0 ? 1 : factor;
    const t = 2 * Math.PI * next();
    x.push([r * Math.cos(t) + noise * gaussian(next), r * Math.sin(t) + noise * gaussian(next)]);
    y.push(label);
  }
  return { x, y };
}

/** Two interleaving half moons (scikit-learn's `make_moons`). */
export function moons(n: number, options: { noise?: number; seed?: number } = {}): Dataset {
  const { noise = 0.1, seed = 0 } = options;
  const next = rng(seed);
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const label = i % 2;
    const t = Math.PI * next();
    const [px, py] = label === 0 ? [Math.cos(t), Math.sin(t)] : [1 - Math.cos(t), 0.5 - Math.sin(t)];
    x.push([px + noise * gaussian(next), py + noise * gaussian(next)]);
    y.push(label);
  }
  return { x, y };
}

/** `classes` interleaved spiral arms (the classic CS231n dataset), `n` points in total. */
export function spirals(n: number, options: { classes?: number; noise?: number; seed?: number } = {}): Dataset {
  const { classes = 2, noise = 0.2, seed = 0 } = options;
  const next = rng(seed);
  const x: number[][] = [];
  const y: number[] = [];
  const perClass = Math.ceil(n / classes);
  for (let i = 0; i < n; i++) {
    const label = i % classes;
    const r = (Math.floor(i / classes) + 1) / perClass;
    const t = label * ((2 * Math.PI) / classes) + 4 * r + noise * gaussian(next);
    x.push([r * Math.sin(t), r * Math.cos(t)]);
    y.push(label);
  }
  return { x, y };
}

/**
 * A teacher-student regression: `y = tanh(x·w₁)·w₂ + noise` with a fixed random teacher, `n`
 * samples of `inputs` standard-normal features. A student net of the teacher's size can fit it.
 */
export function teacherStudent(
  n: number,
  options: { inputs?: number; hidden?: number; noise?: number; seed?: number } = {},
): Dataset {
  const { inputs = 8, hidden = 16, noise = 0.1, seed = 0 } = options;
  const next = rng(seed);
  const w1 = Array.from({ length: inputs }, () => Array.from({ length: hidden }, () => gaussian(next) / Math.sqrt(inputs)));
  const w2 = Array.from({ length: hidden }, () => gaussian(next) / Math.sqrt(hidden));
  const x: number[][] = [];
  const y: number[] = [];
  for (let i = 0; i < n; i++) {
    const row = Array.from({ length: inputs }, () => gaussian(next));
    let out = 0;
    for (let h = 0; h < hidden; h++) {
      let z = 0;
      for (let k = 0; k < inputs; k++) z += row[k]! * w1[k]![h]!;
      out += Math.tanh(z) * w2[h]!;
    }
    x.push(row);
    y.push(out + noise * gaussian(next));
  }
  return { x, y };
}
