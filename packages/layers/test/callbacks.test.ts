import { describe, expect, it } from 'vitest';
import { tensor } from '@tensorkit/tensor';
import { expectError, expectRejection, Recorder, regressionData } from './training-helpers';
import { Sequential } from '../src/sequential';
import { dense } from '../src/layers/dense';
import { Callback, type Logs } from '../src/callbacks/callback';
import { earlyStopping } from '../src/callbacks/early-stopping';
import { progressBar, formatDuration } from '../src/callbacks/progress-bar';
import { lrScheduler } from '../src/callbacks/lr-scheduler';
import { terminateOnNaN } from '../src/callbacks/terminate-on-nan';

/** Feeds a fixed sequence of validation losses to the callbacks, whatever the model does. */
class FakeValLoss extends Callback {
  constructor(private readonly values: number[]) {
    super();
  }
  override onEpochEnd(epoch: number, logs: Logs): void {
    logs.val_loss = this.values[epoch]!;
  }
}

function tiny(): Sequential {
  const m = new Sequential([dense({ units: 1, inputShape: [3], seed: 0 })]);
  m.compile({ optimizer: 'sgd', optimizerOptions: { lr: 0.05 }, loss: 'meanSquaredError' });
  return m;
}

describe('earlyStopping', () => {
  it('stops after `patience` epochs without an improvement larger than minDelta', async () => {
    const { x, y } = regressionData(8);
    const es = earlyStopping({ patience: 2, minDelta: 0.05 });
    // improvements: 1.0 (best), 0.9 (best), 0.88 (< 0.05 better: wait 1), 0.87 (wait 2 -> stop at epoch 3)
    const h = await tiny().fit(x, y, { epochs: 10, validationData: [x, y], callbacks: [new FakeValLoss([1, 0.9, 0.88, 0.87, 0.1]), es], verbose: 0 });
    expect(h.epoch).toEqual([0, 1, 2, 3]);
    expect(es.stoppedEpoch).toBe(3);
    expect(es.bestEpoch).toBe(1);
  });

  it("mode 'max' (and 'auto' for accuracy-like keys) looks for increases; patience 0 stops at the first miss", async () => {
    const { x, y } = regressionData(8);
    class FakeAcc extends Callback {
      override onEpochEnd(epoch: number, logs: Logs): void {
        logs.val_accuracy = [0.5, 0.6, 0.6, 0.9][epoch]!;
      }
    }
    const model = tiny();
    model.compile({ optimizer: 'sgd', loss: 'meanSquaredError', metrics: ['accuracy'] });
    const es = earlyStopping({ monitor: 'val_accuracy' });
    const h = await model.fit(x, y, { epochs: 10, validationData: [x, y], callbacks: [new FakeAcc(), es], verbose: 0 });
    expect(h.epoch).toEqual([0, 1, 2]);
  });

  it('restoreBestWeights puts back the weights of the best epoch', async () => {
    const { x, y } = regressionData(8);
    const model = tiny();
    class Snap extends Recorder {}
    const rec = new Snap(() => Array.from(model.parameters()[0]!.dataSync()));
    const es = earlyStopping({ patience: 1, restoreBestWeights: true });
    await model.fit(x, y, { epochs: 10, validationData: [x, y], callbacks: [new FakeValLoss([3, 1, 2, 2, 2]), rec, es], verbose: 0 });
    expect(es.stoppedEpoch).toBe(2);
    expect(Array.from(model.parameters()[0]!.dataSync())).toEqual(rec.probes[1]);
    expect(rec.probes[2]).not.toEqual(rec.probes[1]);
  });

  it('refuses a monitor that is never logged and bad options', async () => {
    const { x, y } = regressionData(8);
    await expectRejection(tiny().fit(x, y, { callbacks: [earlyStopping()], verbose: 0 }), 'INVALID_ARGUMENT', "monitor 'val_loss' is not logged", 'validationData');
    expectError(() => earlyStopping({ patience: -1 }), 'INVALID_ARGUMENT', "'patience' must be an integer >= 0");
    expectError(() => earlyStopping({ minDelta: NaN }), 'INVALID_ARGUMENT', "'minDelta' must be a finite number");
    expectError(() => earlyStopping({ mode: 'up' as never }), 'INVALID_ARGUMENT', "'mode' must be one of 'min', 'max', 'auto'");
  });
});

