import '@tensorkit/backend-cpu/register';
import { use, get, lookup } from '@tensorkit/core';
import { dispose, memory, setBackend, tensor, tidy, variable, zeros, type Tensor, type Variable } from '@tensorkit/tensor';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  Adadelta, Adagrad, Adam, AdamW, Adamax, NAdam, RAdam, RMSprop, SGD, clipGradNorm, optimizerPlugins, type Optimizer,
} from '../src/index';
import { problem } from './helpers';

beforeAll(async () => {
  await setBackend('cpu');
});

/** What these tests use of an optimizer, whatever its hyperparameters. */
type Opt = Pick<Optimizer, 'step' | 'stateDict' | 'loadStateDict' | 'dispose'>;
type Make = (params: Variable[]) => Opt;
/** Every optimizer, with the options that switch on all of its state. */
const ALL: Record<string, Make> = {
  sgd: (p) => new SGD(p, { lr: 0.05, momentum: 0.9, nesterov: true, weightDecay: 0.01 }),
  adagrad: (p) => new Adagrad(p, { lr: 0.1, lrDecay: 0.01 }),
  rmsprop: (p) => new RMSprop(p, { momentum: 0.9, centered: true }),
  adam: (p) => new Adam(p, { lr: 0.05, amsgrad: true }),
  adamw: (p) => new AdamW(p, { lr: 0.05 }),
  adamax: (p) => new Adamax(p),
  nadam: (p) => new NAdam(p, { lr: 0.05 }),
  radam: (p) => new RAdam(p, { lr: 0.05 }),
  adadelta: (p) => new Adadelta(p),
};

/** Runs `steps` steps of `opt` on the problem, disposing every gradient. */
function run(opt: Opt, grads: () => { value: Tensor; grads: Map<Variable, Tensor> }, steps: number): void {
  for (let i = 0; i < steps; i++) {
    const { value, grads: g } = grads();
    opt.step(g);
    dispose([value, [...g.values()]]);
  }
}

describe('stateDict round trip', () => {
  for (const [name, make] of Object.entries(ALL)) {
    it(`${name}: a reloaded optimizer continues the same trajectory bit for bit`, () => {
      const a = problem(1);
      const optA = make([a.W, a.b]);
      run(optA, a.grads, 7);
      const sd = optA.stateDict();
      // A second copy of the problem at the same point, with a fresh optimizer loaded from the state dict.
      const c = problem(1);
      c.W.assign(a.W);
      c.b.assign(a.b);
      const optC = make([c.W, c.b]);
      optC.loadStateDict(sd);
      dispose(sd.state);
      run(optA, a.grads, 6);
      run(optC, c.grads, 6);
      expect(Array.from(c.W.dataSync())).toEqual(Array.from(a.W.dataSync()));
      expect(Array.from(c.b.dataSync())).toEqual(Array.from(a.b.dataSync()));
      expect(optC.stateDict().state[0]!.step).toBe(13);
      optA.dispose();
      optC.dispose();
      dispose([a.W, a.b, c.W, c.b]);
    });
  }

  it('restores the group hyperparameters too (a scheduled lr survives a reload)', () => {
    const { W, b } = problem(2);
    const opt = new Adam([W, b], { lr: 0.1 });
    opt.paramGroups[0]!.lr = 0.025;
    const other = new Adam([W, b]);
    const sd = opt.stateDict();
    other.loadStateDict(sd);
    expect(other.paramGroups[0]!.lr).toBe(0.025);
    expect(sd.paramGroups[0]!.params).toEqual([0, 1]);
    dispose([W, b]);
  });
});

describe('parameter groups', () => {
  it('each group uses its own lr, and groups inherit the other options', () => {
    const w1 = variable(tensor([1, 1]));
    const w2 = variable(tensor([1, 1]));
    const opt = new SGD([{ params: [w1] }, { params: [w2], lr: 0.5 }], { lr: 0.1 });
    expect(opt.paramGroups.map((g) => g.lr)).toEqual([0.1, 0.5]);
    expect(opt.paramGroups[1]!.momentum).toBe(0);
    const g = tensor([1, 2]);
    opt.step(new Map([[w1, g], [w2, g]]));
    expect(Array.from(w1.dataSync())).toEqual([1 - 0.1, 1 - 0.2].map(Math.fround));
    expect(Array.from(w2.dataSync())).toEqual([0.5, 0]);
    dispose([w1, w2, g]);
  });

  it('skips parameters that have no gradient in the Map (PyTorch: grad is None)', () => {
    const w1 = variable(tensor([1]));
    const w2 = variable(tensor([1]));
    const opt = new Adam([w1, w2], { lr: 0.1 });
    const g = tensor([1]);
    opt.step(new Map([[w1, g]]));
    expect(w2.dataSync()[0]).toBe(1);
    expect(w1.dataSync()[0]).toBeCloseTo(0.9, 6);
    expect(Object.keys(opt.stateDict().state)).toEqual(['0']);
    dispose([w1, w2, g]);
    opt.dispose();
  });
});

