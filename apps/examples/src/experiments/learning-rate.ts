/*
 * learning-rate: the same network, data and seed trained with SGD at three learning rates. Too low
 * barely moves; too high overshoots the valley more each step until the loss explodes.
 */
import { dispose } from '@tensorkit/tensor';
import { meanSquaredErrorLoss } from '@tensorkit/losses';
import { teacherStudent, toTensors } from '../data/index';
import { lineChart, savePlot } from '../plot/index';
import { curve, fmt } from '../course/format';
import { mlp } from '../course/models';
import type { Experiment, ExperimentOptions, ExperimentResult } from './types';

const RATES = [
  { key: 'low', label: 'too low', lr: 1e-3 },
  { key: 'right', label: 'just right', lr: 0.1 },
  { key: 'high', label: 'too high', lr: 2 },
] as const;

/** A run diverged when its loss is no longer finite or ended above where it started. */
function diverged(initial: number, losses: readonly number[]): boolean {
  const last = losses.at(-1) ?? NaN;
  return losses.some((l) => !Number.isFinite(l)) || last > initial;
}

async function run({ fast, outDir, log }: ExperimentOptions): Promise<ExperimentResult> {
  const epochs = fast ? 20 : 60;
  const { x, y } = toTensors(teacherStudent(256, { inputs: 8, hidden: 16, seed: 1 }), 'values');
  const metrics: Record<string, number> = {};
  const series = [];
  for (const r of RATES) {
    const model = mlp({ inputs: 8, hidden: [32], outputs: 1, activation: 'tanh', seed: 3 });
    model.compile({ optimizer: 'sgd', optimizerOptions: { lr: r.lr }, loss: meanSquaredErrorLoss });
    const initial = (await model.evaluate(x, y)).loss!;
    const h = await model.fit(x, y, { epochs, batchSize: 32, seed: 5, verbose: 0 });
    const losses = h.history.loss ?? [];
    const final = losses.at(-1) ?? NaN;
    metrics[`${r.key}Initial`] = initial;
    metrics[`${r.key}Final`] = final;
    metrics[`${r.key}Diverged`] = diverged(initial, losses) ? 1 : 0;
    log(`lr ${r.lr} (${r.label}): loss ${fmt(initial)} -> ${fmt(final)}`);
    series.push({ name: `lr ${r.lr} (${r.label})`, points: [[0, initial] as [number, number], ...curve(losses)] });
    model.dispose();
  }
  dispose([x, y]);
  const plot = await savePlot(outDir, 'learning-rate.png', lineChart({
    title: 'SGD on one regression problem at three learning rates', xTitle: 'epoch', yTitle: 'training loss (MSE)',
    series, logY: true, yDomain: [1e-2, 1e2],
  }));
  const names = RATES.filter((r) => metrics[`${r.key}Diverged`] === 1).map((r) => `lr ${r.lr} (${r.label})`);
  const verdict =
    `${names.length ? names.join(', ') : 'no rate'} diverges (loss ${fmt(metrics.highFinal!)}); ` +
    `lr ${RATES[1].lr} reaches ${fmt(metrics.rightFinal!)}; lr ${RATES[0].lr} is still at ${fmt(metrics.lowFinal!)} after ${epochs} epochs`;
  return { verdict, metrics, plots: [plot] };
}

/** Too low, just right and too high: which learning rate diverges. */
export const experiment: Experiment = { name: 'learning-rate', title: 'SGD with a learning rate too low, just right and too high', run };
