import '@tensorkit/backend-cpu/register';
import { describe, expect, it } from 'vitest';
import { isTensorkitError, lookup, use } from '@tensorkit/core';
import { memory, tensor, type Tensor } from '@tensorkit/tensor';
import {
  METRIC_PLUGINS, accuracy, auc, binaryAccuracy, categoricalAccuracy, mae, mse, precision, recall,
  sparseCategoricalAccuracy, topKAccuracy, type Metric, type MetricPlugin,
} from '../src/metrics/index';

async function value(m: Metric): Promise<number> {
  const r = m.result();
  const v = (await r.data())[0]!;
  r.dispose();
  return v;
}

function feed(m: Metric, batches: [Tensor, Tensor][]): Metric {
  for (const [t, p] of batches) m.update(t, p);
  return m;
}

describe('accuracy metrics (hand-computed)', () => {
  it('binaryAccuracy thresholds at 0.5 with a strict >, streaming over batches', async () => {
    const m = feed(binaryAccuracy(), [
      [tensor([[1], [0], [1]]), tensor([[0.9], [0.5], [0.4]])], // hits: 1, 1 (0.5 is not > 0.5), 0
      [tensor([[0]]), tensor([[0.7]])], // miss
    ]);
    expect(await value(m)).toBeCloseTo(2 / 4, 7);
    m.reset();
    expect(await value(m)).toBe(0);
  });

  it('binaryAccuracy honours a custom threshold', async () => {
    const m = feed(binaryAccuracy({ threshold: 0.3 }), [[tensor([1, 0]), tensor([0.4, 0.2])]]);
    expect(await value(m)).toBe(1);
  });

  it('categoricalAccuracy compares argmaxes of one-hot labels and scores', async () => {
    const y = tensor([[1, 0, 0], [0, 1, 0], [0, 0, 1]]);
    const p = tensor([[0.5, 0.3, 0.2], [0.6, 0.3, 0.1], [0.1, 0.1, 0.8]]);
    expect(await value(feed(categoricalAccuracy(), [[y, p]]))).toBeCloseTo(2 / 3, 7);
  });

  it('sparseCategoricalAccuracy takes [n] or [n,1] class indices', async () => {
    const p = tensor([[0.5, 0.3, 0.2], [0.6, 0.3, 0.1], [0.1, 0.1, 0.8], [0.2, 0.7, 0.1]]);
    expect(await value(feed(sparseCategoricalAccuracy(), [[tensor([0, 1, 2, 1], [4], 'int32'), p]]))).toBe(0.75);
    expect(await value(feed(sparseCategoricalAccuracy(), [[tensor([[0], [0], [2], [0]]), p]]))).toBe(0.75);
  });

  it('accuracy picks binary, categorical or sparse from the shapes', async () => {
    expect(await value(feed(accuracy(), [[tensor([[1], [0]]), tensor([[0.8], [0.9]])]]))).toBe(0.5);
    expect(await value(feed(accuracy(), [[tensor([[0, 1], [1, 0]]), tensor([[0.2, 0.8], [0.3, 0.7]])]]))).toBe(0.5);
    expect(await value(feed(accuracy(), [[tensor([1, 1], [2], 'int32'), tensor([[0.2, 0.8], [0.3, 0.7]])]]))).toBe(1);
  });

  it('topKAccuracy counts a hit when fewer than k scores beat the label', async () => {
    const p = tensor([[0.1, 0.5, 0.3, 0.1], [0.4, 0.3, 0.2, 0.1], [0.25, 0.25, 0.25, 0.25]]);
    const labels = tensor([2, 3, 0], [3], 'int32'); // ranks: 2nd (hit), 4th (miss), tie (hit)
    expect(await value(feed(topKAccuracy({ k: 2 }), [[labels, p]]))).toBeCloseTo(2 / 3, 7);
    const oneHot = tensor([[0, 0, 1, 0], [0, 0, 0, 1], [1, 0, 0, 0]]);
    expect(await value(feed(topKAccuracy({ k: 1 }), [[oneHot, p]]))).toBeCloseTo(1 / 3, 7);
  });
});

