import { describe, expect, it } from 'vitest';
import { createGemmScratch, gemmKernel, getCpuThreads, setCpuThreads, type MatrixView } from '../src/index';
import { parallelGemm } from '../src/parallel';
import { randn } from './helpers';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('multi-threaded GEMM (Node worker_threads)', () => {
  it('splits large products over workers with bit-identical results, transposed and accumulating', async () => {
    setCpuThreads(2);
    expect(getCpuThreads()).toBe(2);
    const [m, n, k] = [203, 97, 461]; // 9.1M multiply-adds: above the threading threshold
    const a = randn(m * k, 1);
    const b = randn(k * n, 2);
    // A is read transposed (stored [k, m]), B row-major inside a larger buffer.
    const aView: MatrixView = { data: a, offset: 0, rowStride: 1, colStride: m };
    const bBig = new Float32Array(k * n + 5);
    bBig.set(b, 5);
    const bView: MatrixView = { data: bBig, offset: 5, rowStride: n, colStride: 1 };
    const expected = randn(m * (n + 3), 3);
    const actual = Float32Array.from(expected);
    gemmKernel(m, n, k, aView, bView, expected, 0, n + 3, true, createGemmScratch());

    // The first call starts the pool; workers become ready asynchronously.
    const warm = new Float32Array(m * (n + 3));
    parallelGemm(m, n, k, aView, bView, warm, 0, n + 3, false, createGemmScratch());
    let ran = false;
    for (let i = 0; i < 50 && !ran; i++) {
      await sleep(20);
      const probe = new Float32Array(64 * 128);
      ran = parallelGemm(64, 128, 1024, { data: new Float32Array(64 * 1024), offset: 0, rowStride: 1024, colStride: 1 },
        { data: new Float32Array(1024 * 128), offset: 0, rowStride: 128, colStride: 1 }, probe, 0, 128, false, createGemmScratch());
    }
    expect(ran).toBe(true);
    expect(parallelGemm(m, n, k, aView, bView, actual, 0, n + 3, true, createGemmScratch())).toBe(true);
    expect(Array.from(actual)).toEqual(Array.from(expected));
    // A worker failure would have fallen back silently and switched threading off.
    expect(getCpuThreads()).toBe(2);
  });

  it('setCpuThreads(1) keeps everything on the calling thread and validates its argument', () => {
    setCpuThreads(1);
    expect(getCpuThreads()).toBe(1);
    const c = new Float32Array(64 * 128);
    const big: MatrixView = { data: new Float32Array(64 * 1024), offset: 0, rowStride: 1024, colStride: 1 };
    expect(parallelGemm(64, 128, 1024, big, { data: new Float32Array(1024 * 128), offset: 0, rowStride: 128, colStride: 1 }, c, 0, 128, false, createGemmScratch())).toBe(false);
    expect(() => setCpuThreads(0)).toThrow(/integer >= 1/);
  });
});
