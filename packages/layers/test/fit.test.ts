import { describe, expect, it, vi } from 'vitest';
import { memory, tensor, variable } from '@tensorkit/tensor';
import { expectError, expectRejection, Recorder, regressionData } from './training-helpers';
import { Sequential } from '../src/sequential';
import { dense } from '../src/layers/dense';
import { Callback, type Logs } from '../src/callbacks/callback';

function regressor(seed = 0): Sequential {
  return new Sequential([dense({ units: 8, activation: 'tanh', inputShape: [3], seed }), dense({ units: 1, seed: seed + 1 })]);
}

describe('fit', () => {
  it('trains a regressor: the loss falls, History records loss and metrics per epoch', async () => {
    const { x, y } = regressionData();
    const model = regressor();
    model.compile({ optimizer: 'adam', optimizerOptions: { lr: 0.02 }, loss: 'meanSquaredError', metrics: ['mae'] });
    const h = await model.fit(x, y, { epochs: 30, batchSize: 16, seed: 1, verbose: 0 });
    expect(h.epoch).toEqual([...Array(30).keys()]);
    expect(Object.keys(h.history)).toEqual(['loss', 'mae']);
    expect(h.history.loss![29]!).toBeLessThan(h.history.loss![0]! / 10);
    const ev = await model.evaluate(x, y, { batchSize: 64 });
    expect(ev.loss).toBeLessThan(h.history.loss![0]! / 10);
  });

  it('keeps the number of live tensors constant from epoch 1 to epoch 5 (with validation and metrics)', async () => {
    const { x, y } = regressionData(40);
    const model = regressor();
    model.compile({ optimizer: 'adam', loss: 'meanSquaredError', metrics: ['mae', 'mse'] });
    const rec = new Recorder(() => memory().numTensors);
    await model.fit(x, y, { epochs: 5, batchSize: 8, validationSplit: 0.25, callbacks: [rec], verbose: 0 });
    expect(rec.probes[0]).toBe(rec.probes[4]);
  });

  it('batchSize n, 1 and k take 1, n and ceil(n/k) steps per epoch (batch, stochastic, mini-batch GD)', async () => {
    const { x, y } = regressionData(10);
    const steps: number[] = [];
    class Steps extends Callback {
      override onTrainBegin(): void {
        steps.push(this.context.stepsPerEpoch);
      }
    }
    for (const batchSize of [10, 1, 4]) {
      const model = regressor();
      model.compile({ optimizer: 'sgd', optimizerOptions: { lr: 0.01 }, loss: 'meanSquaredError' });
      await model.fit(x, y, { batchSize, callbacks: [new Steps()], verbose: 0 });
    }
    expect(steps).toEqual([1, 10, 3]);
  });

  it('one full-batch SGD step equals the hand-written update', async () => {
    const x = tensor([[1, 2], [3, 4]]);
    const y = tensor([[1], [2]]);
    const model = new Sequential([dense({ units: 1, inputShape: [2], seed: 3 })]);
    const [k, b] = model.parameters().map((p) => Array.from(p.dataSync()));
    model.compile({ optimizer: 'sgd', optimizerOptions: { lr: 0.1 }, loss: 'meanSquaredError' });
    await model.fit(x, y, { batchSize: 2, shuffle: false, verbose: 0 });
    // d/dW mean((xW + b - y)²) = 2/n xᵀ r
    const r = [0, 1].map((i) => k![0]! * [1, 3][i]! + k![1]! * [2, 4][i]! + b![0]! - [1, 2][i]!);
    const gk = [0, 1].map((j) => (2 / 2) * (r[0]! * [1, 2][j]! + r[1]! * [3, 4][j]!));
    const gb = (2 / 2) * (r[0]! + r[1]!);
    const [k2, b2] = model.parameters().map((p) => Array.from(p.dataSync()));
    expect(k2![0]!).toBeCloseTo(k![0]! - 0.1 * gk[0]!, 5);
    expect(k2![1]!).toBeCloseTo(k![1]! - 0.1 * gk[1]!, 5);
    expect(b2![0]!).toBeCloseTo(b![0]! - 0.1 * gb, 5);
  });

  it('shuffles with a seed: the same seed gives the same weights, another seed different ones', async () => {
    const { x, y } = regressionData(24);
    const run = async (seed: number): Promise<number[]> => {
      const model = regressor(5);
      model.compile({ optimizer: 'sgd', optimizerOptions: { lr: 0.05 }, loss: 'meanSquaredError' });
      await model.fit(x, y, { epochs: 2, batchSize: 5, seed, verbose: 0 });
      return Array.from(model.parameters()[0]!.dataSync());
    };
    const a = await run(7);
    expect(await run(7)).toEqual(a);
    expect(await run(8)).not.toEqual(a);
  });

  it('validationSplit holds out the last samples and logs val_ keys; validationData too', async () => {
    const { x, y } = regressionData(20);
    const model = regressor();
    model.compile({ optimizer: 'sgd', optimizerOptions: { lr: 0.01 }, loss: 'meanSquaredError', metrics: ['mae'] });
    const h = await model.fit(x, y, { epochs: 2, validationSplit: 0.25, verbose: 0, shuffle: false });
    expect(Object.keys(h.history)).toEqual(['loss', 'mae', 'val_loss', 'val_mae']);
    // the validation loss is the model's evaluate() on the last 5 samples after the epoch
    const { slice } = await import('@tensorkit/tensor');
    const ev = await model.evaluate(slice(x, [[15, 20]]), slice(y, [[15, 20]]));
    expect(h.history.val_loss![1]).toBeCloseTo(ev.loss!, 5);
    const h2 = await model.fit(x, y, { epochs: 1, validationData: [x, y], verbose: 0 });
    expect(h2.history.val_mae).toHaveLength(1);
  });

  it('reads the device only at epoch ends unless a callback asks for batch logs', async () => {
    const { x, y } = regressionData(16);
    const model = regressor();
    model.compile({ optimizer: 'sgd', optimizerOptions: { lr: 0.01 }, loss: 'meanSquaredError' });
    const seen: (Logs | undefined)[] = [];
    class Every2 extends Callback {
      constructor() {
        super();
        this.batchLogInterval = 2;
      }
      override onBatchEnd(_b: number, logs: Logs | undefined): void {
        seen.push(logs);
      }
    }
    await model.fit(x, y, { batchSize: 4, shuffle: false, callbacks: [new Every2()], verbose: 0 });
    expect(seen.map((l) => l === undefined)).toEqual([true, false, true, false]);
    expect(Object.keys(seen[1]!)).toEqual(['loss']);
  });

  it('stops when a callback sets stopTraining', async () => {
    const { x, y } = regressionData(8);
    const model = regressor();
    model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
    class StopAt2 extends Callback {
      override onEpochEnd(epoch: number): void {
        if (epoch === 1) this.context.stopTraining = true;
      }
    }
    const h = await model.fit(x, y, { epochs: 10, callbacks: [new StopAt2()], verbose: 0 });
    expect(h.epoch).toEqual([0, 1]);
  });

  it('predict is batched and equals one forward pass; it restores the training mode', async () => {
    const { x } = regressionData(10);
    const model = regressor();
    const all = await model.predict(x, { batchSize: 3 });
    expect(all.shape).toEqual([10, 1]);
    expect(Array.from(all.dataSync())).toEqual(Array.from(model.apply(x).dataSync()));
    expect(model.training).toBe(true);
  });

  it('adds regularization penalties to the loss', async () => {
    const { l2 } = await import('../src/regularizers/norms');
    const x = tensor([[1, 2]]);
    const y = tensor([[0]]);
    const plain = new Sequential([dense({ units: 1, inputShape: [2], seed: 1 })]);
    const reg = new Sequential([dense({ units: 1, inputShape: [2], seed: 1, kernelRegularizer: l2(0.5) })]);
    for (const m of [plain, reg]) m.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
    const a = await plain.evaluate(x, y);
    const b = await reg.evaluate(x, y);
    const w = plain.parameters()[0]!.dataSync();
    expect(b.loss! - a.loss!).toBeCloseTo(0.5 * (w[0]! ** 2 + w[1]! ** 2), 5);
  });
});