describe('confusion metrics (hand-computed)', () => {
  const y = tensor([1, 1, 1, 0, 0, 0, 1, 0]);
  const p = tensor([0.9, 0.6, 0.2, 0.7, 0.1, 0.3, 0.8, 0.55]);
  // > 0.5: predicted positive at 0, 1, 3, 6, 7 -> TP 3 (0, 1, 6), FP 2 (3, 7), FN 1 (2)

  it('precision = TP / (TP + FP) and recall = TP / (TP + FN), across batches', async () => {
    const split = (m: Metric): Metric => {
      m.update(tensor([1, 1, 1, 0]), tensor([0.9, 0.6, 0.2, 0.7]));
      m.update(tensor([0, 0, 1, 0]), tensor([0.1, 0.3, 0.8, 0.55]));
      return m;
    };
    expect(await value(split(precision()))).toBeCloseTo(3 / 5, 7);
    expect(await value(split(recall()))).toBeCloseTo(3 / 4, 7);
    expect(await value(feed(precision({ threshold: 0.75 }), [[y, p]]))).toBe(1); // 0.9, 0.8
  });

  it('precision and recall are 0 (not NaN) before any positive', async () => {
    expect(await value(feed(precision(), [[tensor([0, 0]), tensor([0.1, 0.2])]]))).toBe(0);
    expect(await value(recall())).toBe(0);
  });

  it('auc with 3 thresholds (-eps, 0.5, 1+eps) is the trapezoid through (0,0), (FPR, TPR) at 0.5, (1,1)', async () => {
    // at 0.5: TPR 3/4, FPR 2/4 -> area = 0.5 * (0 + 0.75)/2... computed as Keras does:
    // points (fpr, tpr): (1, 1), (0.5, 0.75), (0, 0); area = 0.5*(1+0.75)/2 + 0.5*(0.75+0)/2 = 0.625
    expect(await value(feed(auc({ numThresholds: 3 }), [[y, p]]))).toBeCloseTo(0.625, 6);
  });

  it('auc with many thresholds approaches the exact pairwise AUC', async () => {
    // exact: (positive, negative) pairs ranked correctly: 4 + 3 + 1 + 4 = 12 of 16
    expect(await value(feed(auc({ numThresholds: 1000 }), [[y, p]]))).toBeCloseTo(12 / 16, 3);
    const perfect = feed(auc(), [[tensor([0, 0, 1, 1]), tensor([0.1, 0.2, 0.8, 0.9])]]);
    expect(await value(perfect)).toBeCloseTo(1, 6);
  });
});

describe('error metrics', () => {
  it('mse and mae average every element of every batch', async () => {
    const batches: [Tensor, Tensor][] = [
      [tensor([[1, 2], [3, 4]]), tensor([[1, 0], [4, 4]])], // diffs 0, -2, 1, 0
      [tensor([[0, 0]]), tensor([[3, 0]])], // diffs 3, 0
    ];
    expect(await value(feed(mse(), batches))).toBeCloseTo((4 + 1 + 9) / 6, 6);
    expect(await value(feed(mae(), batches))).toBeCloseTo((2 + 1 + 3) / 6, 6);
  });
});

describe('metrics: memory, plugins and bad input', () => {
  it('updates keep the number of live tensors constant', async () => {
    const ms = [accuracy(), auc(), precision(), mse(), topKAccuracy({ k: 1 })];
    const y = tensor([[1], [0]]);
    const p = tensor([[0.6], [0.3]]);
    for (const m of ms) m.update(y, p);
    const before = memory().numTensors;
    for (let i = 0; i < 5; i++) for (const m of ms) m.update(y, p);
    expect(memory().numTensors).toBe(before);
    for (const m of ms) m.reset();
  });

  it('every plugin registers and creates a metric named after it', () => {
    use(METRIC_PLUGINS);
    for (const plugin of METRIC_PLUGINS) expect((lookup('metric', plugin.name) as MetricPlugin).create().name).toBe(plugin.name);
    expect((lookup('metric', 'acc') as MetricPlugin).name).toBe('accuracy');
  });

  it('rejects mismatched shapes, bad labels and bad options with clear errors', () => {
    const expectError = (fn: () => unknown, code: string, text: string): void => {
      try {
        fn();
        expect.unreachable();
      } catch (e) {
        expect(isTensorkitError(e, code as never)).toBe(true);
        expect((e as Error).message).toContain(text);
      }
    };
    expectError(() => mse().update(tensor([1, 2]), tensor([[1, 2]])), 'SHAPE_MISMATCH', 'mse: yTrue [2] and yPred [1,2]');
    expectError(() => sparseCategoricalAccuracy().update(tensor([[0, 1]]), tensor([[0.2, 0.3, 0.5]])), 'SHAPE_MISMATCH', 'class-index labels');
    expectError(() => binaryAccuracy({ threshold: NaN }), 'INVALID_ARGUMENT', "'threshold' must be a finite number");
    expectError(() => topKAccuracy({ k: 0 }), 'INVALID_ARGUMENT', "topKAccuracy: 'k' must be an integer >= 1");
    expectError(() => auc({ numThresholds: 2 }), 'INVALID_ARGUMENT', 'numThresholds');
    expectError(() => precision({ treshold: 0.5 } as never), 'INVALID_ARGUMENT', "unknown option 'treshold'");
  });
});
