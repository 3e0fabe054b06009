import { describe, expect, it } from 'vitest';
import { broadcastStridesOf, coordsOf, glslFloat, offsetExpr, rowMajorStrides } from '../src/glsl';

/** Evaluates the generated GLSL index code in JS (int division of non-negative ints is floor). */
function evalCoords(shape: number[], index: number): number[] {
  const js = coordsOf(shape, 'i', 'c').replace(/int /g, 'let ').replace(/(\w+) \/ (\d+)/g, 'Math.floor($1 / $2)');
  return new Function('i', `${js} return [${shape.map((_, k) => `c${k}`).join(',')}];`)(index) as number[];
}

describe('glsl code generation', () => {
  it('glslFloat is exact in float32, including NaN, infinities and -0', () => {
    expect(glslFloat(2)).toBe('2.0');
    expect(glslFloat(-3)).toBe('-3.0');
    expect(glslFloat(0.1)).toBe(`uintBitsToFloat(${new Uint32Array(Float32Array.of(0.1).buffer)[0]}u)`);
    expect(glslFloat(NaN)).toBe('uintBitsToFloat(2143289344u)');
    expect(glslFloat(Infinity)).toBe('uintBitsToFloat(2139095040u)');
    expect(glslFloat(-0)).toBe('uintBitsToFloat(2147483648u)');
  });

  it('coordsOf inverts row-major flattening for every index', () => {
    const shape = [2, 3, 4];
    const strides = rowMajorStrides(shape);
    expect(strides).toEqual([12, 4, 1]);
    for (let i = 0; i < 24; i++) {
      const c = evalCoords(shape, i);
      expect(c.reduce((p, v, k) => p + v * strides[k]!, 0)).toBe(i);
      expect(c.every((v, k) => v >= 0 && v < shape[k]!)).toBe(true);
    }
    expect(coordsOf([], 'i', 'c')).toBe('');
  });

  it('offsetExpr skips zero strides and keeps a constant offset', () => {
    expect(offsetExpr(['c0', 'c1'], [0, 1])).toBe('(c1)');
    expect(offsetExpr(['c0', 'c1'], [3, 0], 5)).toBe('(c0 * 3 + 5)');
    expect(offsetExpr([], [])).toBe('(0)');
  });

  it('broadcastStridesOf right-aligns and zeroes broadcast axes', () => {
    expect(broadcastStridesOf([3, 1], [2, 3, 4])).toEqual([0, 1, 0]);
    expect(broadcastStridesOf([4], [2, 3, 4])).toEqual([0, 0, 1]);
    expect(broadcastStridesOf([2, 3, 4], [2, 3, 4])).toEqual([12, 4, 1]);
  });
});
