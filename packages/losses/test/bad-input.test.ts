import '@tensorkit/backend-cpu/register';
import { tensor, type Tensor } from '@tensorkit/tensor';
import { describe, expect, it } from 'vitest';
import * as L from '../src/index';
import { caught } from './helpers';

type AnyLoss = (yTrue: Tensor, yPred: Tensor, options?: object) => Tensor;
const idx = (v: number[]): Tensor => tensor(v, undefined, 'int32');
const probs = tensor([[0.2, 0.8], [0.6, 0.4]]);
const pair = tensor([[[1, 0], [0, 1]], [[1, 1], [1, 0]]]);

/** [name, fn, a valid (yTrue, yPred)] for every loss. */
const LOSSES: [string, AnyLoss, Tensor, Tensor][] = [
  ['binaryCrossEntropy', L.binaryCrossEntropy, tensor([1, 0]), tensor([0.7, 0.2])],
  ['binaryCrossEntropyWithLogits', L.binaryCrossEntropyWithLogits, tensor([1, 0]), tensor([2, -1])],
  ['crossEntropy', L.crossEntropy, idx([1, 0]), probs],
  ['nll', L.nll, idx([1, 0]), probs],
  ['categoricalCrossEntropy', L.categoricalCrossEntropy, tensor([[0, 1], [1, 0]]), probs],
  ['sparseCategoricalCrossEntropy', L.sparseCategoricalCrossEntropy, idx([1, 0]), probs],
  ['klDivergence', L.klDivergence, probs, probs],
  ['meanSquaredError', L.meanSquaredError, tensor([1, 2]), tensor([1, 3])],
  ['meanAbsoluteError', L.meanAbsoluteError, tensor([1, 2]), tensor([1, 3])],
  ['meanAbsolutePercentageError', L.meanAbsolutePercentageError, tensor([1, 2]), tensor([1, 3])],
  ['logCosh', L.logCosh, tensor([1, 2]), tensor([1, 3])],
  ['huber', L.huber, tensor([1, 2]), tensor([1, 3])],
  ['smoothL1', L.smoothL1, tensor([1, 2]), tensor([1, 3])],
  ['quantile', L.quantile, tensor([1, 2]), tensor([1, 3])],
  ['hinge', L.hinge, tensor([1, -1]), tensor([0.5, 2])],
  ['squaredHinge', L.squaredHinge, tensor([1, -1]), tensor([0.5, 2])],
  ['exponential', L.exponential, tensor([1, -1]), tensor([0.5, 2])],
  ['hingeEmbedding', L.hingeEmbedding, tensor([1, -1]), tensor([0.5, 2])],
  ['multiMarginHinge', L.multiMarginHinge, idx([1, 0]), probs],
  ['focal', L.focal, tensor([1, 0]), tensor([2, -1])],
  ['categoricalFocal', L.categoricalFocal, idx([1, 0]), probs],
  ['poissonNll', L.poissonNll, tensor([1, 2]), tensor([0.5, 0.1])],
  ['cosineEmbedding', L.cosineEmbedding as AnyLoss, tensor([1, -1]), pair],
];

describe('every loss: bad shapes and reductions', () => {
  it.each(LOSSES)('%s runs on valid input (sanity for the table)', (_name, fn, t, p) => {
    expect(Number.isFinite(fn(t, p).dataSync()[0])).toBe(true);
  });

  it.each(LOSSES)('%s: a target of the wrong shape is a SHAPE_MISMATCH naming the loss and both shapes', (name, fn, t, p) => {
    const wrong = t.dtype === 'int32' ? idx([0, 1, 0]) : tensor(new Array(t.size * 3).fill(1), [3, ...t.shape]);
    const e = caught(() => fn(wrong, p));
    expect(e.code).toBe('SHAPE_MISMATCH');
    expect(e.message).toContain(`${name}:`);
    expect(e.message).toMatch(/\[3/);
  });

  it.each(LOSSES)("%s: an unknown reduction is an INVALID_ARGUMENT listing the valid ones", (name, fn, t, p) => {
    const e = caught(() => fn(t, p, { reduction: 'avg' }));
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.message).toContain(`${name}: unknown reduction "avg"`);
    expect(e.message).toContain("'mean', 'sum', 'none'");
  });

  it.each(LOSSES)('%s: options must be an object', (name, fn, t, p) => {
    expect(caught(() => fn(t, p, 3 as unknown as object)).message).toContain(`${name}: options must be an object`);
  });
});

