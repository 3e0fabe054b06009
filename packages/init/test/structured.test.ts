import '@tensorkit/backend-cpu/register';
import { memory } from '@tensorkit/tensor';
import { describe, expect, it } from 'vitest';
import { calculateGain, constant, identity, ones, orthogonal, zeros } from '../src/index';
import { values } from './helpers';

/** `WᵀW` (or `WWᵀ` when `rowsGram`) of a row-major rows×cols matrix, in float64. */
function gram(w: number[], rows: number, cols: number, rowsGram = false): number[][] {
  const n = rowsGram ? rows : cols;
  const at = (i: number, j: number): number => w[i * cols + j]!;
  return Array.from({ length: n }, (_, a) =>
    Array.from({ length: n }, (_, b) => {
      let s = 0;
      for (let k = 0; k < (rowsGram ? cols : rows); k++) s += rowsGram ? at(a, k) * at(b, k) : at(k, a) * at(k, b);
      return s;
    }),
  );
}

/** Max |G − g²·I|: float32 storage limits it to ~1e-6. */
const offIdentity = (g: number[][], gain = 1): number =>
  Math.max(...g.flatMap((row, i) => row.map((v, j) => Math.abs(v - (i === j ? gain * gain : 0)))));

describe('orthogonal', () => {
  it('a tall [in, out] kernel has orthonormal columns: WᵀW = I', () => {
    expect(offIdentity(gram(values(orthogonal([64, 16], { seed: 0 })), 64, 16))).toBeLessThan(2e-6);
  });

  it('a wide kernel has orthonormal rows: WWᵀ = I', () => {
    expect(offIdentity(gram(values(orthogonal([8, 20], { seed: 1 })), 8, 20, true))).toBeLessThan(2e-6);
  });

  it('a square one is orthogonal both ways, a conv kernel [kh, kw, in, out] as a (kh·kw·in) × out matrix', () => {
    const sq = values(orthogonal([12, 12], { seed: 2 }));
    expect(offIdentity(gram(sq, 12, 12))).toBeLessThan(2e-6);
    expect(offIdentity(gram(sq, 12, 12, true))).toBeLessThan(2e-6);
    expect(offIdentity(gram(values(orthogonal([3, 3, 4, 8], { seed: 3 })), 36, 8))).toBeLessThan(2e-6);
  });

  it('gain scales it, and the seed fixes it', () => {
    const gain = calculateGain('relu');
    expect(offIdentity(gram(values(orthogonal([10, 5], { seed: 4, gain })), 10, 5), gain)).toBeLessThan(4e-6);
    expect(values(orthogonal([10, 5], { seed: 4 }))).toEqual(values(orthogonal([10, 5], { seed: 4 })));
    expect(values(orthogonal([10, 5], { seed: 4 }))).not.toEqual(values(orthogonal([10, 5], { seed: 5 })));
  });

  it('frees the Gaussian it factorises', () => {
    const before = memory().numTensors;
    orthogonal([6, 6], { seed: 0 }).dispose();
    expect(memory().numTensors).toBe(before);
  });
});

describe('identity and constants', () => {
  it('identity is gain·I on a possibly rectangular [in, out] kernel', () => {
    expect(values(identity([2, 3]))).toEqual([1, 0, 0, 0, 1, 0]);
    expect(values(identity([3, 2], { gain: 2 }))).toEqual([2, 0, 0, 2, 0, 0]);
  });

  it('zeros, ones and constant', () => {
    expect(values(zeros([2]))).toEqual([0, 0]);
    expect(values(ones([1, 2]))).toEqual([1, 1]);
    expect(values(constant([3], { value: -0.5 }))).toEqual([-0.5, -0.5, -0.5]);
    expect(values(constant([1]))).toEqual([0]);
  });
});
