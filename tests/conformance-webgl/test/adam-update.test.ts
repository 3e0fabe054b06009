import { getKernel, isTensorkitError, register, unregister, use } from '@tensorkit/core';
import { Adam, AdamW } from '@tensorkit/optim';
import { memory, randn, runKernelMulti, setBackend, tensor, tidy, variable, type Variable } from '@tensorkit/tensor';
import { webglBackend, webglKernels } from '@tensorkit/backend-webgl';
import { beforeAll, describe, expect, it } from 'vitest';

/*
 * The fused AdamUpdate kernel against the composed path (the same optimizer with the kernel
 * unregistered) over several steps, for every variant of the math, on packed (rank 1-4) and flat
 * (rank 0 and 5) parameters.
 */
beforeAll(async () => {
  use(webglBackend, webglKernels);
  await setBackend('webgl');
});

type Make = (params: Variable[]) => Adam | AdamW;
const SHAPES = [[7, 5], [5], [3, 1, 4], [2, 3, 2, 3], [], [2, 1, 3, 1, 2]];

async function run(make: Make): Promise<Float32Array[]> {
  const params = SHAPES.map((s, i) => tidy(() => variable(randn(s, { seed: 1 + i }))));
  const opt = make(params);
  for (let t = 0; t < 8; t++) {
    const grads = tidy(() => new Map(params.map((p, i) => [p, randn(p.shape, { seed: 100 + 10 * t + i })] as const)));
    opt.step(grads);
    for (const g of grads.values()) g.dispose();
  }
  const out = await Promise.all(params.map((p) => p.data() as Promise<Float32Array>));
  opt.dispose();
  for (const p of params) p.dispose();
  return out;
}

async function withoutFusedKernel<T>(fn: () => Promise<T>): Promise<T> {
  const kernel = getKernel('webgl', 'AdamUpdate')!;
  unregister('kernel', 'webgl/AdamUpdate');
  try {
    return await fn();
  } finally {
    register(kernel);
  }
}

describe('webgl AdamUpdate', () => {
  it('is registered by the WebGL backend', () => {
    expect(getKernel('webgl', 'AdamUpdate')).toBeDefined();
  });

  it.each<[string, Make]>([
    ['adam', (p) => new Adam(p, { lr: 0.01 })],
    ['adam with L2 weight decay', (p) => new Adam(p, { lr: 0.01, weightDecay: 0.1 })],
    ['adamw', (p) => new AdamW(p, { lr: 0.01, weightDecay: 0.1 })],
    ['amsgrad', (p) => new Adam(p, { lr: 0.01, amsgrad: true })],
  ])('%s: the fused step matches the composed one over 8 steps', async (_name, make) => {
    const fused = await run(make);
    const composed = await withoutFusedKernel(() => run(make));
    fused.forEach((f, i) => {
      const c = composed[i]!;
      expect(f.length).toBe(c.length);
      for (let k = 0; k < f.length; k++) expect(Math.abs(f[k]! - c[k]!)).toBeLessThan(1e-6 + 1e-5 * Math.abs(c[k]!));
    });
  });

  it('propagates NaN through the amsgrad maximum', async () => {
    const p = tidy(() => variable(tensor([1, 2, 3, 4], [2, 2])));
    const opt = new Adam([p], { lr: 0.1, amsgrad: true });
    const g = tensor([NaN, 1, 1, 1], [2, 2]);
    opt.step(new Map([[p, g]]));
    const values = Array.from(await p.data());
    expect(Number.isNaN(values[0])).toBe(true);
    expect(values.slice(1).every(Number.isFinite)).toBe(true);
    g.dispose();
    opt.dispose();
    p.dispose();
  });

  it('allocates nothing that outlives a step', async () => {
    const p = tidy(() => variable(randn([16, 8], { seed: 3 })));
    const opt = new Adam([p], { lr: 1e-3, amsgrad: true });
    const step = async (): Promise<void> => {
      const g = randn([16, 8], { seed: 4 });
      opt.step(new Map([[p, g]]));
      g.dispose();
      await p.data();
    };
    await step();
    const textures = (): number => (memory().backend as unknown as { numTextures: number }).numTextures;
    const before = { tensors: memory().numTensors, textures: textures() };
    for (let i = 0; i < 10; i++) await step();
    expect(memory().numTensors).toBe(before.tensors);
    expect(textures()).toBe(before.textures);
    opt.dispose();
    p.dispose();
  });

  it('rejects inputs of different shapes', () => {
    const a = randn([2, 2], { seed: 1 });
    const b = randn([3], { seed: 2 });
    const attrs = { beta1: 0.9, beta2: 0.999, stepSize: 1e-3, epsHat: 1e-8, weightDecay: 0, paramScale: 1, amsgrad: false };
    try {
      runKernelMulti('AdamUpdate', [a, b, a, a], attrs);
      expect.fail('no error thrown');
    } catch (e) {
      expect(isTensorkitError(e, 'SHAPE_MISMATCH')).toBe(true);
      expect((e as Error).message).toMatch(/AdamUpdate \(webgl\): expected 4 float32 tensors of one shape.*\[2,2\] float32, \[3\] float32/);
    } finally {
      a.dispose();
      b.dispose();
    }
  });
});
