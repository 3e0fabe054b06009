/*
 * exploding-gradients: a deep ReLU net whose weights are drawn too large (std 0.5 at width 32 is
 * twice He's scale per layer, so activations and gradients grow ~2x per layer). Plain SGD takes
 * a step the size of that gradient and lands somewhere even steeper: the loss overflows within a
 * few steps. clipGradNorm rescales each step's gradient to norm ≤ 1, so the same optimizer and
 * learning rate walk the weights down to a sane scale and keep training.
 */
import { dispose, mean, square, sub, type Tensor } from '@tensorkit/tensor';
import { randomNormal } from '@tensorkit/init';
import { SGD } from '@tensorkit/optim';
import { teacherStudent, toTensors } from '../data/index';
import { lineChart, panels, savePlot } from '../plot/index';
import { fmt } from '../course/format';
import { initializer, seeded } from '../course/init';
import { trainSteps, type StepRecord } from '../course/manual-training';
import { mlp } from '../course/models';
import type { Experiment, ExperimentOptions, ExperimentResult } from './types';

const DEPTH = 8;
const WIDTH = 32;
const INIT_STD = 0.5;
const LR = 0.1;
const MAX_NORM = 1;

const large = initializer(`normal(std ${INIT_STD})`, (shape, seed) => randomNormal(shape, { std: INIT_STD, ...seeded(seed) }));

async function train(x: Tensor, y: Tensor, steps: number, maxNorm?: number): Promise<StepRecord[]> {
  const model = mlp({ inputs: 8, hidden: Array<number>(DEPTH).fill(WIDTH), outputs: 1, activation: 'relu', kernelInitializer: large, seed: 11 });
  const params = model.trainableParameters();
  const optimizer = new SGD(params, { lr: LR });
  const records = await trainSteps({
    loss: () => mean(square(sub(model.apply(x), y))), params, optimizer, steps, ...(maxNorm === undefined ? {} : { maxNorm }),
  });
  optimizer.dispose();
  model.dispose();
  return records;
}

async function run({ fast, outDir, log }: ExperimentOptions): Promise<ExperimentResult> {
  const steps = fast ? 100 : 400;
  const { x, y } = toTensors(teacherStudent(64, { inputs: 8, seed: 4 }), 'values');
  const plain = await train(x, y, steps);
  const clipped = await train(x, y, steps, MAX_NORM);
  dispose([x, y]);

  const plainFinite = plain.filter((r) => Number.isFinite(r.loss) && Number.isFinite(r.gradNorm));
  const metrics = {
    initialLoss: clipped[0]!.loss,
    initialGradNorm: clipped[0]!.gradNorm,
    plainSteps: plain.length,
    plainFinalLoss: plain.at(-1)!.loss,
    plainMaxGradNorm: Math.max(...plain.map((r) => (Number.isNaN(r.gradNorm) ? Infinity : r.gradNorm))),
    plainDiverged: plainFinite.length < plain.length ? 1 : 0,
    clippedSteps: clipped.length,
    clippedFinalLoss: clipped.at(-1)!.loss,
    clippedMaxLoss: Math.max(...clipped.map((r) => r.loss)),
  };
  log(`without clipping: loss ${plain.map((r) => fmt(r.loss)).join(' -> ')}`);
  log(`with clipGradNorm(${MAX_NORM}): loss ${fmt(metrics.initialLoss)} -> ${fmt(metrics.clippedFinalLoss)} in ${clipped.length} steps`);

  // the plain run's last value is infinite: drawn at the top edge (the scale clamps) rather than dropped
  const top = (v: number) => (Number.isFinite(v) ? v : Number.MAX_VALUE);
  const chart = (title: string, yTitle: string, pick: (r: StepRecord) => number, yDomain: [number, number]) => lineChart({
    title, xTitle: 'step', yTitle, logY: true, width: 360, height: 240, yDomain,
    series: [
      { name: 'no clipping', points: plain.map((r, i): [number, number] => [i, top(pick(r))]) },
      { name: `clipGradNorm(${MAX_NORM})`, points: clipped.map((r, i): [number, number] => [i, pick(r)]) },
    ],
  });
  const plot = await savePlot(outDir, 'exploding-gradients.png', panels([
    chart('Training loss', 'loss (MSE)', (r) => r.loss, [0.1, 1e9]),
    chart('Gradient norm before clipping', '‖gradient‖', (r) => r.gradNorm, [1, 1e10]),
  ], { title: `${DEPTH + 1}-layer ReLU net, weights ~ N(0, ${INIT_STD}²), SGD lr ${LR}` }));

  const verdict =
    `without clipping the loss is ${fmt(metrics.plainFinalLoss)} after ${plain.length} steps (gradient norm ${fmt(metrics.initialGradNorm)} -> ${fmt(metrics.plainMaxGradNorm)}); ` +
    `with clipGradNorm(${MAX_NORM}) it trains from ${fmt(metrics.initialLoss)} to ${fmt(metrics.clippedFinalLoss)} in ${clipped.length} steps`;
  return { verdict, metrics, plots: [plot] };
}

/** A deep net with large weights explodes under SGD; gradient clipping tames it. */
export const experiment: Experiment = { name: 'exploding-gradients', title: 'A deep net with large init explodes without clipping and trains with clipGradNorm', run };