describe('progressBar', () => {
  function clock(stepMs: number): () => number {
    let t = 0;
    return () => (t += stepMs);
  }

  it('writes one plain line per epoch when not a TTY', async () => {
    const { x, y } = regressionData(8);
    const lines: string[] = [];
    const bar = progressBar({ stream: { write: (s) => lines.push(s), isTTY: false }, now: clock(250) });
    const model = tiny();
    model.compile({ optimizer: 'sgd', optimizerOptions: { lr: 0 }, loss: 'meanSquaredError', metrics: ['mae'] });
    const h = await model.fit(x, y, { epochs: 2, batchSize: 4, callbacks: [bar], verbose: 0 });
    const fmt = (v: number): string => v.toFixed(4);
    expect(lines).toEqual([
      `Epoch 1/2 - 2 steps - 250ms - loss: ${fmt(h.history.loss![0]!)} - mae: ${fmt(h.history.mae![0]!)}\n`,
      `Epoch 2/2 - 2 steps - 250ms - loss: ${fmt(h.history.loss![1]!)} - mae: ${fmt(h.history.mae![1]!)}\n`,
    ]);
  });

  it('draws a live bar with ETA in a TTY, redrawing every updateEvery batches', async () => {
    const { x, y } = regressionData(8);
    const out: string[] = [];
    const bar = progressBar({ stream: { write: (s) => out.push(s), isTTY: true }, live: true, width: 10, updateEvery: 2, now: clock(100) });
    const h = await tiny().fit(x, y, { epochs: 1, batchSize: 2, shuffle: false, callbacks: [bar], verbose: 0 });
    expect(out).toHaveLength(3); // batches 2 and 4, then the epoch line
    expect(out[0]!.endsWith('\x1b[K')).toBe(true); // erase the rest of the line
    expect(out[0]!.slice(0, -3)).toMatch(/^\rEpoch 1\/1 \[=====>\.\.\.\.\] 2\/4 - ETA 100ms - loss: \d+\.\d{4}$/);
    expect(out[2]).toBe(`\rEpoch 1/1 [==========] 4/4 - 300ms - loss: ${h.history.loss![0]!.toFixed(4)}\x1b[K\n`);
  });

  it('formats durations and rejects bad options', () => {
    expect([formatDuration(850), formatDuration(1234), formatDuration(12_345), formatDuration(125_000)]).toEqual(['850ms', '1.23s', '12.3s', '2m05s']);
    expectError(() => progressBar({ width: 0 }), 'INVALID_ARGUMENT', "progressBar: 'width' must be an integer >= 1");
  });
});

describe('lrScheduler and terminateOnNaN', () => {
  it('steps a scheduler every epoch and logs the lr used', async () => {
    const { x, y } = regressionData(8);
    const h = await tiny().fit(x, y, { epochs: 4, callbacks: [lrScheduler('stepLR', { options: { stepSize: 2, gamma: 0.1 } })], verbose: 0 });
    expect(h.history.lr!.map((v) => +v.toPrecision(6))).toEqual([0.05, 0.05, 0.005, 0.005]);
  });

  it('feeds the monitored value to reduceLROnPlateau', async () => {
    const { x, y } = regressionData(8);
    const sched = lrScheduler('reduceLROnPlateau', { monitor: 'val_loss', options: { patience: 0, factor: 0.5 } });
    const h = await tiny().fit(x, y, { epochs: 4, validationData: [x, y], callbacks: [new FakeValLoss([1, 1, 1, 1]), sched], verbose: 0 });
    expect(h.history.lr!.map((v) => +v.toPrecision(6))).toEqual([0.05, 0.05, 0.025, 0.0125]) // epoch 0 sets the best; each later epoch is a miss;
  });

  it('terminateOnNaN stops when the loss is not finite', async () => {
    const model = new Sequential([dense({ units: 1, inputShape: [1], seed: 0 })]);
    model.compile({ optimizer: 'sgd', optimizerOptions: { lr: 1e3 }, loss: 'meanSquaredError' });
    const stop = terminateOnNaN();
    const h = await model.fit(tensor([[1e4], [-1e4]]), tensor([[1], [2]]), { epochs: 50, callbacks: [stop], verbose: 0 });
    expect(h.epoch.length).toBeLessThan(50);
    expect(Number.isFinite(h.history.loss!.at(-1)!)).toBe(false);
    expect(stop.stoppedAt).toBe(String(h.epoch.at(-1)));
    expectError(() => terminateOnNaN({ checkEvery: 0 }), 'INVALID_ARGUMENT', "'checkEvery' must be an integer >= 1");
    expectError(() => lrScheduler(42 as never), 'INVALID_ARGUMENT', 'lrScheduler: expected a scheduler');
  });
});
