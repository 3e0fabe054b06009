/*
 * optimizers: one network, one initialization, the same mini-batches, six update rules. Plain SGD
 * steps along the current gradient only; momentum (and Nesterov's look-ahead variant) keeps a
 * running velocity, so consistent directions add up; Adagrad, RMSprop and Adam divide each
 * weight's step by the size of its past gradients, so every weight moves at a similar pace.
 */
import { dispose, type Tensor } from '@tensorkit/tensor';
import { crossEntropyLoss } from '@tensorkit/losses';
import type { CompileConfig } from '@tensorkit/layers';
import { spirals, toTensors } from '../data/index';
import { lineChart, savePlot } from '../plot/index';
import { curve, fmt } from '../course/format';
import { mlp } from '../course/models';
import type { Experiment, ExperimentOptions, ExperimentResult } from './types';

const LR = 0.05;

const OPTIMIZERS = [
  { key: 'sgd', name: 'SGD', label: `SGD (lr ${LR})`, optimizer: 'sgd', options: { lr: LR } },
  { key: 'momentum', name: 'momentum', label: `momentum (lr ${LR})`, optimizer: 'sgd', options: { lr: LR, momentum: 0.9 } },
  { key: 'nesterov', name: 'Nesterov', label: `Nesterov (lr ${LR})`, optimizer: 'sgd', options: { lr: LR, momentum: 0.9, nesterov: true } },
  { key: 'adagrad', name: 'Adagrad', label: 'Adagrad (lr 0.1)', optimizer: 'adagrad', options: { lr: 0.1 } },
  { key: 'rmsprop', name: 'RMSprop', label: 'RMSprop (lr 0.01)', optimizer: 'rmsprop', options: { lr: 0.01 } },
  { key: 'adam', name: 'Adam', label: 'Adam (lr 0.01)', optimizer: 'adam', options: { lr: 0.01 } },
] as const satisfies readonly { key: string; name: string; label: string; optimizer: CompileConfig['optimizer']; options: Record<string, unknown> }[];

async function trainWith(o: (typeof OPTIMIZERS)[number], x: Tensor, y: Tensor, epochs: number): Promise<number[]> {
  const model = mlp({ inputs: 2, hidden: [32, 32], outputs: 2, activation: 'tanh', seed: 41 });
  model.compile({ optimizer: o.optimizer, optimizerOptions: o.options, loss: crossEntropyLoss });
  const initial = (await model.evaluate(x, y)).loss!;
  const h = await model.fit(x, y, { epochs, batchSize: 64, seed: 4, verbose: 0 });
  const final = (await model.evaluate(x, y)).loss!;
  model.dispose();
  // the epoch losses are running means over each epoch; the ends are exact full-data losses
  return [initial, ...(h.history.loss ?? []).slice(0, -1), final];
}

async function run({ fast, outDir, log }: ExperimentOptions): Promise<ExperimentResult> {
  const epochs = fast ? 20 : 100;
  const { x, y } = toTensors(spirals(256, { noise: 0.1, seed: 8 }));
  const metrics: Record<string, number> = {};
  const series = [];
  for (const o of OPTIMIZERS) {
    const losses = await trainWith(o, x, y, epochs);
    metrics[`${o.key}Initial`] = losses[0]!;
    metrics[`${o.key}Final`] = losses.at(-1)!;
    log(`${o.label}: loss ${fmt(losses[0]!)} -> ${fmt(losses.at(-1)!)}`);
    series.push({ name: o.label, points: curve(losses, 0) });
  }
  dispose([x, y]);
  const plot = await savePlot(outDir, 'optimizers.png', lineChart({
    title: `A 2-32-32-2 tanh net on spirals: same init, same batches (64), ${epochs} epochs`, xTitle: 'epoch', yTitle: 'training loss (cross-entropy)',
    series, logY: true,
  }));
  const ranked = [...OPTIMIZERS].sort((a, b) => metrics[`${a.key}Final`]! - metrics[`${b.key}Final`]!);
  const verdict = `final training loss after ${epochs} epochs: ${ranked.map((o) => `${o.name} ${fmt(metrics[`${o.key}Final`]!)}`).join(', ')}`;
  return { verdict, metrics, plots: [plot] };
}

/** Six optimizers on the same network. */
export const experiment: Experiment = { name: 'optimizers', title: 'SGD, momentum, Nesterov, Adagrad, RMSprop and Adam on the same network', run };
