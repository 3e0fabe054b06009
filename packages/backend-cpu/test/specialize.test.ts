import { afterEach, describe, expect, it } from 'vitest';
import { compileAccumulate, compileFold, compileMap, compileZip, genericMap, setCodegenAllowed } from '../src/specialize';

const EDGES = Float32Array.from([0, -0, 1, -1, 0.5, -2.5, 6, 7, 20, 21, 100, -100, Infinity, -Infinity, NaN, 1e-30, 3.4e38]);

afterEach(() => setCodegenAllowed(undefined));

const same = (a: ArrayLike<number>, b: ArrayLike<number>): void => {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) expect(Object.is(a[i], b[i]) || (Number.isNaN(a[i]!) && Number.isNaN(b[i]!))).toBe(true);
};

describe('loop specialization', () => {
  it.each([
    ['v < 0 ? 0 : v', (v: number) => (v < 0 ? 0 : v)],
    ['1 / (1 + Math.exp(-v))', (v: number) => 1 / (1 + Math.exp(-v))],
    ['v > 20 ? v : Math.log1p(Math.exp(v))', (v: number) => (v > 20 ? v : Math.log1p(Math.exp(v)))],
    ['v < a ? a : v > b ? b : v', (v: number, a: number, b: number) => (v < a ? a : v > b ? b : v)],
  ])('compiled map %s equals the generic loop, attributes included', (expr, fn) => {
    const compiled = new Float32Array(EDGES.length);
    const generic = new Float32Array(EDGES.length);
    compileMap(expr, fn)(EDGES, compiled, EDGES.length, -1, 6);
    genericMap(fn)(EDGES, generic, EDGES.length, -1, 6);
    same(compiled, generic);
  });

  it('compiled folds and row accumulations equal the generic ones, NaN propagation included', () => {
    const max = (acc: number, v: number): number => (v > acc || v !== v ? v : acc);
    const expr = 'v > acc || v !== v ? v : acc';
    expect(compileFold('acc + v', (a, v) => a + v)(EDGES, 0, 5, 0)).toBe(0 + -0 + 1 + -1 + 0.5);
    expect(compileFold(expr, max)(EDGES, 0, 12, -Infinity)).toBe(100);
    expect(compileFold(expr, max)(EDGES, 0, EDGES.length, -Infinity)).toBeNaN();
    const acc = Float64Array.from([0, 5, -1]);
    compileAccumulate(expr, max)(acc, EDGES, 9, 3); // rows 21, 100, -100
    expect([...acc]).toEqual([21, 100, -1]);
  });

  it('compiled binary rows equal the generic ones, with operand strides of 1 and 0', () => {
    const defs: [string, (a: number, b: number) => number][] = [
      ['a + b', (a, b) => a + b],
      ['Math.max(a, b)', (a, b) => Math.max(a, b)],
      ['a < b ? 1 : 0', (a, b) => (a < b ? 1 : 0)],
    ];
    const b = EDGES.slice().reverse();
    for (const [expr, fn] of defs) {
      for (const sb of [1, 0]) {
        const compiled = new Float32Array(EDGES.length + 2);
        const generic = new Float32Array(EDGES.length + 2);
        compileZip(expr, fn)(compiled, 2, EDGES, 0, 1, b, 3, sb, EDGES.length - 3);
        compileZip(null, fn)(generic, 2, EDGES, 0, 1, b, 3, sb, EDGES.length - 3);
        same(compiled, generic);
      }
    }
  });

  it('falls back to closure loops where code generation is forbidden (a strict CSP)', () => {
    setCodegenAllowed(false);
    const ys = new Float32Array(3);
    compileMap('v * 2', (v) => v * 3)(Float32Array.from([1, 2, 3]), ys, 3, 0, 0);
    expect([...ys]).toEqual([3, 6, 9]); // the fallback function ran, not the expression
    expect(compileFold('acc + v', (a, v) => a + 10 * v)(Float32Array.from([1, 2]), 0, 2, 0)).toBe(30);
    const zs = new Float32Array(2);
    compileZip('a + b', (a, b) => a - b)(zs, 0, Float32Array.from([5, 7]), 0, 1, Float32Array.from([1]), 0, 0, 2);
    expect([...zs]).toEqual([4, 6]);
  });
});
