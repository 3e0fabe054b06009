import { cpuBackend } from '@tensorkit/backend-cpu';
import '@tensorkit/backend-cpu/register';
import { getKernel, globalState, list, lookup, register, unregister, type BackendPlugin } from '@tensorkit/core';
import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  add, dispose, exp, getBackend, isTensor, keep, memory, mul, neg, ready, scalar, setBackend, sub, tensor, tidy, zeros,
  type Tensor,
} from '../src/index';

async function rejection(p: Promise<unknown>): Promise<Error & { code?: string }> {
  try {
    await p;
  } catch (e) {
    return e as Error & { code?: string };
  }
  throw new Error('expected a rejection');
}

function caught(fn: () => unknown): Error & { code?: string } {
  try {
    fn();
  } catch (e) {
    return e as Error & { code?: string };
  }
  throw new Error('expected a throw');
}

describe('backend selection', () => {
  it('starts the highest-priority registered backend on first use', async () => {
    await ready();
    expect(getBackend()).toBe('cpu');
    await setBackend('cpu');
    expect(getBackend()).toBe('cpu');
  });

  it('an unknown backend names what is registered and where backends come from', async () => {
    const e = await rejection(setBackend('webgpu'));
    expect(e.code).toBe('NOT_REGISTERED');
    expect(e.message).toContain("no backend 'webgpu'");
    expect(e.message).toContain('registered: cpu');
  });

  it('a backend whose create() throws gives BACKEND_INIT_FAILED suggesting the CPU backend', async () => {
    const broken: BackendPlugin = {
      kind: 'backend', name: 'broken', priority: 0, package: 'test',
      create: () => Promise.reject(new Error('no WebGL2 context')),
    };
    register(broken);
    try {
      const e = await rejection(setBackend('broken'));
      expect(e.code).toBe('BACKEND_INIT_FAILED');
      expect(e.message).toContain('no WebGL2 context');
      expect(e.message).toContain("setBackend('cpu')");
      expect(getBackend()).toBe('cpu');
      const selfHinting: BackendPlugin = {
        kind: 'backend', name: 'hinting', priority: 0, package: 'test',
        create: () => Promise.reject(new Error("no GPU; import the CPU backend and await setBackend('cpu')")),
      };
      register(selfHinting);
      const again = await rejection(setBackend('hinting'));
      expect(again.message.split("setBackend('cpu')")).toHaveLength(2); // the fallback is said once
      unregister('backend', 'hinting');
    } finally {
      unregister('backend', 'broken');
    }
  });

  it('a missing kernel names the kernel and backend', () => {
    const negKernel = getKernel('cpu', 'Neg')!;
    unregister('kernel', 'cpu/Neg');
    try {
      const e = caught(() => neg(tensor([1])));
      expect(e.code).toBe('MISSING_KERNEL');
      expect(e.message).toContain("no kernel 'Neg' is registered for backend 'cpu'");
    } finally {
      register(negKernel);
    }
    expect(neg(tensor([1])).dataSync()).toEqual(new Float32Array([-1]));
  });

  it('with no backend registered, the first op says what to import', () => {
    const state = globalState().slots['engine'] as { active: unknown; activeName: unknown; instances: Map<string, unknown> };
    const saved = { active: state.active, activeName: state.activeName, instance: state.instances.get('cpu') };
    const plugin = lookup('backend', 'cpu');
    unregister('backend', 'cpu');
    state.active = null;
    state.activeName = null;
    state.instances.delete('cpu');
    try {
      expect(list('backend')).toEqual([]);
      const e = caught(() => zeros([2]));
      expect(e.code).toBe('NO_BACKEND');
      expect(e.message).toContain("import '@tensorkit/backend-cpu/register'");
    } finally {
      register(plugin);
      Object.assign(state, { active: saved.active, activeName: saved.activeName });
      state.instances.set('cpu', saved.instance);
    }
    expect(plugin).toBe(cpuBackend);
  });
});