describe('compile', () => {
  it('warns once when a softmax output meets a loss that expects logits, and for the reverse', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      const soft = new Sequential([dense({ units: 3, activation: 'softmax', inputShape: [2] })]);
      soft.compile({ optimizer: 'sgd', loss: 'crossEntropy' });
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]![0])).toContain("ends in softmax but loss 'crossEntropy' expects logits");
      const logits = new Sequential([dense({ units: 3, inputShape: [2] })]);
      logits.compile({ optimizer: 'sgd', loss: 'categoricalCrossEntropy' });
      expect(warn).toHaveBeenCalledTimes(2);
      expect(String(warn.mock.calls[1]![0])).toContain('outputs logits');
      logits.compile({ optimizer: 'sgd', loss: 'categoricalCrossEntropy', lossOptions: { fromLogits: true } });
      soft.compile({ optimizer: 'sgd', loss: 'categoricalCrossEntropy' });
      expect(warn).toHaveBeenCalledTimes(2);
    } finally {
      warn.mockRestore();
    }
  });

  it('accepts plugin objects, optimizer instances and loss functions', async () => {
    const { SGD } = await import('@tensorkit/optim');
    const { meanSquaredError } = await import('@tensorkit/losses');
    const { x, y } = regressionData(8);
    const model = regressor();
    const opt = new SGD(model.trainableParameters(), { lr: 0.01 });
    model.compile({ optimizer: opt, loss: (t, p) => meanSquaredError(t, p), metrics: [] });
    const h = await model.fit(x, y, { verbose: 0 });
    expect(h.history.loss).toHaveLength(1);
  });

  it('rejects unknown names, bad options and an uncompiled fit', async () => {
    const model = regressor();
    expectError(() => model.compile({ optimizer: 'adamm' as never, loss: 'meanSquaredError' }), 'NOT_REGISTERED', "'adamm'");
    expectError(() => model.compile({ optimizer: 'sgd', loss: 'mse2' as never }), 'NOT_REGISTERED', "'mse2'");
    expectError(() => model.compile({ optimizer: 'sgd', loss: 'meanSquaredError', metrics: ['mae', 'mae'] }), 'INVALID_ARGUMENT', "two metrics log as 'mae'");
    expectError(() => model.compile({ optimizer: 'sgd', loss: 'meanSquaredError', metric: [] } as never), 'INVALID_ARGUMENT', "unknown option 'metric'");
    const { x, y } = regressionData(8);
    await expectRejection(regressor().fit(x, y, { verbose: 0 }), 'INVALID_STATE', 'not compiled', 'model.compile');
    model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
    await expectRejection(model.fit(x, tensor([[1]]), { verbose: 0 }), 'SHAPE_MISMATCH', 'x [8,3] has 8 samples but y [1,1] has 1');
    await expectRejection(model.fit(x, y, { epochs: NaN, verbose: 0 }), 'INVALID_ARGUMENT', "'epochs' must be an integer");
    await expectRejection(model.fit(x, y, { validationSplit: 1, verbose: 0 }), 'INVALID_ARGUMENT', 'validationSplit 1');
    await expectRejection(model.fit(x, y, { batchsize: 4 } as never), 'INVALID_ARGUMENT', "unknown option 'batchsize'");
    await expectRejection(model.evaluate(x, y, { batchSize: 0 }), 'INVALID_ARGUMENT', "evaluate: 'batchSize'");
    await expectRejection(model.predict(variable(tensor(1))), 'INVALID_SHAPE', 'predict: x is a scalar');
  });
});

describe('compile with an optimizer factory (NAMES.md: sgd({ lr, momentum }))', () => {
  it('accepts sgd({ ... }) and the plugin itself, and trains', async () => {
    const { sgd, adam } = await import('@tensorkit/optim');
    const { x, y } = regressionData();
    for (const optimizer of [sgd({ lr: 0.05, momentum: 0.9 }), adam]) {
      const model = new Sequential([dense({ units: 1, inputShape: [x.shape[1]!], seed: 3 })]);
      model.compile({ optimizer, loss: 'mse' });
      const history = await model.fit(x, y, { epochs: 8, batchSize: 8, verbose: 0 });
      const loss = history.history.loss!;
      expect(loss.at(-1)!).toBeLessThan(loss[0]!);
      model.dispose();
    }
    expectError(() => sgd({ lr: -1 }), 'INVALID_ARGUMENT', 'sgd', 'lr');
  });
});
