import { noGrad } from '@tensorkit/autograd';
import { isTensorkitError, use } from '@tensorkit/core';
import { add, dispose, matMul, memory, randInt, randn, setBackend, tensor, tidy } from '@tensorkit/tensor';
import { createWebGLBackend, webglBackend, webglKernels, type WebGLBackend } from '@tensorkit/backend-webgl';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeMlp } from './mlp';

interface GpuMemory {
  numDataIds: number;
  numTextures: number;
  numBytesInGPU: number;
  numBytesInGPUAllocated: number;
}
const gpu = (): GpuMemory => memory().backend as unknown as GpuMemory;

beforeAll(async () => {
  use(webglBackend, webglKernels);
  await setBackend('webgl');
});

describe('webgl memory', () => {
  it('trains an MLP for 50 steps without texture or tensor growth', async () => {
    const mlp = makeMlp([16, 32, 4], 7);
    const x = randn([64, 16], { seed: 1 });
    const labels = randInt([64, 1], 0, 4, { seed: 2 });
    const losses: number[] = [];
    const stepOnce = async (): Promise<void> => {
      const loss = mlp.step(x, labels, 0.1);
      losses.push((await loss.data())[0]!);
      loss.dispose();
    };
    for (let s = 0; s < 5; s++) await stepOnce(); // warm-up: programs compiled, texture pool filled
    const before = { tensors: memory().numTensors, ...gpu() };
    for (let s = 5; s < 50; s++) await stepOnce();
    const after = { tensors: memory().numTensors, ...gpu() };
    expect(after.tensors).toBe(before.tensors);
    expect(after.numDataIds).toBe(before.numDataIds);
    expect(after.numTextures).toBe(before.numTextures);
    expect(after.numBytesInGPU).toBe(before.numBytesInGPU);
    expect(after.numBytesInGPUAllocated).toBeLessThanOrEqual(before.numBytesInGPUAllocated);
    expect(losses[49]!).toBeLessThan(losses[0]! * 0.9);
    dispose([x, labels, ...mlp.params]);
  });

  it('dispose frees the texture of a tensor', async () => {
    const start = gpu();
    const a = tensor(new Float32Array(1000).fill(1), [10, 100]);
    const b = add(a, a); // uploads a, renders b
    await b.data();
    const used = gpu();
    expect(used.numTextures).toBe(start.numTextures + 2);
    expect(used.numBytesInGPU).toBe(start.numBytesInGPU + 2 * 4000);
    dispose([a, b]);
    expect(gpu().numTextures).toBe(start.numTextures);
    expect(gpu().numBytesInGPU).toBe(start.numBytesInGPU);
    expect(gpu().numDataIds).toBe(start.numDataIds);
  });

  it('frees the texture of a tensor the program forgot (FinalizationRegistry safety net)', async () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    expect(gc, 'Chromium must run with --js-flags=--expose-gc').toBeTypeOf('function');
    const start = gpu().numDataIds;
    await (async () => {
      const forgotten = tidy(() => add(randn([32, 32], { seed: 3 }), 1));
      await forgotten.data();
    })();
    expect(gpu().numDataIds).toBe(start + 1);
    for (let i = 0; i < 50 && gpu().numDataIds !== start; i++) {
      gc!();
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(gpu().numDataIds).toBe(start);
  });
});

describe('webgl backend behaviour', () => {
  let fresh: WebGLBackend;
  beforeAll(async () => {
    fresh = await createWebGLBackend();
  });
  afterAll(() => fresh.destroy());

  it('keeps results on the GPU until read, and reads them asynchronously', async () => {
    const a = tensor([1, 2, 3, 4], [2, 2]);
    const c = noGrad(() => matMul(a, a));
    const data = (memory().backend as unknown as { numBytesInGPU: number }).numBytesInGPU;
    expect(data).toBeGreaterThan(0);
    expect(Array.from(await c.data())).toEqual([7, 10, 15, 22]);
    dispose([a, c]);
  });

  it('readSync works and warns once that it stalls', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const id = fresh.write(new Float32Array([1, 2, 3]), [3], 'float32');
      expect(Array.from(fresh.readSync(id) as Float32Array)).toEqual([1, 2, 3]);
      expect(Array.from(fresh.readSync(id) as Float32Array)).toEqual([1, 2, 3]);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]![0])).toMatch(/blocks the page.*await tensor\.data\(\)/);
      fresh.dispose(id);
    } finally {
      warn.mockRestore();
    }
  });

  it('refuses to run after the context is lost, suggesting the CPU backend', async () => {
    const doomed = await createWebGLBackend();
    const id = doomed.write(new Float32Array([1, 2]), [2], 'float32');
    const x = { dataId: id, shape: [2], dtype: 'float32' as const };
    doomed.gl.getExtension('WEBGL_lose_context')!.loseContext();
    const check = (e: unknown): void => {
      expect(isTensorkitError(e, 'CONTEXT_LOST')).toBe(true);
      expect((e as Error).message).toMatch(/context was lost.*setBackend\('cpu'\)/);
    };
    await doomed.read(id).then(() => expect.fail('read resolved on a lost context'), check);
    expect(() => doomed.readSync(id)).toThrow(/context was lost/);
    const addKernel = webglKernels.find((k) => k.kernelName === 'Add')!;
    try {
      addKernel.kernelFunc({ inputs: [x, x], attrs: {} as never, backend: doomed });
      expect.fail('a kernel ran on a lost context');
    } catch (e) {
      check(e);
    }
    expect(doomed.isContextLost).toBe(true);
  });

  it('fails to start with BACKEND_INIT_FAILED when WebGL2 is unavailable', async () => {
    const canvas = { getContext: () => null, addEventListener: () => undefined } as unknown as OffscreenCanvas;
    const err = await createWebGLBackend({ canvas }).catch((e: unknown) => e);
    expect(isTensorkitError(err, 'BACKEND_INIT_FAILED')).toBe(true);
    expect((err as Error).message).toMatch(/WebGL2 is not available.*setBackend\('cpu'\)/);
  });

  it('refuses float16 render targets unless allowFloat16 is set', async () => {
    const real = new OffscreenCanvas(1, 1);
    const gl = real.getContext('webgl2')!;
    const noFloat = new Proxy(gl, {
      get(target, prop) {
        if (prop === 'getExtension') return (name: string) => (name === 'EXT_color_buffer_float' ? null : target.getExtension(name));
        const v = Reflect.get(target, prop, target) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      },
    });
    const canvas = { getContext: () => noFloat, addEventListener: () => undefined } as unknown as OffscreenCanvas;
    const err = await createWebGLBackend({ canvas }).catch((e: unknown) => e);
    expect(isTensorkitError(err, 'BACKEND_INIT_FAILED')).toBe(true);
    expect((err as Error).message).toMatch(/float32 textures.*allowFloat16: true/);
    gl.getExtension('WEBGL_lose_context')?.loseContext();
  });
});