describe('minimize', () => {
  it('returns the loss before the step and lowers it', async () => {
    const { W, b, loss } = problem(3);
    const opt = new Adam([W, b], { lr: 0.05 });
    const first = opt.minimize(loss);
    const before = (await first.data())[0]!;
    const check = loss();
    expect((await check.data())[0]).toBeLessThan(before);
    for (let i = 0; i < 50; i++) opt.minimize(loss).dispose();
    const after = loss();
    expect((await after.data())[0]).toBeLessThan(before / 2);
    dispose([first, check, after, W, b]);
    opt.dispose();
  });
});

describe('clipping options', () => {
  it('globalClipNorm gives the same update as clipGradNorm followed by step', () => {
    const a = problem(4);
    const c = problem(4);
    const optA = new Adam([a.W, a.b], { lr: 0.05, globalClipNorm: 0.2 });
    const optC = new Adam([c.W, c.b], { lr: 0.05 });
    for (let i = 0; i < 5; i++) {
      tidy(() => {
        optA.step(a.grads().grads);
        const { grads } = clipGradNorm(c.grads().grads, 0.2);
        optC.step(grads);
      });
    }
    expect(Array.from(a.W.dataSync())).toEqual(Array.from(c.W.dataSync()));
    dispose([a.W, a.b, c.W, c.b]);
  });

  it('clipNorm clips each gradient separately; clipValue clamps elements', () => {
    const w1 = variable(zeros([2]));
    const w2 = variable(zeros([1]));
    const grads = new Map([[w1, tensor([3, 4])], [w2, tensor([0.5])]]);
    new SGD([w1, w2], { lr: 1, clipNorm: 1 }).step(grads);
    expect(Array.from(w1.dataSync())).toEqual([-0.6, -0.8].map((v) => expect.closeTo(v, 5)) as never);
    expect(w2.dataSync()[0]).toBeCloseTo(-0.5, 6);
    const w3 = variable(zeros([2]));
    new SGD([w3], { lr: 1, clipValue: 1 }).step(new Map([[w3, tensor([3, -0.5])]]));
    expect(Array.from(w3.dataSync())).toEqual([-1, 0.5]);
    dispose([w1, w2, w3, [...grads.values()]]);
  });
});

describe('memory', () => {
  for (const [name, make] of Object.entries(ALL)) {
    it(`${name}: 200 steps leave numTensors unchanged after the first; dispose frees the state`, () => {
      const { W, b, grads } = problem(5);
      const start = memory().numTensors;
      const opt = make([W, b]);
      run(opt, grads, 1);
      const warm = memory().numTensors;
      run(opt, grads, 200);
      expect(memory().numTensors).toBe(warm);
      opt.dispose();
      expect(memory().numTensors).toBe(start);
      dispose([W, b]);
    });
  }

  it('with clipping options too', () => {
    const { W, b, grads } = problem(6);
    for (const clip of [{ clipNorm: 1 }, { globalClipNorm: 1 }, { clipValue: 0.1 }]) {
      const opt = new Adam([W, b], clip);
      run(opt, grads, 1);
      const warm = memory().numTensors;
      run(opt, grads, 200);
      expect(memory().numTensors).toBe(warm);
      opt.dispose();
    }
    dispose([W, b]);
  });
});

describe('registry', () => {
  it('every optimizer is a plugin created by name, with its PyTorch defaults', () => {
    use(optimizerPlugins.filter((p) => !safeHas(p.name)));
    const w = variable(zeros([2]));
    const opt = get('optimizer', 'adam').create([w], { lr: 1e-3 });
    expect(opt).toBeInstanceOf(Adam);
    expect(opt.paramGroups[0]).toMatchObject({ lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, amsgrad: false });
    expect(get('optimizer', 'adamw').create([w]).paramGroups[0]!.weightDecay).toBe(1e-2);
    expect(get('optimizer', 'adagrad').create([w]).paramGroups[0]).toMatchObject({ lr: 0.01, eps: 1e-10 });
    expect(get('optimizer', 'rmsprop').create([w]).paramGroups[0]).toMatchObject({ alpha: 0.99, eps: 1e-8 });
    expect(lookup('optimizer', 'sgd').name).toBe('sgd');
    expect(optimizerPlugins.map((p) => p.name).sort()).toEqual(Object.keys(ALL).sort());
    expect(optimizerPlugins.every((p) => p.kind === 'optimizer' && p.package === '@tensorkit/optim')).toBe(true);
    w.dispose();
  });
});

function safeHas(name: string): boolean {
  try {
    lookup('optimizer', name);
    return true;
  } catch {
    return false;
  }
}
