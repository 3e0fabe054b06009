/*
 * hyperparameters. Batch size: at a fixed number of epochs a small batch takes many small noisy
 * steps and a large one a few accurate ones, so small batches get further per epoch (but pay for
 * it in steps, each with a fixed overhead). Epochs and the learning-rate schedule: at a rate high
 * enough to make fast early progress, more epochs at a constant rate stop helping because the
 * weights keep bouncing around the minimum; lowering the rate as training goes on (stepLR,
 * cosineAnnealingLR through the lrScheduler callback) settles into it.
 */
import { dispose, type Tensor } from '@tensorkit/tensor';
import { crossEntropyLoss } from '@tensorkit/losses';
import { lrScheduler, type Callback } from '@tensorkit/layers';
import { spirals, toTensors } from '../data/index';
import { lineChart, panels, savePlot } from '../plot/index';
import { curve, fmt } from '../course/format';
import { mlp } from '../course/models';
import type { Experiment, ExperimentOptions, ExperimentResult } from './types';

const LR = 0.1;
/** High enough that a constant rate keeps bouncing around the minimum at the end. */
const SCHEDULE_LR = 0.3;
const SCHEDULE_BATCH = 16;
const BATCH_SIZES = [8, 32, 128] as const;

interface Run {
  loss: number[];
  lr: number[];
  seconds: number;
}

async function train(data: { x: Tensor; y: Tensor }, o: { lr: number; batchSize: number; epochs: number; callbacks?: Callback[] }): Promise<Run> {
  const model = mlp({ inputs: 2, hidden: [64, 64], outputs: 2, activation: 'tanh', seed: 51 });
  model.compile({ optimizer: 'sgd', optimizerOptions: { lr: o.lr, momentum: 0.9 }, loss: crossEntropyLoss });
  const t0 = performance.now();
  const h = await model.fit(data.x, data.y, {
    epochs: o.epochs, batchSize: o.batchSize, seed: 6, verbose: 0, callbacks: o.callbacks ?? [],
  });
  const seconds = (performance.now() - t0) / 1000;
  model.dispose();
  return { loss: h.history.loss ?? [], lr: h.history.lr ?? [], seconds };
}

async function run({ fast, outDir, log }: ExperimentOptions): Promise<ExperimentResult> {
  const n = 128;
  const data = toTensors(spirals(n, { noise: 0.1, seed: 14 }));
  const metrics: Record<string, number> = {};

  const batchEpochs = fast ? 10 : 30;
  const byBatch = [];
  for (const b of BATCH_SIZES) {
    const r = await train(data, { lr: LR, batchSize: b, epochs: batchEpochs });
    metrics[`batch${b}Loss`] = r.loss.at(-1)!;
    metrics[`batch${b}Steps`] = batchEpochs * Math.ceil(n / b);
    metrics[`batch${b}Seconds`] = r.seconds;
    log(`batch ${b}: ${metrics[`batch${b}Steps`]} steps, loss ${fmt(r.loss.at(-1)!)} after ${batchEpochs} epochs (${r.seconds.toFixed(2)} s)`);
    byBatch.push({ name: `batch ${b}`, points: curve(r.loss) });
  }

  const epochs = fast ? 20 : 60;
  const schedules = [
    { key: 'constant', label: `constant lr ${SCHEDULE_LR}`, callbacks: [] },
    { key: 'step', label: 'stepLR (÷10 halfway)', callbacks: [lrScheduler('stepLR', { options: { stepSize: epochs / 2, gamma: 0.1 } })] },
    { key: 'cosine', label: 'cosineAnnealingLR', callbacks: [lrScheduler('cosineAnnealingLR', { options: { tMax: epochs } })] },
  ];
  const lossSeries = [];
  const lrSeries = [];
  for (const s of schedules) {
    const r = await train(data, { lr: SCHEDULE_LR, batchSize: SCHEDULE_BATCH, epochs, callbacks: s.callbacks });
    metrics[`${s.key}Loss`] = r.loss.at(-1)!;
    metrics[`${s.key}HalfwayLoss`] = r.loss[epochs / 2 - 1]!;
    if (r.lr.length) {
      metrics[`${s.key}FirstLr`] = r.lr[0]!;
      metrics[`${s.key}LastLr`] = r.lr.at(-1)!;
    }
    log(`${s.label}: training loss ${fmt(r.loss[0]!)} -> ${fmt(r.loss[epochs / 2 - 1]!)} (epoch ${epochs / 2}) -> ${fmt(r.loss.at(-1)!)}`);
    lossSeries.push({ name: s.label, points: curve(r.loss) });
    lrSeries.push({ name: s.label, points: curve(r.lr.length ? r.lr : r.loss.map(() => SCHEDULE_LR)) });
  }
  metrics.epochs = epochs;
  dispose([data.x, data.y]);

  const plots = [
    await savePlot(outDir, 'batch-size.png', lineChart({
      title: `Batch size: SGD + momentum on ${n} spiral points, ${batchEpochs} epochs`, xTitle: 'epoch', yTitle: 'training loss', series: byBatch, logY: true,
    })),
    await savePlot(outDir, 'lr-schedule.png', panels([
      lineChart({ title: `Loss against epochs (batch ${SCHEDULE_BATCH}, SGD + momentum)`, xTitle: 'epoch', yTitle: 'training loss', series: lossSeries, logY: true, width: 360 }),
      lineChart({ title: 'Learning rate (the lrScheduler callback)', xTitle: 'epoch', yTitle: 'lr', series: lrSeries, logY: true, width: 300 }),
    ])),
  ];
  const verdict =
    `after ${batchEpochs} epochs batch 8 reaches loss ${fmt(metrics.batch8Loss!)} in ${metrics.batch8Steps} steps, batch 128 ${fmt(metrics.batch128Loss!)} in ` +
    `${metrics.batch128Steps} steps (${(metrics.batch8Seconds! / metrics.batch128Seconds!).toFixed(1)}x less time); after ${epochs} epochs at lr ${SCHEDULE_LR}: ` +
    `${fmt(metrics.constantLoss!)} with a constant lr, ${fmt(metrics.stepLoss!)} with stepLR, ${fmt(metrics.cosineLoss!)} with cosineAnnealingLR`;
  return { verdict, metrics, plots };
}

/** Batch size, epochs and a learning-rate schedule. */
export const experiment: Experiment = { name: 'hyperparameters', title: 'The effect of batch size and of epochs, with a learning-rate schedule', run };
