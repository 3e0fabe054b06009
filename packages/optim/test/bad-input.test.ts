import '@tensorkit/backend-cpu/register';
import { dispose, setBackend, tensor, variable, zeros } from '@tensorkit/tensor';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  Adam, CosineAnnealingLR, ExponentialLR, LambdaLR, LinearLR, OneCycleLR, Adagrad, ReduceLROnPlateau, SGD, SequentialLR, StepLR,
  MultiStepLR, clipGradNorm, clipGradValue,
} from '../src/index';
import { errorOf, problem } from './helpers';

beforeAll(async () => {
  await setBackend('cpu');
});

const w = () => variable(zeros([2]), { name: 'w' });

describe('optimizer options', () => {
  it.each([
    ['negative lr', () => new SGD([w()], { lr: -0.1 }), ["sgd: option 'lr'", '>= 0', '-0.1']],
    ['NaN lr', () => new Adam([w()], { lr: NaN }), ["adam: option 'lr'", 'NaN']],
    ['NaN lr in a group', () => new Adam([{ params: [w()], lr: NaN }]), ['param group 0', "'lr'", 'NaN']],
    ['beta2 = 1', () => new Adam([w()], { betas: [0.9, 1] }), ["adam: option 'betas'", '[0.9, 1]', '[0, 1)']],
    ['negative beta', () => new Adam([w()], { betas: [-0.1, 0.9] }), ["'betas'", '[-0.1, 0.9]']],
    ['unknown option', () => new Adam([w()], { learningRate: 1 } as never), ["unknown option 'learningRate'"]],
    ['two clip options', () => new Adam([w()], { clipNorm: 1, clipValue: 1 }), ["'clipNorm' and 'clipValue'", 'only one']],
    ['nesterov without momentum', () => new SGD([w()], { nesterov: true }), ["'nesterov'", 'momentum > 0']],
    ['no parameters', () => new SGD([]), ['non-empty list']],
    ['a tensor, not a Variable', () => new SGD([{ params: [tensor([1]) as never] }]), ['not a Variable', 'variable()']],
  ])('%s', (_, fn, fragments) => {
    const e = errorOf(fn);
    expect(e.code).toBe('INVALID_ARGUMENT');
    for (const f of fragments) expect(e.message).toContain(f);
  });

  it('refuses a parameter listed in two groups', () => {
    const p = w();
    const e = errorOf(() => new SGD([{ params: [p] }, { params: [p], lr: 0.1 }]));
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.message).toContain("parameter 'w' [2] appears in param group 0 and param group 1");
    p.dispose();
  });
});

describe('step', () => {
  it('refuses a gradient whose shape does not match its parameter', () => {
    const p = w();
    const g = zeros([3]);
    const e = errorOf(() => new Adam([p]).step(new Map([[p, g]])));
    expect(e.code).toBe('SHAPE_MISMATCH');
    expect(e.message).toContain("adam.step: the gradient of parameter 'w' [2] has shape [3]");
    dispose([p, g]);
  });

  it('refuses something that is not a Map, and use after dispose', () => {
    const opt = new Adam([w()]);
    expect(errorOf(() => opt.step([] as never)).message).toContain('Map of gradients');
    opt.dispose();
    expect(errorOf(() => opt.step(new Map())).message).toContain('disposed');
  });
});

