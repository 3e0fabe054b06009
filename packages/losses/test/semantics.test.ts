import '@tensorkit/backend-cpu/register';
import { get, has, lookup, unregister } from '@tensorkit/core';
import { log, logSoftmax, oneHot, softmax, tensor, type Tensor } from '@tensorkit/tensor';
import { describe, expect, it } from 'vitest';
import * as L from '../src/index';
import { close, values } from './helpers';

const logits = tensor([[2, 1, 0.1, -1], [0.3, -0.2, 2.5, 0], [1, 1, 1, 1]]);
const labels = tensor([0, 2, 3], undefined, 'int32');
const yTrue = tensor([[0.5, -1, 2], [1, 0.25, -0.5]]);
const yPred = tensor([[0.7, -0.5, 1], [3, 0.5, -0.5]]);

describe('reductions', () => {
  const pointwise: [string, (t: Tensor, p: Tensor, o: { reduction: L.Reduction }) => Tensor][] = [
    ['meanSquaredError', L.meanSquaredError],
    ['meanAbsoluteError', L.meanAbsoluteError],
    ['huber', L.huber],
    ['smoothL1', L.smoothL1],
    ['logCosh', L.logCosh],
    ['quantile', L.quantile],
    ['hinge', L.hinge],
    ['exponential', L.exponential],
  ];
  it.each(pointwise)("%s: 'none' keeps the shape, 'sum' adds it, 'mean' averages it (and is the default)", (_name, fn) => {
    const none = fn(yTrue, yPred, { reduction: 'none' });
    expect(none.shape).toEqual([2, 3]);
    const total = values(none).reduce((a, b) => a + b, 0);
    close(fn(yTrue, yPred, { reduction: 'sum' }), [total]);
    close(fn(yTrue, yPred, { reduction: 'mean' }), [total / 6]);
    close((fn as (t: Tensor, p: Tensor) => Tensor)(yTrue, yPred), [total / 6]);
  });

  it('meanSquaredError and meanAbsoluteError match hand-computed values', () => {
    close(L.meanSquaredError(yTrue, yPred, { reduction: 'none' }), [0.04, 0.25, 1, 4, 0.0625, 0]);
    close(L.meanAbsoluteError(tensor([1, 2]), tensor([1.5, 1])), [0.75]);
    close(L.meanAbsolutePercentageError(tensor([2, 4]), tensor([1, 5])), [0.375]);
  });

  it("crossEntropy 'mean' divides by the summed class weights of the targets not ignored", () => {
    const weight = tensor([1, 2, 3, 4]);
    const target = tensor([0, -100, 3], undefined, 'int32');
    const none = values(L.crossEntropy(target, logits, { weight, reduction: 'none' }));
    expect(none[1]).toBe(0);
    close(L.crossEntropy(target, logits, { weight }), [(none[0]! + none[2]!) / (1 + 4)]);
    close(L.nll(target, logSoftmax(logits), { weight }), [(none[0]! + none[2]!) / 5]);
  });

  it("klDivergence 'batchmean' is the sum over the batch size; 'mean' over every element", () => {
    const t = tensor([[0.2, 0.8], [0.5, 0.5]]);
    const p = tensor([[0.4, 0.6], [0.9, 0.1]]);
    const sum = values(L.klDivergence(t, p, { reduction: 'sum' }))[0]!;
    const expected = 0.2 * Math.log(0.2 / 0.4) + 0.8 * Math.log(0.8 / 0.6) + 0.5 * Math.log(0.5 / 0.9) + 0.5 * Math.log(0.5 / 0.1);
    close([sum], [expected]);
    close(L.klDivergence(t, p, { reduction: 'batchmean' }), [expected / 2]);
    close(L.klDivergence(t, p), [expected / 4]);
  });
});

describe('registry: plugins and aliases', () => {
  it('./register registers every loss; aliases resolve to the very same plugin object', async () => {
    await import('../src/register');
    expect(get('loss', 'mse')).toBe(L.meanSquaredErrorLoss);
    expect(get('loss', 'mae')).toBe(L.meanAbsoluteErrorLoss);
    expect(get('loss', 'mape')).toBe(L.meanAbsolutePercentageErrorLoss);
    expect(get('loss', 'logLoss')).toBe(L.binaryCrossEntropyLoss);
    expect(get('loss', 'pinball')).toBe(L.quantileLoss);
    expect(get('loss', 'crossEntropy')).toBe(L.crossEntropyLoss);
    expect(lookup('loss', 'sigmoidFocal')).toBe(L.focalLoss);
    for (const plugin of L.losses) {
      expect(lookup('loss', plugin.name)).toBe(plugin);
      for (const alias of plugin.aliases ?? []) expect(lookup('loss', alias), alias).toBe(plugin);
    }
    expect(L.losses).toHaveLength(23);
  });

  it('a plugin computes exactly what its function computes', () => {
    close(L.huberLoss.compute(yTrue, yPred, { delta: 0.5 }), values(L.huber(yTrue, yPred, { delta: 0.5 })));
    close(get('loss', 'crossEntropy').compute(labels, logits), values(L.crossEntropy(labels, logits)));
  });

  it('binaryCrossEntropyWithLogits is its own entry, defaulting to logits', () => {
    const t = tensor([1, 0, 1]);
    const x = tensor([2, -1, 0.3]);
    close(L.binaryCrossEntropyWithLogits(t, x), values(L.binaryCrossEntropy(t, x, { fromLogits: true })));
    expect(has('loss', 'binaryCrossEntropyWithLogits')).toBe(true);
    expect(get('loss', 'binaryCrossEntropyWithLogits')).toBe(L.binaryCrossEntropyWithLogitsLoss);
  });

  it('expects / expectedInput say whether yPred should be logits, probabilities or values', () => {
    expect(L.crossEntropyLoss.expects).toBe('logits');
    expect(L.meanSquaredErrorLoss.expects).toBe('values');
    expect(L.expectedInput(L.binaryCrossEntropyLoss)).toBe('probabilities');
    expect(L.expectedInput(L.binaryCrossEntropyLoss, { fromLogits: true })).toBe('logits');
    expect(L.expectedInput(L.categoricalCrossEntropyLoss, { fromLogits: true })).toBe('logits');
    expect(L.expectedInput(L.sparseCategoricalCrossEntropyLoss)).toBe('probabilities');
    expect(L.expectedInput(L.focalLoss)).toBe('logits');
    expect(L.expectedInput(L.focalLoss, { fromLogits: false })).toBe('probabilities');
    expect(L.expectedInput(L.klDivergenceLoss, { logInput: true })).toBe('logits');
  });

  it('unregistering an alias owner removes its aliases too', () => {
    expect(unregister('loss', 'quantile')).toBe(true);
    expect(has('loss', 'pinball')).toBe(false);
  });
});

