import '@tensorkit/backend-cpu/register';
import { grad, grads, variableGrads, noGrad } from '@tensorkit/autograd';
import { log, memory, mul, softmax, sub, tensor, tidy, variable, matMul, type Tensor } from '@tensorkit/tensor';
import { describe, expect, it } from 'vitest';
import * as L from '../src/index';
import { close, expectGradMatchesFD, values } from './helpers';

const allFinite = (t: Tensor): boolean => values(t).every(Number.isFinite);

describe('binaryCrossEntropy on probabilities at p ∈ {0, 1} (PyTorch clamps)', () => {
  const t = tensor([1, 0, 1, 0]);
  const p = tensor([0, 1, 1, 0]);

  it('the log is clamped at −100: a confidently wrong prediction costs 100, a right one 0', () => {
    close(L.binaryCrossEntropy(t, p, { reduction: 'none' }), [100, 100, 0, 0]);
  });

  it("the gradient is PyTorch's (p − t)/max(p(1−p), 1e−12): ±1e12 where wrong, 0 where right, never NaN", () => {
    const g = grad((q) => L.binaryCrossEntropy(t, q, { reduction: 'sum' }))(p);
    close(g, [-1e12, 1e12, 0, 0], 1e-6, 0);
  });

  it('the gradient wrt the target stays finite at p ∈ {0, 1}', () => {
    const [gt] = grads((tt, q) => L.binaryCrossEntropy(tt!, q!, { reduction: 'sum' }))([tensor([0.5, 0.5]), tensor([0, 1])]);
    close(gt!, [100, -100]);
  });
});

describe('extreme logits stay finite, forward and backward', () => {
  it('binaryCrossEntropy with logits ±100 (softplus form)', () => {
    const t = tensor([1, 0, 0, 1]);
    const x = tensor([100, -100, 100, -100]);
    close(L.binaryCrossEntropy(t, x, { fromLogits: true, reduction: 'none' }), [0, 0, 100, 100]);
    close(grad((z) => L.binaryCrossEntropy(t, z, { fromLogits: true, reduction: 'sum' }))(x), [0, 0, 1, -1]);
  });

  it('crossEntropy with logits ±1000', () => {
    const x = tensor([[1000, -1000, 0], [-1000, 1000, 0]]);
    const y = tensor([0, 0], undefined, 'int32');
    close(L.crossEntropy(y, x, { reduction: 'none' }), [0, 2000]);
    const g = grad((z) => L.crossEntropy(y, z, { reduction: 'sum' }))(x);
    close(g, [0, 0, 0, -1, 1, 0]);
  });

  it('logCosh for |d| up to 300, where cosh overflows: |d| − log 2, gradient tanh(d) = ±1', () => {
    const t = tensor([0, 0, 0]);
    const x = tensor([300, -300, 0]);
    close(L.logCosh(t, x, { reduction: 'none' }), [300 - Math.LN2, 300 - Math.LN2, 0]);
    close(grad((z) => L.logCosh(t, z, { reduction: 'sum' }))(x), [1, -1, 0]);
  });

  it('focal and categoricalFocal with logits ±100', () => {
    const t = tensor([1, 0, 1, 0]);
    const x = tensor([100, -100, -100, 100]);
    expect(allFinite(grad((z) => L.focal(t, z))(x))).toBe(true);
    const y = tensor([0, 1], undefined, 'int32');
    expect(allFinite(grad((z) => L.categoricalFocal(y, z))(tensor([[100, -100], [100, -100]])))).toBe(true);
  });

  it('no 0·inf in unselected branches: KL with zero targets, Poisson Stirling with t ≤ 1, MAPE near 0', () => {
    const [gt, gp] = grads((tt, q) => L.klDivergence(tt!, q!))([tensor([0, 1]), tensor([0.5, 0.5])]);
    expect(allFinite(gt!) && allFinite(gp!)).toBe(true);
    const [gt2] = grads((tt, q) => L.poissonNll(tt!, q!, { full: true }))([tensor([0, 1, 3]), tensor([0.1, 0.2, 0.3])]);
    expect(allFinite(gt2!)).toBe(true);
  });
});

