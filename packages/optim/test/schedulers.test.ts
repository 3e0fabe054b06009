import '@tensorkit/backend-cpu/register';
import { get, use, lookup } from '@tensorkit/core';
import { setBackend, variable, zeros } from '@tensorkit/tensor';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  Adam, CosineAnnealingLR, ExponentialLR, LambdaLR, LinearLR, OneCycleLR, ReduceLROnPlateau, SGD, SequentialLR, StepLR,
  schedulerPlugins, type Scheduler,
} from '../src/index';

beforeAll(async () => {
  await setBackend('cpu');
});

const sgd = (lrs: number[] = [0.1]) => new SGD(lrs.map((lr) => ({ params: [variable(zeros([1]))], lr })), { momentum: 0.9 });

/** The lr of each group used in each of `n` epochs (read before each step, as the oracle does). */
function lrs(s: Scheduler, n: number, metric?: (e: number) => number): number[][] {
  const out: number[][] = [];
  for (let e = 0; e < n; e++) {
    out.push(s.optimizer.paramGroups.map((g) => g.lr));
    s.step(metric?.(e));
  }
  return out;
}

describe('schedulers drive every group of any optimizer', () => {
  it('stepLR scales each group from its own base lr', () => {
    const s = new StepLR(sgd([0.1, 1]), { stepSize: 2, gamma: 0.5 });
    expect(lrs(s, 5)).toEqual([[0.1, 1], [0.1, 1], [0.05, 0.5], [0.05, 0.5], [0.025, 0.25]]);
    expect(s.getLastLr()).toEqual([0.025, 0.25]);
  });

  it('oneCycleLR cycles betas[0] of an Adam optimizer', () => {
    const opt = new Adam([variable(zeros([1]))]);
    const s = new OneCycleLR(opt, { maxLr: 1, totalSteps: 10, annealStrategy: 'linear', pctStart: 0.5 });
    expect(opt.paramGroups[0]!.betas).toEqual([0.95, 0.999]);
    expect(opt.paramGroups[0]!.lr).toBeCloseTo(0.04, 15);
    for (let i = 0; i < 4; i++) s.step();
    expect(opt.paramGroups[0]!.lr).toBeCloseTo(1, 12);
    expect(opt.paramGroups[0]!.betas[0]).toBeCloseTo(0.85, 12);
  });

  it('lambdaLR multiplies each group base lr by its function', () => {
    const s = new LambdaLR(sgd([0.1, 0.2]), { lrLambda: [(e) => 1 / (e + 1), (e) => 0.5 ** e] });
    expect(lrs(s, 3)).toEqual([[0.1, 0.2], [0.05, 0.1], [0.1 / 3, 0.05]]);
  });

  it('sequentialLR runs a linear warm-up then a cosine decay from its own epoch 0 (PyTorch sequence)', () => {
    const opt = sgd();
    const warmup = new LinearLR(opt, { startFactor: 0.1, totalIters: 3 });
    const decay = new CosineAnnealingLR(opt, { tMax: 4 });
    const s = new SequentialLR(opt, { schedulers: [warmup, decay], milestones: [3] });
    const got = lrs(s, 8).map(([lr]) => lr!);
    const cosine = (e: number) => (0.1 * (1 + Math.cos((Math.PI * e) / 4))) / 2;
    const want = [0.01, 0.04, 0.07, cosine(0), cosine(1), cosine(2), cosine(3), cosine(4)];
    got.forEach((v, i) => expect(v).toBeCloseTo(want[i]!, 14));
  });

  it('two schedulers on one optimizer chain (recursive forms, as in PyTorch)', () => {
    const opt = sgd();
    const a = new ExponentialLR(opt, { gamma: 0.5 });
    const b = new StepLR(opt, { stepSize: 2, gamma: 0.1 });
    const seen: number[] = [];
    for (let e = 0; e < 3; e++) {
      seen.push(opt.paramGroups[0]!.lr);
      a.step();
      b.step();
    }
    seen.forEach((v, i) => expect(v).toBeCloseTo([0.1, 0.05, 0.0025][i]!, 15));
  });

  it('reduceLROnPlateau in max mode with an absolute threshold', () => {
    const s = new ReduceLROnPlateau(sgd(), { mode: 'max', thresholdMode: 'abs', threshold: 0.1, patience: 1, factor: 0.5 });
    const metrics = [0.5, 0.55, 0.58, 0.7, 0.75, 0.79];
    expect(lrs(s, 6, (e) => metrics[e]!).map(([lr]) => lr)).toEqual([0.1, 0.1, 0.1, 0.05, 0.05, 0.05]);
    expect(s.getLastLr()).toEqual([0.025]);
  });
});

describe('stateDict round trips', () => {
  const cases: [string, (opt: SGD) => Scheduler][] = [
    ['stepLR', (o) => new StepLR(o, { stepSize: 3 })],
    ['cosineAnnealingWarmRestarts', (o) => get('scheduler', 'cosineAnnealingWarmRestarts').create(o, { t0: 3, tMult: 2 })],
    ['oneCycleLR', (o) => new OneCycleLR(o, { maxLr: 0.5, totalSteps: 40, threePhase: true })],
    ['reduceLROnPlateau', (o) => new ReduceLROnPlateau(o, { patience: 1 })],
    ['sequentialLR', (o) => new SequentialLR(o, { schedulers: [new LinearLR(o), new ExponentialLR(o, { gamma: 0.9 })], milestones: [4] })],
  ];
  for (const [name, make] of cases) {
    it(`${name}: a reloaded scheduler (and optimizer lrs) continue the same sequence`, () => {
      use(schedulerPlugins.filter((p) => !has(p.name)));
      const metric = (e: number) => 1 / (1 + (e % 4));
      const optA = sgd();
      const a = make(optA);
      lrs(a, 7, metric);
      const saved = JSON.parse(JSON.stringify({ s: a.stateDict(), lr: optA.paramGroups[0]!.lr, m: optA.paramGroups[0]!.momentum }));
      const optB = sgd();
      const b = make(optB);
      b.loadStateDict(saved.s);
      optB.paramGroups[0]!.lr = saved.lr;
      optB.paramGroups[0]!.momentum = saved.m;
      expect(lrs(b, 10, (e) => metric(e + 7))).toEqual(lrs(a, 10, (e) => metric(e + 7)));
    });
  }
});

function has(name: string): boolean {
  try {
    lookup('scheduler', name);
    return true;
  } catch {
    return false;
  }
}
