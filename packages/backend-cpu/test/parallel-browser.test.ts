import { describe, expect, it } from 'vitest';
import { createGemmScratch, type MatrixView } from '../src/index';
import * as nodePool from '../src/parallel';
import * as browserPool from '../src/parallel.browser';

describe('the browser build\'s stand-in for the worker pool (src/parallel.browser.ts)', () => {
  it('has the Node module\'s exports, stays on one thread and never runs a product itself', () => {
    expect(Object.keys(browserPool).sort()).toEqual(Object.keys(nodePool).sort());
    browserPool.setCpuThreads(4);
    expect(browserPool.getCpuThreads()).toBe(1);
    const big: MatrixView = { data: new Float32Array(64 * 1024).fill(1), offset: 0, rowStride: 1024, colStride: 1 };
    const c = new Float32Array(64 * 64);
    expect(browserPool.parallelGemm(64, 64, 1024, big, { ...big, rowStride: 1, colStride: 1024 }, c, 0, 64, false, createGemmScratch())).toBe(false);
    expect(c.every((v) => v === 0)).toBe(true);
  });

  it('validates setCpuThreads like the Node build', () => {
    for (const bad of [0, 1.5, Number.NaN]) {
      expect(() => browserPool.setCpuThreads(bad)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
      expect(() => browserPool.setCpuThreads(bad)).toThrow(/setCpuThreads: threads must be an integer >= 1, got/);
    }
  });
});
