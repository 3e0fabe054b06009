/*
 * weight-init, in two parts.
 * 1. Zero init: every hidden unit computes the same function of the input, receives the same
 *    gradient and takes the same step, so they stay identical forever (the symmetry is never
 *    broken) and the network is no better than one hidden unit: a straight decision boundary.
 * 2. Scale: the activations' std across 20 layers. Xavier (variance 1/fan) suits tanh, which
 *    is linear near 0; ReLU zeroes half its inputs, halving the signal's second moment every
 *    layer unless He's 2/fanIn makes up for it; a too-small init shrinks it geometrically.
 */
import { noGrad } from '@tensorkit/autograd';
import { dispose, randn, std, tidy, type Tensor } from '@tensorkit/tensor';
import { randomNormal } from '@tensorkit/init';
import { crossEntropyLoss } from '@tensorkit/losses';
import { Dense, dense, Sequential, type InitializerSpec } from '@tensorkit/layers';
import type { RegisteredName } from '@tensorkit/core';
import { moons, toTensors } from '../data/index';
import { heatmap, lineChart, panels, savePlot } from '../plot/index';
import { fmt } from '../course/format';
import { probabilityGrid } from '../course/grid';
import { initializer, seeded } from '../course/init';
import { mlp } from '../course/models';
import type { Experiment, ExperimentOptions, ExperimentResult } from './types';

const HIDDEN = 16;

/** Trains a 2-16-2 sigmoid net on moons from all-zero or PyTorch's default weights; returns it with its accuracy. */
async function trainMoons(init: 'zeros' | 'default', epochs: number) {
  const data = moons(200, { noise: 0.1, seed: 3 });
  const { x, y } = toTensors(data);
  const model = mlp({ inputs: 2, hidden: [HIDDEN], outputs: 2, activation: 'sigmoid', seed: 5,
    ...(init === 'zeros' ? { kernelInitializer: 'zeros', biasInitializer: 'zeros' } : {}) });
  model.compile({ optimizer: 'adam', optimizerOptions: { lr: 0.1 }, loss: crossEntropyLoss, metrics: ['accuracy'] });
  await model.fit(x, y, { epochs, batchSize: 50, seed: 1, verbose: 0 });
  const { accuracy } = await model.evaluate(x, y);
  dispose([x, y]);
  return { model, data, accuracy: accuracy! };
}

/** The largest difference between any hidden unit's incoming weights and bias and unit 0's. */
async function hiddenSpread(model: Sequential): Promise<{ spread: number; norm: number }> {
  const first = model.layers.items[0] as Dense;
  const kernel = await first.kernel!.array() as number[][];
  const bias = await first.bias!.data();
  const units = Array.from({ length: HIDDEN }, (_, j) => [...kernel.map((row) => row[j]!), bias[j]!]);
  const spread = Math.max(...units.flatMap((u) => u.map((w, k) => Math.abs(w - units[0]![k]!))));
  const norm = Math.sqrt(units.flat().reduce((s, w) => s + w * w, 0));
  return { spread, norm };
}

const DEPTH_RUNS = [
  { key: 'tanhXavier', label: 'tanh + Xavier', activation: 'tanh', init: 'glorotNormal' },
  { key: 'tanhHe', label: 'tanh + He', activation: 'tanh', init: 'heNormal' },
  { key: 'reluXavier', label: 'ReLU + Xavier', activation: 'relu', init: 'glorotNormal' },
  { key: 'reluHe', label: 'ReLU + He', activation: 'relu', init: 'heNormal' },
  { key: 'reluSmall', label: 'ReLU + N(0, 0.05²)', activation: 'relu', init: initializer('normal(std 0.05)', (s, seed) => randomNormal(s, { std: 0.05, ...seeded(seed) })) },
] as const;

