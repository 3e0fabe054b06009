/*
 * batch-norm. Convergence: a 6-hidden-layer sigmoid net on spirals barely trains with SGD
 * (its gradients vanish, as in vanishing-gradients); normalizing every pre-activation to zero
 * mean and unit variance over the batch keeps the sigmoids in their steep range, and it trains.
 * Modes: in training a batch-norm layer normalizes with the batch's own mean and variance and
 * moves its running statistics 10% towards them; in eval mode it uses the running statistics,
 * so a sample's output no longer depends on the rest of its batch.
 */
import { noGrad } from '@tensorkit/autograd';
import { dispose, tensor, type Tensor } from '@tensorkit/tensor';
import { BatchNorm, type Sequential } from '@tensorkit/layers';
import { crossEntropyLoss } from '@tensorkit/losses';
import { permutation, spirals, toTensors } from '../data/index';
import { lineChart, panels, savePlot } from '../plot/index';
import { curve, fmt } from '../course/format';
import { mlp } from '../course/models';
import type { Experiment, ExperimentOptions, ExperimentResult } from './types';

const HIDDEN = [32, 32, 32, 32, 32, 32];

async function train(x: Tensor, y: Tensor, batchNorm: boolean, epochs: number): Promise<{ model: Sequential; losses: number[] }> {
  const model = mlp({ inputs: 2, hidden: HIDDEN, outputs: 2, activation: 'sigmoid', batchNorm, seed: 21 });
  model.compile({ optimizer: 'sgd', optimizerOptions: { lr: 0.2, momentum: 0.9 }, loss: crossEntropyLoss });
  const h = await model.fit(x, y, { epochs, batchSize: 128, seed: 2, verbose: 0 });
  return { model, losses: h.history.loss ?? [] };
}

/** A 2-D tensor's rows; `free` disposes it once read. */
async function rows2d(t: Tensor, free = false): Promise<number[][]> {
  const rows = (await t.array()) as number[][];
  if (free) dispose(t);
  return rows;
}

/** A column's mean and (biased) variance, as batch norm computes them in training. */
function columnStats(rows: number[][], j: number): { mean: number; variance: number } {
  const col = rows.map((r) => r[j]!);
  const mean = col.reduce((s, v) => s + v, 0) / col.length;
  return { mean, variance: col.reduce((s, v) => s + (v - mean) ** 2, 0) / col.length };
}

/**
 * The first batch-norm layer on a small batch: its eval-mode output against the same formula
 * computed by hand from the running statistics, and against its train-mode output.
 */
async function compareModes(model: Sequential, batch: Tensor) {
  const [dense, bn] = model.layers.items as [Sequential['layers']['items'][number], BatchNorm];
  const h = noGrad(() => dense.apply(batch));
  const input = await rows2d(h);
  const [rm, rv, w, b] = await Promise.all([bn.runningMean!, bn.runningVar!, bn.weight!, bn.bias!].map(async (v) => [...(await v.data())]));
  const manual = input.map((row) => row.map((v, j) => ((v - rm![j]!) / Math.sqrt(rv![j]! + bn.eps)) * w![j]! + b![j]!));
  model.eval();
  const evalOut = await rows2d(noGrad(() => bn.apply(h)), true);
  model.train();
  // train mode normalizes with this batch's statistics (and nudges the running ones, which is
  // why it comes last)
  const trainOut = await rows2d(noGrad(() => bn.apply(h)), true);
  dispose(h);
  const maxDiff = (a: number[][], c: number[][]) => Math.max(...a.flatMap((r, i) => r.map((v, j) => Math.abs(v - c[i]![j]!))));
  const stats = rm!.map((_, j) => ({ ...columnStats(input, j), runningMean: rm![j]!, runningVar: rv![j]! }));
  return { evalVsManual: maxDiff(evalOut, manual), trainVsEval: maxDiff(trainOut, evalOut), stats };
}

async function run({ fast, outDir, log }: ExperimentOptions): Promise<ExperimentResult> {
  const epochs = fast ? 20 : 100;
  const data = spirals(fast ? 256 : 512, { noise: 0.1, seed: 6 });
  const { x, y } = toTensors(data);
  const plain = await train(x, y, false, epochs);
  const withBn = await train(x, y, true, epochs);
  // a random batch: the spiral data are ordered by radius, so its first rows are all near the origin
  const batch = tensor(permutation(data.y.length, 7).slice(0, 8).map((i) => data.x[i]!));
  const modes = await compareModes(withBn.model, batch);
  dispose([x, y, batch]);
  plain.model.dispose();
  withBn.model.dispose();

  const metrics = {
    plainInitialLoss: plain.losses[0]!,
    plainFinalLoss: plain.losses.at(-1)!,
    bnInitialLoss: withBn.losses[0]!,
    bnFinalLoss: withBn.losses.at(-1)!,
    evalVsManual: modes.evalVsManual,
    trainVsEval: modes.trainVsEval,
  };
  log(`without batch norm: loss ${fmt(metrics.plainInitialLoss)} -> ${fmt(metrics.plainFinalLoss)}; with: ${fmt(metrics.bnInitialLoss)} -> ${fmt(metrics.bnFinalLoss)}`);
  log(`eval mode vs. the running-statistics formula by hand: max difference ${fmt(metrics.evalVsManual)}; train vs. eval mode: ${fmt(metrics.trainVsEval)}`);

  const statChart = (title: string, batchKey: 'mean' | 'variance', runningKey: 'runningMean' | 'runningVar') => lineChart({
    title, xTitle: 'feature', yTitle: title, points: true, width: 300, height: 220,
    series: [
      { name: 'batch (train mode)', points: modes.stats.map((s, j): [number, number] => [j, s[batchKey]]) },
      { name: 'running (eval mode)', points: modes.stats.map((s, j): [number, number] => [j, s[runningKey]]) },
    ],
  });
  const plots = [
    await savePlot(outDir, 'batch-norm-convergence.png', lineChart({
      title: `${HIDDEN.length} hidden sigmoid layers on spirals, SGD + momentum`, xTitle: 'epoch', yTitle: 'training loss (cross-entropy)',
      series: [{ name: 'without batch norm', points: curve(plain.losses) }, { name: 'with batch norm', points: curve(withBn.losses) }],
    })),
    await savePlot(outDir, 'batch-norm-statistics.png', panels([
      statChart('mean', 'mean', 'runningMean'), statChart('variance', 'variance', 'runningVar'),
    ], { title: "The first batch-norm layer's input: batch statistics (train mode) vs. running statistics (eval mode)" })),
  ];
  const verdict =
    `training loss after ${epochs} epochs: ${fmt(metrics.plainFinalLoss)} without batch norm, ${fmt(metrics.bnFinalLoss)} with it; ` +
    `eval mode uses the running statistics (matches the formula by hand to ${fmt(metrics.evalVsManual)}) and differs from train mode by up to ${fmt(metrics.trainVsEval)} on a batch of 8`;
  return { verdict, metrics, plots };
}

/** Batch norm speeds up a deep sigmoid net; train vs. eval mode. */
export const experiment: Experiment = { name: 'batch-norm', title: 'Convergence with and without batch norm; train-mode vs. eval-mode outputs', run };