describe('class indices out of range', () => {
  const cases: [string, AnyLoss][] = [
    ['crossEntropy', L.crossEntropy],
    ['nll', L.nll],
    ['sparseCategoricalCrossEntropy', L.sparseCategoricalCrossEntropy],
    ['multiMarginHinge', L.multiMarginHinge],
    ['categoricalFocal', L.categoricalFocal],
  ];
  it.each(cases)('%s: an index ≥ C or < 0 names the index, the class count and the fix', (name, fn) => {
    const e = caught(() => fn(idx([0, 2]), probs));
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.message).toContain(`${name}: class index 2 at flat position 1`);
    expect(e.message).toContain('2 classes');
    expect(e.message).toContain('[0, 1]');
    expect(caught(() => fn(idx([-1, 0]), probs)).message).toContain('class index -1');
  });

  it('ignoreIndex is exempt (crossEntropy and nll default −100; sparseCategoricalCrossEntropy opt-in)', () => {
    expect(L.crossEntropy(idx([-100, 1]), probs).dataSync()[0]).toBeGreaterThan(0);
    expect(L.nll(idx([1, -100]), probs, { reduction: 'sum' }).dataSync()[0]).toBeCloseTo(-0.8, 6);
    expect(caught(() => L.sparseCategoricalCrossEntropy(idx([-1, 1]), probs)).message).toContain('class index -1');
    expect(L.sparseCategoricalCrossEntropy(idx([-1, 1]), probs, { ignoreIndex: -1 }).dataSync()[0]).toBeCloseTo(-Math.log(0.4), 5);
  });

  it('class weights of the wrong length are a SHAPE_MISMATCH', () => {
    const e = caught(() => L.crossEntropy(idx([0, 1]), probs, { weight: tensor([1, 2, 3]) }));
    expect(e.code).toBe('SHAPE_MISMATCH');
    expect(e.message).toContain('one weight per class (shape [2])');
  });

  it('bool labels are a DTYPE_MISMATCH', () => {
    const e = caught(() => L.nll(tensor([1, 0], undefined, 'bool'), probs));
    expect(e.code).toBe('DTYPE_MISMATCH');
  });
});

describe('binaryCrossEntropy on probabilities rejects values outside [0, 1]', () => {
  it('names the value, its position and suggests fromLogits', () => {
    const e = caught(() => L.binaryCrossEntropy(tensor([1, 0]), tensor([0.5, 1.7])));
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.message).toContain('binaryCrossEntropy: yPred [2] holds 1.7');
    expect(e.message).toContain('at flat position 1');
    expect(e.message).toContain('fromLogits: true');
    expect(caught(() => L.binaryCrossEntropy(tensor([1]), tensor([Number.NaN]))).message).toContain('holds NaN');
    expect(caught(() => L.binaryCrossEntropy(tensor([1]), tensor([-0.1]))).message).toContain('holds -0.1');
  });
  it('the same values are fine as logits; posWeight without logits is refused', () => {
    expect(Number.isFinite(L.binaryCrossEntropy(tensor([1, 0]), tensor([0.5, 1.7]), { fromLogits: true }).dataSync()[0])).toBe(true);
    expect(caught(() => L.binaryCrossEntropy(tensor([1]), tensor([0.5]), { posWeight: tensor([2]) })).message).toContain('posWeight needs logits');
  });
  it('a weight that does not broadcast is a SHAPE_MISMATCH', () => {
    expect(caught(() => L.binaryCrossEntropy(tensor([1, 0]), tensor([0.5, 0.5]), { weight: tensor([1, 2, 3]) })).code).toBe('SHAPE_MISMATCH');
  });
});

