import { Callback, Sequential, dense, type Logs } from '@tensorkit/layers';
import { dispose, setSeed } from '@tensorkit/tensor';
import { teacherStudent, toTensors } from '../data/index';
import { fmt } from '../course/format';
import { lineChart, panels, savePlot, type Series } from '../plot/index';
import type { Experiment } from './types';

/**
 * Records the wall time (seconds since training began) at the end of every epoch, and stops
 * training once `budget` seconds have passed: every variant gets the same time.
 */
class EpochClock extends Callback {
  private t0 = 0;
  readonly seconds: number[] = [];
  constructor(private readonly budget: number) {
    super();
  }
  override onTrainBegin(): void {
    this.t0 = performance.now();
  }
  override onEpochEnd(_epoch: number, _logs: Logs): void {
    this.seconds.push((performance.now() - this.t0) / 1000);
    if (this.seconds.at(-1)! >= this.budget) this.context.stopTraining = true;
  }
}

interface Run {
  name: string;
  batchSize: number;
  losses: number[];
  seconds: number[];
}

/**
 * `gradient-descent`: one regression problem (a student MLP fitting a random tanh teacher), one
 * learning rate, three batch sizes: all n samples (batch GD), 1 (stochastic GD) and 32 (mini-batch),
 * each trained for the same wall-time budget.
 */
export const experiment: Experiment = {
  name: 'gradient-descent',
  title: 'batch vs. stochastic vs. mini-batch gradient descent: loss against epochs and wall time',
  async run({ fast, outDir, log }) {
    const n = fast ? 128 : 512;
    const budget = fast ? 0.6 : 4; // seconds per variant
    const maxEpochs = fast ? 100 : 1000;
    const { x, y } = toTensors(teacherStudent(n, { inputs: 8, hidden: 16, noise: 0.05, seed: 3 }), 'values');
    const runs: Run[] = [];
    for (const [name, batchSize] of [[`batch (${n})`, n], ['stochastic (1)', 1], ['mini-batch (32)', 32]] as const) {
      setSeed(7); // the same initial weights for every variant
      const model = new Sequential([dense({ units: 16, activation: 'tanh', inputShape: [8] }), dense({ units: 1 })]);
      model.compile({ optimizer: 'sgd', optimizerOptions: { lr: 0.05 }, loss: 'mse' });
      const clock = new EpochClock(budget);
      // The loss on the whole training set at each epoch's end (val_ on the same data), so the
      // three runs are measured alike, not by their noisy running averages.
      const history = await model.fit(x, y, { epochs: maxEpochs, batchSize, seed: 1, validationData: [x, y], callbacks: [clock], verbose: 0 });
      const losses = history.history.val_loss!;
      runs.push({ name, batchSize, losses, seconds: clock.seconds });
      log(`${name.padEnd(16)} ${losses.length} epochs (${Math.ceil(n / batchSize) * losses.length} steps) in ${clock.seconds.at(-1)!.toFixed(2)} s: loss after 1 epoch ${fmt(losses[0]!)}, at the end ${fmt(losses.at(-1)!)}`);
      model.dispose();
    }
    dispose([x, y]);

    const byEpoch: Series[] = runs.map((r) => ({ name: r.name, points: r.losses.map((l, e) => [e + 1, l] as const) }));
    const byTime: Series[] = runs.map((r) => ({ name: r.name, points: r.losses.map((l, e) => [r.seconds[e]!, l] as const) }));
    const common = { yTitle: 'training MSE', logY: true, width: 330, height: 230 };
    const plot = await savePlot(outDir, 'gradient-descent.png', panels([
      lineChart({ ...common, title: 'loss against epochs', xTitle: 'epoch (log scale)', series: byEpoch, logX: true }),
      lineChart({ ...common, title: 'loss against wall time', xTitle: 'seconds', series: byTime }),
    ], { title: `SGD (lr 0.05) on ${n} samples, batch size n, 1 and 32, ${budget} s each` }));

    const [batch, stochastic, mini] = runs as [Run, Run, Run];
    const metrics: Record<string, number> = {};
    for (const [key, r] of [['batch', batch], ['stochastic', stochastic], ['minibatch', mini]] as const) {
      metrics[`${key}FirstEpochLoss`] = r.losses[0]!;
      metrics[`${key}BestLoss`] = Math.min(...r.losses);
      metrics[`${key}Epochs`] = r.losses.length;
    }
    const fastest = runs.reduce((a, b) => (Math.min(...b.losses) < Math.min(...a.losses) ? b : a));
    return {
      verdict:
        `per epoch, stochastic GD learns most (loss after 1 epoch ${fmt(metrics.stochasticFirstEpochLoss!)} vs mini-batch ${fmt(metrics.minibatchFirstEpochLoss!)}, batch ${fmt(metrics.batchFirstEpochLoss!)}); ` +
        `in ${budget} s each, ${fastest.name} gets lowest (${runs.map((r) => `${r.name.split(' ')[0]} ${fmt(Math.min(...r.losses))}`).join(', ')})`,
      metrics,
      plots: [plot],
    };
  },
};