describe('loadStateDict leaves the optimizer unchanged on a bad state dict', () => {
  function trained(): { opt: Adam; W: ReturnType<typeof problem>['W']; b: ReturnType<typeof problem>['b'] } {
    const { W, b, grads } = problem(7);
    const opt = new Adam([W, b], { lr: 0.05 });
    for (let i = 0; i < 3; i++) {
      const r = grads();
      opt.step(r.grads);
      dispose([r.value, [...r.grads.values()]]);
    }
    return { opt, W, b };
  }

  it.each([
    ['from another optimizer type', (sd: Record<string, unknown>) => ({ ...sd, optimizer: 'sgd' }), ["state dict is of optimizer 'sgd', not 'adam'"]],
    ['with a missing state tensor', (sd: Record<string, unknown>) => {
      const state = sd.state as Record<number, { tensors: Record<string, unknown> }>;
      return { ...sd, state: { ...state, 1: { ...state[1]!, tensors: { expAvg: state[1]!.tensors.expAvg } } } };
    }, ["state entry 1 is missing tensor 'expAvgSq'"]],
    ['with a missing hyperparameter', (sd: Record<string, unknown>) => {
      const groups = sd.paramGroups as Record<string, unknown>[];
      const { betas: _b, ...rest } = groups[0]!;
      return { ...sd, paramGroups: [rest] };
    }, ["param group 0 is missing key 'betas'"]],
    ['without paramGroups', (sd: Record<string, unknown>) => ({ optimizer: 'adam', state: sd.state }), ["missing key 'paramGroups'"]],
    ['with a NaN lr', (sd: Record<string, unknown>) => ({ ...sd, paramGroups: [{ ...(sd.paramGroups as object[])[0], lr: NaN }] }), ["'lr'", 'NaN']],
  ])('%s', (_, corrupt, fragments) => {
    const { opt, W, b } = trained();
    const before = opt.stateDict();
    const e = errorOf(() => opt.loadStateDict(corrupt(before as unknown as Record<string, unknown>) as never));
    expect(e.code).toBe('INVALID_ARGUMENT');
    for (const f of fragments) expect(e.message).toContain(f);
    const after = opt.stateDict();
    expect(after.paramGroups).toEqual(before.paramGroups);
    expect(after.state[0]!.step).toBe(3);
    expect(Array.from(after.state[1]!.tensors.expAvgSq!.dataSync())).toEqual(Array.from(before.state[1]!.tensors.expAvgSq!.dataSync()));
    dispose([before.state, after.state, W, b]);
    opt.dispose();
  });

  it('refuses state tensors of the wrong shape', () => {
    const { opt, W, b } = trained();
    const sd = opt.stateDict();
    const bad = zeros([5]);
    const e = errorOf(() => opt.loadStateDict({ ...sd, state: { ...sd.state, 0: { ...sd.state[0]!, tensors: { ...sd.state[0]!.tensors, expAvg: bad } } } }));
    expect(e.message).toContain("state tensor 'expAvg' of entry 0 is [5] but parameter 'W' [4,3]");
    dispose([sd.state, bad, W, b]);
    opt.dispose();
  });
});

describe('clipping functions', () => {
  it('clipGradNorm refuses a bad maxNorm, normType or grads', () => {
    const g = new Map([['a', zeros([2])]]);
    expect(errorOf(() => clipGradNorm(g, NaN)).message).toContain("clipGradNorm: option 'maxNorm' must be a finite number > 0, got NaN");
    expect(errorOf(() => clipGradNorm(g, 1, 1)).message).toContain("'normType' must be 2 or Infinity, got 1");
    expect(errorOf(() => clipGradNorm([] as never, 1)).message).toContain('grads must be a Map of tensors');
    expect(errorOf(() => clipGradValue(g, -1)).message).toContain("clipGradValue: option 'clipValue' must be a finite number > 0, got -1");
    dispose([...g.values()]);
  });

  it('clipGradNorm of an empty Map is a zero norm', () => {
    const { grads, totalNorm } = clipGradNorm(new Map(), 1);
    expect(grads.size).toBe(0);
    expect(totalNorm.dataSync()[0]).toBe(0);
    totalNorm.dispose();
  });
});