describe('NaN and out-of-range hyperparameters', () => {
  const t = tensor([1, -1]);
  const p = tensor([0.5, 0.2]);
  const cases: [string, () => unknown, string][] = [
    ['huber delta NaN', () => L.huber(t, p, { delta: Number.NaN }), "huber: option 'delta' must be a number > 0, got NaN"],
    ['huber delta 0', () => L.huber(t, p, { delta: 0 }), "option 'delta' must be a number > 0, got 0"],
    ['smoothL1 beta NaN', () => L.smoothL1(t, p, { beta: Number.NaN }), "smoothL1: option 'beta'"],
    ['smoothL1 beta < 0', () => L.smoothL1(t, p, { beta: -1 }), ">= 0, got -1"],
    ['quantile tau NaN', () => L.quantile(t, p, { tau: Number.NaN }), "quantile: option 'tau' must be a number >= 0 and <= 1, got NaN"],
    ['quantile tau 2', () => L.quantile(t, p, { tau: 2 }), "option 'tau'"],
    ['hingeEmbedding margin NaN', () => L.hingeEmbedding(t, p, { margin: Number.NaN }), "hingeEmbedding: option 'margin'"],
    ['multiMarginHinge margin NaN', () => L.multiMarginHinge(idx([0]), tensor([[1, 2]]), { margin: Number.NaN }), "multiMarginHinge: option 'margin'"],
    ['multiMarginHinge p 3', () => L.multiMarginHinge(idx([0]), tensor([[1, 2]]), { p: 3 }), "option 'p' must be 1 or 2"],
    ['focal gamma NaN', () => L.focal(t, p, { gamma: Number.NaN }), "focal: option 'gamma'"],
    ['focal alpha NaN', () => L.focal(t, p, { alpha: Number.NaN }), "focal: option 'alpha'"],
    ['categoricalFocal gamma -1', () => L.categoricalFocal(idx([0]), tensor([[1, 2]]), { gamma: -1 }), "categoricalFocal: option 'gamma'"],
    ['crossEntropy labelSmoothing NaN', () => L.crossEntropy(idx([0]), tensor([[1, 2]]), { labelSmoothing: Number.NaN }), "crossEntropy: option 'labelSmoothing'"],
    ['categoricalCrossEntropy labelSmoothing 1.5', () => L.categoricalCrossEntropy(tensor([[1, 0]]), tensor([[0.5, 0.5]]), { labelSmoothing: 1.5 }), "option 'labelSmoothing'"],
    ['nll ignoreIndex NaN', () => L.nll(idx([0]), tensor([[1, 2]]), { ignoreIndex: Number.NaN }), "nll: option 'ignoreIndex'"],
    ['sparseCategoricalCrossEntropy ignoreIndex NaN', () => L.sparseCategoricalCrossEntropy(idx([0]), tensor([[0.5, 0.5]]), { ignoreIndex: Number.NaN }), "option 'ignoreIndex'"],
    ['poissonNll eps NaN', () => L.poissonNll(t, p, { eps: Number.NaN }), "poissonNll: option 'eps'"],
    ['cosineEmbedding margin NaN', () => L.cosineEmbedding(tensor([1]), [tensor([[1, 0]]), tensor([[0, 1]])], { margin: Number.NaN }), "cosineEmbedding: option 'margin'"],
    ['klDivergence logInput not boolean', () => L.klDivergence(p, p, { logInput: 'yes' as unknown as boolean }), "klDivergence: option 'logInput' must be true or false"],
    ['binaryCrossEntropy fromLogits not boolean', () => L.binaryCrossEntropy(t, p, { fromLogits: 1 as unknown as boolean }), "option 'fromLogits' must be true or false"],
    ['poissonNll full not boolean', () => L.poissonNll(t, p, { full: 'no' as unknown as boolean }), "option 'full'"],
  ];
  it.each(cases)('%s', (_label, fn, message) => {
    const e = caught(fn);
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.message).toContain(message);
  });
});

describe('other bad input', () => {
  it('cosineEmbedding: yPred must be a pair or [N, 2, D]', () => {
    const e = caught(() => L.cosineEmbedding(tensor([1]), tensor([[1, 2, 3]])));
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.message).toContain('[x1, x2]');
  });
  it('crossEntropy: probability targets of another shape', () => {
    const e = caught(() => L.crossEntropy(tensor([[1, 0, 0]]), tensor([[1, 2]])));
    expect(e.code).toBe('SHAPE_MISMATCH');
    expect(e.message).toContain('probability targets have shape [1,3]');
  });
  it('a non-tensor argument names the argument', () => {
    expect(caught(() => L.meanSquaredError({} as unknown as Tensor, tensor([1]))).message).toContain("meanSquaredError: 'yTrue' must be a Tensor");
  });
  it('setLossValueChecks rejects an unknown mode', () => {
    const e = caught(() => L.setLossValueChecks('sometimes' as L.LossValueChecks));
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.message).toContain("use 'auto', 'always', 'once' or 'never'");
  });
  it("expectedInput falls back to a plugin's expects when it has no expectsWith", () => {
    expect(L.expectedInput(L.hingeLoss, { fromLogits: true })).toBe('values');
  });
});