/** The std of the input and of every layer's output, for `depth` dense layers of `width` units. */
async function stdAcrossDepth(x: Tensor, act: RegisteredName<'activation'>, init: InitializerSpec, depth: number): Promise<number[]> {
  const width = x.shape[1]!;
  const layers = Array.from({ length: depth }, (_, i) => dense({ units: width, activation: act, kernelInitializer: init, biasInitializer: 'zeros', seed: 100 + i }));
  const stds = noGrad(() => tidy(() => {
    let h = x;
    return [std(x), ...layers.map((l) => (h = l.apply(h), std(h)))];
  }));
  const values = await Promise.all(stds.map(async (s) => (await s.data())[0]!));
  dispose(stds);
  layers.forEach((l) => l.dispose());
  return values;
}

async function run({ fast, outDir, log }: ExperimentOptions): Promise<ExperimentResult> {
  const metrics: Record<string, number> = {};
  const boundaries = [];
  for (const [key, init, label] of [['zero', 'zeros', 'zero init'], ['random', 'default', 'PyTorch default init']] as const) {
    const { model, data, accuracy } = await trainMoons(init, fast ? 30 : 150);
    const { spread, norm } = await hiddenSpread(model);
    metrics[`${key}Accuracy`] = accuracy;
    metrics[`${key}HiddenSpread`] = spread;
    metrics[`${key}HiddenNorm`] = norm;
    log(`${label}: accuracy ${fmt(accuracy)}, hidden units differ by up to ${fmt(spread)} (weights' norm ${fmt(norm)})`);
    boundaries.push(heatmap({
      title: `${label}: accuracy ${accuracy.toFixed(2)}`, ...(await probabilityGrid(model, data)), domain: [0, 1], size: 220,
      points: data.x.map(([a, b], i) => ({ x: a!, y: b!, label: data.y[i]! })),
    }));
    model.dispose();
  }

  const depth = 20;
  const x = randn([fast ? 256 : 1024, fast ? 128 : 256], { seed: 9 });
  const series = [];
  for (const r of DEPTH_RUNS) {
    const stds = await stdAcrossDepth(x, r.activation, r.init, depth);
    const ratios = stds.map((s) => s / stds[0]!);
    metrics[`${r.key}FinalRatio`] = ratios.at(-1)!;
    metrics[`${r.key}MinRatio`] = Math.min(...ratios.slice(1));
    metrics[`${r.key}MaxRatio`] = Math.max(...ratios.slice(1));
    log(`${r.label}: activation std / input std at layers 1, 10, 20: ${[1, 10, 20].map((l) => fmt(ratios[l]!)).join(', ')}`);
    series.push({ name: r.label, points: ratios.map((v, i): [number, number] => [i, v]) });
  }
  dispose(x);

  const plots = [
    await savePlot(outDir, 'zero-init.png', panels(boundaries, { title: `A 2-${HIDDEN}-2 sigmoid net on moons, P(class 1)` })),
    await savePlot(outDir, 'activation-std.png', lineChart({
      title: `Activation std across ${depth} layers (input std 1)`, xTitle: 'layer', yTitle: 'std of the activations / std of the input',
      series, logY: true, yDomain: [1e-6, 10], points: true,
    })),
  ];
  const verdict =
    `zero init: all ${HIDDEN} hidden units stay identical (max difference ${fmt(metrics.zeroHiddenSpread!)}), accuracy ${fmt(metrics.zeroAccuracy!)} vs ${fmt(metrics.randomAccuracy!)}; ` +
    `after ${depth} layers the activation std is ${fmt(metrics.reluHeFinalRatio!)}x the input's with ReLU + He, ${fmt(metrics.reluXavierFinalRatio!)}x with ReLU + Xavier, ` +
    `${fmt(metrics.reluSmallFinalRatio!)}x with N(0, 0.05²), ${fmt(metrics.tanhXavierFinalRatio!)}x with tanh + Xavier`;
  return { verdict, metrics, plots };
}

/** Zero init never breaks symmetry; Xavier vs. He across depth. */
export const experiment: Experiment = { name: 'weight-init', title: 'Zero init keeps hidden units identical; Xavier vs. He on tanh and ReLU nets', run };