describe('scheduler options', () => {
  const opt = () => new SGD([w()], { lr: 0.1, momentum: 0.9 });
  it.each([
    ['NaN gamma', () => new StepLR(opt(), { stepSize: 3, gamma: NaN }), ["stepLR: option 'gamma'", 'NaN']],
    ['missing stepSize', () => new StepLR(opt(), {} as never), ["stepLR: option 'stepSize' is required"]],
    ['fractional stepSize', () => new StepLR(opt(), { stepSize: 1.5 }), ["'stepSize' must be an integer >= 1, got 1.5"]],
    ['unsorted milestones', () => new MultiStepLR(opt(), { milestones: [5, 2] }), ["'milestones'", '[5, 2]']],
    ['missing gamma', () => new ExponentialLR(opt(), {} as never), ["exponentialLR: option 'gamma' is required"]],
    ['NaN etaMin', () => new CosineAnnealingLR(opt(), { tMax: 10, etaMin: NaN }), ["'etaMin'", 'NaN']],
    ['startFactor 0', () => new LinearLR(opt(), { startFactor: 0 }), ["linearLR: option 'startFactor' must be a number in (0, 1], got 0"]],
    ['bad anneal strategy', () => new OneCycleLR(opt(), { maxLr: 0.1, totalSteps: 10, annealStrategy: 'cosine' as never }), ["'annealStrategy'", "'cos', 'linear'"]],
    ['oneCycle without momentum', () => new OneCycleLR(new Adagrad([w()]), { maxLr: 0.1, totalSteps: 10 }), ["'cycleMomentum'", "'adagrad'"]],
    ['plateau factor 1', () => new ReduceLROnPlateau(opt(), { factor: 1 }), ["reduceLROnPlateau: option 'factor' must be a number in [0, 1), got 1"]],
    ['plateau NaN threshold', () => new ReduceLROnPlateau(opt(), { threshold: NaN }), ["'threshold'", 'NaN']],
    ['plateau bad mode', () => new ReduceLROnPlateau(opt(), { mode: 'lowest' as never }), ["'mode'", "'min', 'max'"]],
    ['lambda not a function', () => new LambdaLR(opt(), { lrLambda: 3 as never }), ["'lrLambda' must be a function"]],
    ['not an optimizer', () => new StepLR({} as never, { stepSize: 1 }), ['expected an optimizer']],
  ])('%s', (_, fn, fragments) => {
    const e = errorOf(fn);
    expect(e.code).toBe('INVALID_ARGUMENT');
    for (const f of fragments) expect(e.message).toContain(f);
  });

  it('sequentialLR checks its milestones and schedulers', () => {
    const o = opt();
    const a = new LinearLR(o);
    const b = new ExponentialLR(o, { gamma: 0.9 });
    expect(errorOf(() => new SequentialLR(o, { schedulers: [a, b], milestones: [] })).message).toContain("'milestones' must be 1 increasing");
    expect(errorOf(() => new SequentialLR(opt(), { schedulers: [a, b], milestones: [3] })).message).toContain('drives another optimizer');
  });

  it('step errors: oneCycleLR past totalSteps, reduceLROnPlateau without a metric', () => {
    const s = new OneCycleLR(opt(), { maxLr: 0.1, totalSteps: 2 });
    s.step();
    s.step();
    expect(errorOf(() => s.step()).message).toContain('stepped 3 times but totalSteps is 2');
    expect(errorOf(() => new ReduceLROnPlateau(opt()).step()).message).toContain('expected the monitored metric as a number');
  });

  it('loadStateDict of another scheduler or with missing keys throws and changes nothing', () => {
    const s = new StepLR(opt(), { stepSize: 2 });
    s.step();
    const other = new ExponentialLR(opt(), { gamma: 0.5 }).stateDict();
    expect(errorOf(() => s.loadStateDict(other)).message).toContain("state dict is of scheduler 'exponentialLR', not 'stepLR'");
    const { lastLr: _l, ...missing } = s.stateDict();
    expect(errorOf(() => s.loadStateDict(missing as never)).message).toContain("key 'lastLr' is missing");
    expect(s.lastEpoch).toBe(1);
    const p = new ReduceLROnPlateau(opt());
    expect(errorOf(() => p.loadStateDict({ ...p.stateDict(), best: 'x' })).message).toContain("key 'best'");
  });
});
