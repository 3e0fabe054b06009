import { Sequential, dense } from '@tensorkit/layers';
import { add, dispose, matMul, mul, scalar, setSeed, sigmoid, step, sub, sum, tensor, tidy, zeros, type Tensor } from '@tensorkit/tensor';
import { and, or, toTensors, xor, type Dataset } from '../data/index';
import { decisionGrid, heatmap, panels, savePlot, type Grid } from '../plot/index';
import type { Experiment } from './types';

/** A trained classifier of 2-D points: the class-1 output (0/1 or a probability) per row. */
type Classifier = (points: number[][]) => Float32Array;

/**
 * Rosenblatt's perceptron: output `step(x·w + b)`, and after each sample the rule
 * `w += lr·(y − ŷ)·x`, `b += lr·(y − ŷ)`. No gradient, no loss: it only moves on mistakes.
 */
function trainPerceptron(data: Dataset, epochs: number, lr = 0.1): Classifier {
  let w: Tensor = zeros([2, 1]);
  let b: Tensor = scalar(0);
  for (let epoch = 0; epoch < epochs; epoch++) {
    data.x.forEach((row, i) => {
      const [nextW, nextB] = tidy(() => {
        const x = tensor([row]);
        const error = sub(data.y[i]!, step(add(matMul(x, w), b)));
        return [add(w, mul(lr, matMul(x, error, { transposeA: true }))), add(b, mul(lr, sum(error)))];
      });
      dispose([w, b]);
      [w, b] = [nextW!, nextB!];
    });
  }
  return (points) => tidy(() => step(add(matMul(tensor(points), w), b)).dataSync() as Float32Array);
}

/** A 2-4-1 MLP (tanh hidden layer, logit output) trained with Adam on binary cross-entropy. */
async function trainMlp(data: Dataset, epochs: number): Promise<{ classify: Classifier; model: Sequential }> {
  const model = new Sequential([dense({ units: 4, activation: 'tanh', inputShape: [2] }), dense({ units: 1 })]);
  model.compile({ optimizer: 'adam', optimizerOptions: { lr: 0.05 }, loss: 'binaryCrossEntropy', lossOptions: { fromLogits: true } });
  const { x, y } = toTensors(data, 'values');
  await model.fit(x, y, { epochs, batchSize: data.y.length, verbose: 0 });
  dispose([x, y]);
  const classify: Classifier = (points) => tidy(() => sigmoid(model.apply(tensor(points))).dataSync() as Float32Array);
  return { classify, model };
}

/** The fraction of points whose thresholded output matches the label. */
function accuracy(classify: Classifier, data: Dataset): number {
  const out = classify(data.x);
  return data.y.filter((label, i) => (out[i]! > 0.5 ? 1 : 0) === label).length / data.y.length;
}

const RANGE = { x: [-0.5, 1.5] as const, y: [-0.5, 1.5] as const, steps: 41 };

function boundary(title: string, grid: Grid, data: Dataset) {
  return heatmap({ title, ...grid, domain: [0, 1], size: 200, points: data.x.map(([x, y], i) => ({ x: x!, y: y!, label: data.y[i]! })) });
}

/** `perceptron-xor`: a single perceptron cannot represent XOR; one hidden layer can. */
export const experiment: Experiment = {
  name: 'perceptron-xor',
  title: 'the perceptron learns AND and OR but not XOR; a 2-4-1 MLP learns XOR',
  async run({ outDir, log }) {
    setSeed(1);
    const gates = { AND: and(), OR: or(), XOR: xor() };
    const metrics: Record<string, number> = {};
    const specs = [];
    for (const [name, data] of Object.entries(gates)) {
      const classify = trainPerceptron(data, 25);
      metrics[`perceptron${name}`] = accuracy(classify, data);
      log(`perceptron on ${name}: accuracy ${metrics[`perceptron${name}`]!.toFixed(2)}`);
      specs.push(boundary(`perceptron, ${name}: ${metrics[`perceptron${name}`]!.toFixed(2)}`, decisionGrid(classify, RANGE), data));
    }
    const { classify, model } = await trainMlp(gates.XOR, 300);
    metrics.mlpXOR = accuracy(classify, gates.XOR);
    log(`2-4-1 MLP on XOR: accuracy ${metrics.mlpXOR.toFixed(2)}`);
    specs.push(boundary(`2-4-1 MLP, XOR: ${metrics.mlpXOR.toFixed(2)}`, decisionGrid(classify, RANGE), gates.XOR));
    model.dispose();
    const plot = await savePlot(outDir, 'decision-boundaries.png', panels(specs, { title: 'Decision boundaries (colour: predicted class-1 output)' }));
    return {
      verdict: `perceptron learns AND (${metrics.perceptronAND!.toFixed(2)}) and OR (${metrics.perceptronOR!.toFixed(2)}) but fails XOR (accuracy ${metrics.perceptronXOR!.toFixed(2)}); MLP solves it (accuracy ${metrics.mlpXOR.toFixed(2)})`,
      metrics,
      plots: [plot],
    };
  },
};