describe('gradients of the losses the oracle does not cover, by finite differences', () => {
  const shape = [2, 3];
  const p0 = [0.2, 0.5, 0.3, 0.6, 0.1, 0.3];
  const onehot = tensor([[0, 1, 0], [1, 0, 0]]);
  const idx = tensor([1, 0], undefined, 'int32');

  it('categoricalCrossEntropy on probabilities (through the normalisation)', () => {
    expectGradMatchesFD((p) => L.categoricalCrossEntropy(onehot, p, { labelSmoothing: 0.1 }), p0, shape);
  });
  it('sparseCategoricalCrossEntropy on probabilities', () => {
    expectGradMatchesFD((p) => L.sparseCategoricalCrossEntropy(idx, p), p0, shape);
  });
  it('klDivergence on probabilities', () => {
    expectGradMatchesFD((p) => L.klDivergence(tensor([[0.1, 0.6, 0.3], [0.5, 0.25, 0.25]]), p, { reduction: 'batchmean' }), p0, shape);
  });
  it('focal on probabilities', () => {
    expectGradMatchesFD((p) => L.focal(tensor([[0, 1, 0], [1, 0, 1]]), p, { fromLogits: false }), p0, shape);
  });
  it('categoricalFocal on probabilities with one-hot targets', () => {
    expectGradMatchesFD((p) => L.categoricalFocal(onehot, p, { fromLogits: false, gamma: 1.5 }), p0, shape);
  });
  it('cosineEmbedding through the stacked [N, 2, D] form', () => {
    const y = tensor([1, -1]);
    expectGradMatchesFD((z) => L.cosineEmbeddingLoss.compute(y, z, { margin: -0.5 }), [0.5, 1, 0.2, -0.3, 1.2, 0.7, -0.4, 0.9], [2, 2, 2]);
  });
});

describe('value checks mode', () => {
  const bad = tensor([1.5, 0.5]);
  it("'never' skips the data read; 'once' checks the first call of each loss only; 'always' every call", () => {
    L.setLossValueChecks('never');
    expect(allFinite(L.binaryCrossEntropy(tensor([1, 0]), tensor([0.9, 0.2])))).toBe(true);
    expect(() => L.binaryCrossEntropy(tensor([1, 0]), bad)).not.toThrow();
    L.setLossValueChecks('once');
    expect(() => L.binaryCrossEntropy(tensor([1, 0]), bad)).toThrow(/\[0, 1\]/);
    expect(() => L.binaryCrossEntropy(tensor([1, 0]), bad)).not.toThrow();
    L.setLossValueChecks('always');
    expect(() => L.binaryCrossEntropy(tensor([1, 0]), bad)).toThrow(/fromLogits: true/);
    L.setLossValueChecks('auto');
    expect(() => L.binaryCrossEntropy(tensor([1, 0]), bad)).toThrow(/\[0, 1\]/);
  });
});

describe('training-loop use', () => {
  it('a softmax-regression loop with crossEntropy frees every temporary: numTensors is stable across steps', () => {
    const x = tensor([[1, 2], [0.5, -1], [-1, 0.3], [2, 2]]);
    const y = tensor([0, 1, 2, 0], undefined, 'int32');
    const w = variable(tensor([[0.1, -0.2, 0.05], [0.3, 0.1, -0.1]]));
    const step = (): number => {
      const { value, grads: g } = variableGrads(() => L.crossEntropy(y, matMul(x, w)));
      noGrad(() => tidy(() => w.assign(sub(w, mul(g.get(w)!, 0.5)))));
      const loss = values(value)[0]!;
      value.dispose();
      g.get(w)!.dispose();
      return loss;
    };
    const first = step();
    const before = memory().numTensors;
    for (let i = 0; i < 5; i++) step();
    expect(memory().numTensors).toBe(before);
    expect(step()).toBeLessThan(first);
  });

  it('categoricalCrossEntropy of softmax equals −mean log of the softmax at the label', () => {
    const z = tensor([[3.2, 1.3, 0.2, 0.8]]);
    close(L.categoricalCrossEntropy(tensor([[1, 0, 0, 0]]), softmax(z)), [-values(log(softmax(z)))[0]!]);
  });
});
