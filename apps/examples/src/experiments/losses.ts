import { grad } from '@tensorkit/autograd';
import {
  binaryCrossEntropy, exponential, focal, hinge, huber, logCosh, meanAbsoluteError, meanSquaredError, quantile,
} from '@tensorkit/losses';
import { full, sum, tensor, tidy, type Tensor } from '@tensorkit/tensor';
import { lineChart, panels, savePlot, type Series } from '../plot/index';
import type { Experiment } from './types';

/** A loss of `(yTrue, yPred)` per element (`reduction: 'none'`). */
interface Curve {
  name: string;
  loss: (yTrue: Tensor, yPred: Tensor) => Tensor;
}

const none = { reduction: 'none' } as const;

/** Regression losses of the prediction error `e = yPred − yTrue` (yTrue = 0, yPred = e). */
const REGRESSION: readonly Curve[] = [
  { name: 'MSE', loss: (t, p) => meanSquaredError(t, p, none) },
  { name: 'MAE', loss: (t, p) => meanAbsoluteError(t, p, none) },
  { name: 'Huber (δ = 1)', loss: (t, p) => huber(t, p, { delta: 1, ...none }) },
  { name: 'log-cosh', loss: (t, p) => logCosh(t, p, none) },
  { name: 'quantile (τ = 0.9)', loss: (t, p) => quantile(t, p, { tau: 0.9, ...none }) },
];

/**
 * Classification losses of the margin `m = y·f`, for a positive example (y = 1, score f = m):
 * label 1 means the same to the ±1 losses (hinge, exponential) and the 0/1 ones on logits.
 */
const CLASSIFICATION: readonly Curve[] = [
  { name: 'log loss', loss: (t, m) => binaryCrossEntropy(t, m, { fromLogits: true, ...none }) },
  { name: 'hinge', loss: (t, m) => hinge(t, m, none) },
  { name: 'exponential', loss: (t, m) => exponential(t, m, none) },
  { name: 'focal (γ = 2)', loss: (t, m) => focal(t, m, { alpha: -1, gamma: 2, ...none }) },
];

/** Each loss and its derivative (autograd) with respect to the prediction, on the grid `xs`. */
function evaluate(curves: readonly Curve[], xs: readonly number[], label: number) {
  const losses: Series[] = [];
  const slopes: Series[] = [];
  const at = new Map<string, (x: number) => number>();
  for (const c of curves) {
    const [values, derivative] = tidy(() => {
      const yTrue = full([xs.length], label);
      const f = (p: Tensor) => c.loss(yTrue, p);
      const p = tensor(xs as number[]);
      return [f(p).dataSync(), grad((q) => sum(f(q)))(p).dataSync()];
    });
    losses.push({ name: c.name, points: xs.map((x, i) => [x, values![i]!] as const) });
    slopes.push({ name: c.name, points: xs.map((x, i) => [x, derivative![i]!] as const) });
    at.set(c.name, (x) => values![xs.indexOf(x)]!);
  }
  return { losses, slopes, at };
}

/** `losses`: how each loss weighs an error (regression) or a margin (classification). */
export const experiment: Experiment = {
  name: 'losses',
  title: 'regression losses against the error, classification losses against the margin',
  async run({ outDir, log }) {
    const xs = Array.from({ length: 121 }, (_, i) => (i - 60) / 20); // −3 … 3, exact at integers
    const reg = evaluate(REGRESSION, xs, 0);
    const cls = evaluate(CLASSIFICATION, xs, 1);
    const metrics: Record<string, number> = {};
    for (const [name, f] of reg.at) for (const e of [-2, 0.5, 3]) metrics[`${name} @ e=${e}`] = f(e);
    for (const [name, f] of cls.at) for (const m of [-2, 0, 3]) metrics[`${name} @ m=${m}`] = f(m);
    for (const [k, v] of Object.entries(metrics)) log(`${k.padEnd(28)} ${v.toFixed(4)}`);

    const reg3 = (name: string) => metrics[`${name} @ e=3`]!.toFixed(2);
    const common = { width: 330, height: 230 };
    const regression = await savePlot(outDir, 'regression.png', panels([
      lineChart({ ...common, title: 'loss against the error', xTitle: 'error e = ŷ − y', yTitle: 'loss', series: reg.losses, yDomain: [0, 4] }),
      lineChart({ ...common, title: 'gradient ∂loss/∂ŷ (autograd)', xTitle: 'error e = ŷ − y', yTitle: 'gradient', series: reg.slopes, yDomain: [-3, 3] }),
    ]));
    const classification = await savePlot(outDir, 'classification.png', panels([
      lineChart({ ...common, title: 'loss against the margin', xTitle: 'margin m = y·f', yTitle: 'loss', series: cls.losses, yDomain: [0, 4] }),
      lineChart({ ...common, title: 'gradient ∂loss/∂f (autograd)', xTitle: 'margin m = y·f', yTitle: 'gradient', series: cls.slopes, yDomain: [-3, 0.5] }),
    ]));
    const m3 = (name: string) => metrics[`${name} @ m=3`]!;
    return {
      verdict:
        `at error 3 MSE costs ${reg3('MSE')} vs MAE ${reg3('MAE')}, Huber ${reg3('Huber (δ = 1)')}, log-cosh ${reg3('log-cosh')} (outliers dominate MSE); ` +
        `at margin 3 hinge is ${m3('hinge').toFixed(2)}, log loss ${m3('log loss').toFixed(4)}, focal ${m3('focal (γ = 2)').toExponential(1)} (focal ignores easy examples)`,
      metrics,
      plots: [regression, classification],
    };
  },
};
