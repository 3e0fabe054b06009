import '@tensorkit/backend-cpu/register';
import { getKernel, register, unregister } from '@tensorkit/core';
import { memory, randn, tidy, variable, type Variable } from '@tensorkit/tensor';
import { describe, expect, it } from 'vitest';
import { Adam, AdamW } from '../src/index';

type Make = (params: Variable[]) => Adam | AdamW;

/** Runs 10 steps on fixed pseudo-gradients and returns the final parameters. */
function run(make: Make): Float32Array[] {
  const params = [variable(randn([7, 5], { seed: 1 })), variable(randn([5], { seed: 2 }))];
  const opt = make(params);
  for (let t = 0; t < 10; t++) {
    const grads = tidy(() => new Map(params.map((p, i) => [p, randn(p.shape, { seed: 100 + 10 * t + i })] as const)));
    opt.step(grads);
    for (const g of grads.values()) g.dispose();
  }
  const out = params.map((p) => p.dataSync() as Float32Array);
  opt.dispose();
  for (const p of params) p.dispose();
  return out;
}

function withoutFusedKernel<T>(fn: () => T): T {
  const kernel = getKernel('cpu', 'AdamUpdate')!;
  unregister('kernel', 'cpu/AdamUpdate');
  try {
    return fn();
  } finally {
    register(kernel);
  }
}

describe('fused AdamUpdate kernel', () => {
  it('is registered by the CPU backend', () => {
    expect(getKernel('cpu', 'AdamUpdate')).toBeDefined();
  });

  it.each<[string, Make]>([
    ['adam', (p) => new Adam(p, { lr: 0.01 })],
    ['adam with L2 weight decay', (p) => new Adam(p, { lr: 0.01, weightDecay: 0.1 })],
    ['adamw', (p) => new AdamW(p, { lr: 0.01, weightDecay: 0.1 })],
    ['amsgrad', (p) => new Adam(p, { lr: 0.01, amsgrad: true })],
  ])('%s: the fused step matches the composed one over 10 steps', (_name, make) => {
    const fused = run(make);
    const composed = withoutFusedKernel(() => run(make));
    fused.forEach((f, i) => {
      const c = composed[i]!;
      for (let k = 0; k < f.length; k++) expect(Math.abs(f[k]! - c[k]!)).toBeLessThan(1e-6 + 1e-5 * Math.abs(c[k]!));
    });
  });

  it('allocates nothing that outlives a step', () => {
    const p = variable(randn([16, 8], { seed: 3 }));
    const opt = new Adam([p], { lr: 1e-3, amsgrad: true });
    const step = (): void => {
      const g = randn([16, 8], { seed: 4 });
      opt.step(new Map([[p, g]]));
      g.dispose();
    };
    step();
    const before = memory().numTensors;
    for (let i = 0; i < 20; i++) step();
    expect(memory().numTensors).toBe(before);
    opt.dispose();
    p.dispose();
  });
});
