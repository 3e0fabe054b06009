import { elu, gelu, leakyRelu, relu, sigmoid, softmax, softplus, tanh } from '@tensorkit/activations';
import { grad } from '@tensorkit/autograd';
import { sum, tensor, tidy, type Tensor } from '@tensorkit/tensor';
import { barChart, lineChart, panels, savePlot, type Series } from '../plot/index';
import type { Experiment } from './types';

const sig = (x: number) => 1 / (1 + Math.exp(-x));

/** erf by Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7), for GELU's closed-form derivative. */
function erf(x: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return Math.sign(x) * y;
}

interface Activation {
  name: string;
  f: (x: Tensor) => Tensor;
  /** The textbook derivative, to check autograd against. */
  derivative: (x: number) => number;
}

// Kinks follow PyTorch: the derivative of ReLU and leaky ReLU at 0 is the left one.
const ACTIVATIONS: readonly Activation[] = [
  { name: 'sigmoid', f: sigmoid, derivative: (x) => sig(x) * (1 - sig(x)) },
  { name: 'tanh', f: tanh, derivative: (x) => 1 - Math.tanh(x) ** 2 },
  { name: 'ReLU', f: relu, derivative: (x) => (x > 0 ? 1 : 0) },
  { name: 'leaky ReLU (0.1)', f: (x) => leakyRelu(x, { negativeSlope: 0.1 }), derivative: (x) => (x > 0 ? 1 : 0.1) },
  { name: 'ELU', f: elu, derivative: (x) => (x > 0 ? 1 : Math.exp(x)) },
  {
    name: 'GELU', f: gelu,
    derivative: (x) => 0.5 * (1 + erf(x / Math.SQRT2)) + (x * Math.exp(-0.5 * x * x)) / Math.sqrt(2 * Math.PI),
  },
  { name: 'softplus', f: softplus, derivative: sig },
];

/** The seed's softmax example. */
const LOGITS = [3.2, 1.3, 0.2, 0.8];

/** `activations`: every activation and its autograd derivative, checked against the formula. */
export const experiment: Experiment = {
  name: 'activations',
  title: 'activation curves and their derivatives (autograd), and softmax of [3.2, 1.3, 0.2, 0.8]',
  async run({ outDir, log }) {
    const xs = Array.from({ length: 161 }, (_, i) => (i - 80) / 20);
    const curves: Series[] = [];
    const slopes: Series[] = [];
    const metrics: Record<string, number> = {};
    let worst = 0;
    for (const a of ACTIVATIONS) {
      const [ys, dys] = tidy(() => {
        const x = tensor(xs);
        // f is elementwise, so the gradient of sum(f(x)) is f'(x) at every point.
        return [a.f(x).dataSync(), grad((t) => sum(a.f(t)))(x).dataSync()];
      });
      const error = Math.max(...xs.map((x, i) => Math.abs(dys![i]! - a.derivative(x))));
      worst = Math.max(worst, error);
      metrics[`maxDerivativeError:${a.name}`] = error;
      log(`${a.name.padEnd(16)} f(0) = ${ys![80]!.toFixed(4)}  f'(0) = ${dys![80]!.toFixed(4)}  max |autograd − formula| = ${error.toExponential(1)}`);
      curves.push({ name: a.name, points: xs.map((x, i) => [x, ys![i]!] as const) });
      slopes.push({ name: a.name, points: xs.map((x, i) => [x, dys![i]!] as const) });
    }
    metrics.maxDerivativeError = worst;
    const probs = Array.from(tidy(() => softmax(tensor(LOGITS)).dataSync()));
    probs.forEach((p, i) => (metrics[`softmax${i}`] = p));
    log(`softmax([${LOGITS.join(', ')}]) = [${probs.map((p) => p.toFixed(3)).join(', ')}]`);

    const common = { xTitle: 'x', width: 360, height: 260 };
    const functions = await savePlot(outDir, 'activations.png', panels([
      lineChart({ ...common, title: 'f(x)', yTitle: 'f(x)', series: curves, yDomain: [-1.5, 4] }),
      lineChart({ ...common, title: "f′(x), by autograd", yTitle: "f′(x)", series: slopes }),
    ]));
    const soft = await savePlot(outDir, 'softmax.png', barChart({
      title: 'softmax turns logits into probabilities', yTitle: 'value',
      bars: LOGITS.flatMap((z, i) => [
        { category: `class ${i}`, value: z, group: 'logit' },
        { category: `class ${i}`, value: probs[i]!, group: 'softmax' },
      ]),
    }));
    return {
      verdict: `autograd derivatives of 7 activations match their formulas (max error ${worst.toExponential(1)}); softmax([${LOGITS.join(', ')}]) = [${probs.map((p) => p.toFixed(3)).join(', ')}]`,
      metrics,
      plots: [functions, soft],
    };
  },
};
