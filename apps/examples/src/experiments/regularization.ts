/*
 * regularization: 40 noisy moons and a 2-64-64-2 ReLU net, far more weights than samples. Left
 * alone it memorizes the noise: the training loss falls towards 0 while the validation loss turns
 * back up. Dropout (p 0.5), an L2 penalty on the kernels and early stopping each narrow that gap
 * between training and validation loss.
 */
import { dispose, type Tensor } from '@tensorkit/tensor';
import { crossEntropy, crossEntropyLoss } from '@tensorkit/losses';
import { earlyStopping, l2, type EarlyStopping, type Sequential } from '@tensorkit/layers';
import { moons, toTensors } from '../data/index';
import { lineChart, panels, savePlot } from '../plot/index';
import { curve, fmt } from '../course/format';
import { mlp, type MlpOptions } from '../course/models';
import type { Experiment, ExperimentOptions, ExperimentResult } from './types';

const L2 = 1e-3;
const DROPOUT = 0.5;

const RUNS = [
  { key: 'baseline', label: 'no regularization', net: {} },
  { key: 'dropout', label: `dropout ${DROPOUT}`, net: { dropout: DROPOUT } },
  { key: 'l2', label: `L2 ${L2}`, net: { kernelRegularizer: l2(L2) } },
  { key: 'early', label: 'early stopping', net: {}, early: true },
] as const satisfies readonly { key: string; label: string; net: Partial<MlpOptions>; early?: boolean }[];

/** The cross-entropy of the model's eval-mode predictions: the data loss, without any penalty. */
async function dataLoss(model: Sequential, x: Tensor, y: Tensor): Promise<number> {
  const logits = await model.predict(x);
  const loss = crossEntropy(y, logits);
  const value = (await loss.data())[0]!;
  dispose([logits, loss]);
  return value;
}

async function run({ fast, outDir, log }: ExperimentOptions): Promise<ExperimentResult> {
  const epochs = fast ? 60 : 300;
  const train = toTensors(moons(40, { noise: 0.3, seed: 12 }));
  const val = toTensors(moons(200, { noise: 0.3, seed: 13 }));
  const metrics: Record<string, number> = { epochs };
  const charts = [];
  for (const r of RUNS) {
    const model = mlp({ inputs: 2, hidden: [64, 64], outputs: 2, activation: 'relu', seed: 31, ...r.net });
    model.compile({ optimizer: 'adam', optimizerOptions: { lr: 0.02 }, loss: crossEntropyLoss });
    const stopper: EarlyStopping | undefined = 'early' in r ? earlyStopping({ patience: 20, restoreBestWeights: true }) : undefined;
    const h = await model.fit(train.x, train.y, {
      epochs, batchSize: 40, seed: 3, verbose: 0, validationData: [val.x, val.y], callbacks: stopper ? [stopper] : [],
    });
    const [trainLoss, valLoss] = [await dataLoss(model, train.x, train.y), await dataLoss(model, val.x, val.y)];
    metrics[`${r.key}Train`] = trainLoss;
    metrics[`${r.key}Val`] = valLoss;
    metrics[`${r.key}Gap`] = valLoss - trainLoss;
    if (stopper) {
      metrics.earlyEpochsRun = h.epoch.length;
      metrics.earlyBestEpoch = stopper.bestEpoch;
      metrics.earlyBestValLoss = Math.min(...(h.history.val_loss ?? []));
    }
    log(`${r.label}: train loss ${fmt(trainLoss)}, validation loss ${fmt(valLoss)}, gap ${fmt(valLoss - trainLoss)} (${h.epoch.length} epochs)`);
    charts.push(lineChart({
      title: `${r.label}: gap ${fmt(valLoss - trainLoss)}`, xTitle: 'epoch', yTitle: 'loss', width: 260, height: 180, yDomain: [0, 3],
      series: [{ name: 'training', points: curve(h.history.loss ?? []) }, { name: 'validation', points: curve(h.history.val_loss ?? []) }],
    }));
    model.dispose();
  }
  dispose([train.x, train.y, val.x, val.y]);
  const plot = await savePlot(outDir, 'regularization.png', panels(charts, {
    title: '40 noisy moons, a 2-64-64-2 ReLU net, Adam (losses as fit logs them: dropout on, L2 penalty included)', columns: 2,
  }));
  const verdict =
    `validation - training loss gap: ${fmt(metrics.baselineGap!)} unregularized, ${fmt(metrics.dropoutGap!)} with dropout, ` +
    `${fmt(metrics.l2Gap!)} with L2, ${fmt(metrics.earlyGap!)} with early stopping (stopped after ${metrics.earlyEpochsRun} of ${epochs} epochs, best epoch ${metrics.earlyBestEpoch! + 1} restored)`;
  return { verdict, metrics, plots: [plot] };
}

/** Dropout, L2 and early stopping against overfitting. */
export const experiment: Experiment = { name: 'regularization', title: 'Dropout, L2 and early stopping on a small dataset that overfits', run };