describe('Keras vs PyTorch semantics', () => {
  it('categoricalCrossEntropy on softmax probabilities equals crossEntropy on the logits', () => {
    const ce = values(L.crossEntropy(labels, logits, { reduction: 'none' }));
    const oneHotLabels = oneHot(labels, 4);
    close(L.categoricalCrossEntropy(oneHotLabels, softmax(logits), { reduction: 'none' }), ce, 1e-5, 1e-6);
    close(L.sparseCategoricalCrossEntropy(labels, softmax(logits), { reduction: 'none' }), ce, 1e-5, 1e-6);
    close(L.categoricalCrossEntropy(oneHotLabels, logits, { fromLogits: true, reduction: 'none' }), ce);
    close(L.sparseCategoricalCrossEntropy(labels, logits, { fromLogits: true, reduction: 'none' }), ce);
  });

  it('crossEntropy treats its input as logits: feeding it probabilities gives a different (wrong) number', () => {
    const onProbs = values(L.crossEntropy(labels, softmax(logits)))[0]!;
    const right = values(L.crossEntropy(labels, logits))[0]!;
    expect(Math.abs(onProbs - right)).toBeGreaterThan(0.1);
  });

  it('categoricalCrossEntropy normalises probabilities and clips them at 1e-7 like Keras', () => {
    close(L.categoricalCrossEntropy(tensor([[0, 1]]), tensor([[0.4, 1.6]])), [-Math.log(0.8)]);
    close(L.categoricalCrossEntropy(tensor([[0, 1]]), tensor([[1, 0]])), [-Math.log(1e-7)], 1e-4);
  });

  it('label smoothing: categoricalCrossEntropy and crossEntropy agree on logits', () => {
    const smoothed = L.crossEntropy(labels, logits, { labelSmoothing: 0.2 });
    close(L.categoricalCrossEntropy(oneHot(labels, 4), logits, { fromLogits: true, labelSmoothing: 0.2 }), values(smoothed));
  });

  it('klDivergence takes probabilities by default and log-probabilities with logInput (PyTorch)', () => {
    const t = tensor([[0.3, 0.7]]);
    const p = tensor([[0.6, 0.4]]);
    close(L.klDivergence(t, p, { reduction: 'sum' }), values(L.klDivergence(t, log(p), { logInput: true, reduction: 'sum' })));
    close(L.klDivergence(log(t), log(p), { logInput: true, logTarget: true, reduction: 'sum' }), values(L.klDivergence(t, p, { reduction: 'sum' })));
  });

  it('categoricalFocal with gamma 0 is crossEntropy; one-hot targets give the same as indices', () => {
    close(L.categoricalFocal(labels, logits, { gamma: 0 }), values(L.crossEntropy(labels, logits)));
    close(L.categoricalFocal(oneHot(labels, 4), logits, { gamma: 2 }), values(L.categoricalFocal(labels, logits, { gamma: 2 })));
  });

  it('focal with gamma 0 and alpha < 0 is BCE with logits; on probabilities it matches the logit form', () => {
    const t = tensor([1, 0, 1, 0]);
    const x = tensor([2, -1, -0.5, 0.7]);
    close(L.focal(t, x, { gamma: 0, alpha: -1 }), values(L.binaryCrossEntropy(t, x, { fromLogits: true })));
    const p = tensor(values(x).map((v) => 1 / (1 + Math.exp(-v))));
    close(L.focal(t, p, { fromLogits: false }), values(L.focal(t, x)), 1e-4);
  });

  it('huber(δ) = δ·smoothL1(β = δ); smoothL1 with β = 0 is L1', () => {
    const h = values(L.huber(yTrue, yPred, { delta: 0.5, reduction: 'none' }));
    close(L.smoothL1(yTrue, yPred, { beta: 0.5, reduction: 'none' }), h.map((v) => v / 0.5));
    close(L.smoothL1(yTrue, yPred, { beta: 0 }), values(L.meanAbsoluteError(yTrue, yPred)));
  });

  it('cosineEmbedding takes the pair as [x1, x2] or stacked as [N, 2, D]', () => {
    const x1 = tensor([[1, 0, 2], [0.5, 1, -1]]);
    const x2 = tensor([[1, 1, 0], [-0.5, -1, 1]]);
    const y = tensor([1, -1]);
    const pair = values(L.cosineEmbedding(y, [x1, x2], { reduction: 'none' }));
    close(pair, [1 - 1 / Math.sqrt(10), 0]);
    const stacked = tensor([[[1, 0, 2], [1, 1, 0]], [[0.5, 1, -1], [-0.5, -1, 1]]]);
    close(L.cosineEmbeddingLoss.compute(y, stacked, { reduction: 'none' }), pair);
  });
});