describe('memory', () => {
  it('tidy frees intermediates and keeps the result', () => {
    const x = tensor([1, 2, 3]);
    const before = memory().numTensors;
    const y = tidy(() => exp(mul(add(x, 1), 2)));
    expect(memory().numTensors).toBe(before + 1);
    expect(isTensor(y) && !y.isDisposed).toBe(true);
    y.dispose();
    expect(memory().numTensors).toBe(before);
  });

  it('tidy returns arrays and objects of tensors and frees the rest', () => {
    const before = memory().numTensors;
    const out = tidy(() => {
      const a = tensor([1]);
      const b = add(a, 1);
      return { list: [b], c: mul(b, 3) };
    });
    expect(memory().numTensors).toBe(before + 2);
    dispose(out);
    expect(memory().numTensors).toBe(before);
  });

  it('nested tidy hands the inner result to the outer scope', () => {
    const before = memory().numTensors;
    tidy(() => {
      const inner = tidy(() => add(tensor([1]), 1));
      expect(inner.isDisposed).toBe(false);
      return undefined;
    });
    expect(memory().numTensors).toBe(before);
  });

  it('keep protects a tensor from every enclosing tidy', () => {
    let kept: Tensor | undefined;
    tidy(() => {
      kept = keep(add(tensor([1]), 1));
    });
    expect(kept!.isDisposed).toBe(false);
    expect(kept!.dataSync()).toEqual(new Float32Array([2]));
    kept!.dispose();
  });

  it('a throwing tidy still frees what it made', () => {
    const before = memory().numTensors;
    expect(() =>
      tidy(() => {
        add(tensor([1]), 2);
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(memory().numTensors).toBe(before);
  });

  it('tidy refuses async functions and non-functions', () => {
    const before = memory().numTensors;
    const e = caught(() => tidy(async () => add(tensor([1]), 1)));
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.message).toContain('Promise');
    expect(memory().numTensors).toBe(before);
    expect(caught(() => tidy(42 as never)).code).toBe('INVALID_ARGUMENT');
  });

  it('numbers in ops leak nothing, even outside tidy', () => {
    const x = tensor([1, 2]);
    const before = memory().numTensors;
    const y = sub(2, mul(x, 3));
    expect(memory().numTensors).toBe(before + 2); // the product and the difference
    expect(y.dataSync()).toEqual(new Float32Array([-1, -4]));
  });

  it('counts bytes and buffers, and dispose is idempotent', () => {
    const before = memory();
    const t = zeros([10, 10]);
    expect(memory().numBytes - before.numBytes).toBe(400);
    expect(memory().numDataBuffers - before.numDataBuffers).toBe(1);
    t.dispose();
    t.dispose();
    expect(memory()).toMatchObject({ numBytes: before.numBytes, numTensors: before.numTensors });
  });

  it('a disposed tensor cannot be used or read, with a clear error', async () => {
    const t = tensor([1, 2]);
    t.dispose();
    const e = caught(() => add(t, 1));
    expect(e.code).toBe('DISPOSED');
    expect(e.message).toMatch(/Add: tensor #\d+ \[2\] float32 was disposed/);
    expect(caught(() => t.dataSync()).code).toBe('DISPOSED');
    expect((await rejection(t.data())).code).toBe('DISPOSED');
  });

  it('the FinalizationRegistry frees tensors that were dropped without dispose', async () => {
    v8.setFlagsFromString('--expose_gc');
    const gc = vm.runInNewContext('gc') as () => void;
    const held = tensor([1, 2, 3]);
    const before = memory().numTensors;
    (() => {
      for (let i = 0; i < 50; i++) zeros([1000]);
    })();
    expect(memory().numTensors).toBe(before + 50);
    for (let i = 0; i < 50 && memory().numTensors > before; i++) {
      gc();
      await new Promise((r) => setTimeout(r, 10));
    }
    // Earlier tests' dropped tensors may be collected too, hence <=; a held tensor survives.
    expect(memory().numTensors).toBeLessThanOrEqual(before);
    expect(memory().numTensors).toBeGreaterThanOrEqual(1);
    expect(held.dataSync()).toEqual(new Float32Array([1, 2, 3]));
  });
});

describe('reading data', () => {
  it('data, dataSync, array, item and toString', async () => {
    const t = tensor([[1, 2.5], [3, 4]]);
    expect(await t.data()).toEqual(new Float32Array([1, 2.5, 3, 4]));
    expect(t.dataSync()).toEqual(new Float32Array([1, 2.5, 3, 4]));
    expect(await t.array()).toEqual([[1, 2.5], [3, 4]]);
    expect(t.arraySync()).toEqual([[1, 2.5], [3, 4]]);
    expect(await scalar(7).item()).toBe(7);
    expect(t.toString()).toBe('Tensor([[  1, 2.5],\n        [  3,   4]], shape=[2,2], dtype=float32)');
    expect(tensor([true, false]).toString()).toBe('Tensor([ true, false], shape=[2], dtype=bool)');
    expect(scalar(3, 'int32').toString()).toBe('Tensor(3, shape=[], dtype=int32)');
  });

  it('reads are copies: mutating them does not change the tensor', () => {
    const t = tensor([1, 2]);
    const d = t.dataSync();
    d[0] = 100;
    expect(t.dataSync()[0]).toBe(1);
  });

  it('summarises large tensors with ...', () => {
    const s = zeros([20, 100]).toString();
    expect(s).toContain('...');
    expect(s.length).toBeLessThan(400);
  });

  it('item() of a multi-element tensor is a shape error', async () => {
    expect((await rejection(tensor([1, 2]).item())).code).toBe('SHAPE_MISMATCH');
  });
});

describe('tensor creation', () => {
  it('infers shape and dtype, and refuses ragged or junk input', () => {
    expect(tensor([[1, 2, 3]]).shape).toEqual([1, 3]);
    expect(tensor([true]).dtype).toBe('bool');
    expect(tensor(new Int32Array([1, 2])).dtype).toBe('int32');
    expect(tensor([1.7, -1.7], undefined, 'int32').dataSync()).toEqual(new Int32Array([1, -1]));
    expect(tensor([1, 2, 3, 4, 5, 6], [2, -1]).shape).toEqual([2, 3]);
    expect(caught(() => tensor([[1, 2], [3]])).code).toBe('INVALID_SHAPE');
    expect(caught(() => tensor([1, 2, 3], [2, 2])).code).toBe('SHAPE_MISMATCH');
    expect(caught(() => tensor([1], undefined, 'float64' as never)).code).toBe('DTYPE_MISMATCH');
    expect(caught(() => tensor(['a'] as never)).code).toBe('INVALID_ARGUMENT');
    expect(caught(() => add(tensor([1]), { x: 1 } as never)).code).toBe('INVALID_ARGUMENT');
  });
});
