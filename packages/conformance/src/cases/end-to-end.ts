/**
 * The case table of `end_to_end.json`: both runs are built from the real pieces a user would use
 * (`Sequential` of `dense` layers with their activations, the registered losses and optimizers,
 * `compile` and `trainOnBatch`), with the oracle's initial weights converted from PyTorch's
 * `[out, in]` layout. The loss is recorded before every update, as PyTorch recorded it.
 */
import { dense, Sequential, trainOnBatch, type CompileConfig } from '@tensorkit/layers';
import { binaryCrossEntropy, binaryCrossEntropyLoss, crossEntropy, crossEntropyLoss } from '@tensorkit/losses';
import { adam, sgd } from '@tensorkit/optim';
import * as tk from '@tensorkit/tensor';
import type { Tensor } from '@tensorkit/tensor';
import { num } from '../from-torch';
import type { Params } from '../oracle';
import { input, type CaseInputs, type CaseOutputs, type CaseTable } from '../runner';

const WEIGHTS = { W1: 'linearWeight', b1: 'plain', W2: 'linearWeight', b2: 'plain' } as const;

/** Runs `steps` full-batch steps and returns the oracle's outputs (the final prediction under `predName`). */
function run(x: CaseInputs, p: Params, hidden: (t: Tensor) => Tensor, output: ((t: Tensor) => Tensor) | undefined, compileConfig: CompileConfig, y: Tensor, predName: string): CaseOutputs {
  const X = input(x, 'X');
  const W1 = input(x, 'W1');
  const W2 = input(x, 'W2');
  const model = new Sequential([
    dense({ units: W1.shape[1]!, activation: hidden, inputShape: [W1.shape[0]!] }),
    dense({ units: W2.shape[1]!, ...(output ? { activation: output } : {}) }),
  ]);
  model.loadStateDict({ 'layers.0.kernel': W1, 'layers.0.bias': input(x, 'b1'), 'layers.1.kernel': W2, 'layers.1.bias': input(x, 'b2') });
  model.compile(compileConfig);
  const losses: Tensor[] = [];
  for (let k = 0; k < num(p.steps, 'steps'); k++) losses.push(trainOnBatch(model, X, y));
  const pred = model.eval().apply(X);
  const state = model.stateDict();
  const out = {
    loss: tk.stack(losses),
    [`final_${predName}`]: pred,
    final_loss: trainLossOf(compileConfig, y, pred),
    W1: tk.clone(state['layers.0.kernel']!),
    b1: tk.clone(state['layers.0.bias']!),
    W2: tk.clone(state['layers.1.kernel']!),
    b2: tk.clone(state['layers.1.bias']!),
  };
  model.dispose();
  return out;
}

function trainLossOf(c: CompileConfig, y: Tensor, pred: Tensor): Tensor {
  return c.loss === binaryCrossEntropyLoss ? binaryCrossEntropy(y, pred) : crossEntropy(y, pred);
}

/** Runners by oracle op id. */
export const endToEndTable: CaseTable = {
  'e2e.xor_mlp': {
    category: 'reduction',
    inputLayouts: WEIGHTS,
    outputLayouts: WEIGHTS,
    forward: (x, p) =>
      run(x, p, tk.tanh, tk.sigmoid, { optimizer: sgd, optimizerOptions: { lr: num(p.lr, 'lr') }, loss: binaryCrossEntropyLoss }, input(x, 'Y'), 'pred'),
  },
  'e2e.mlp_classifier': {
    category: 'reduction',
    inputLayouts: WEIGHTS,
    outputLayouts: WEIGHTS,
    forward: (x, p) =>
      run(
        x, p, tk.relu, undefined,
        { optimizer: adam, optimizerOptions: { lr: num(p.lr, 'lr'), betas: p.betas as [number, number], eps: num(p.eps, 'eps'), weightDecay: num(p.weight_decay, 'weight_decay') }, loss: crossEntropyLoss },
        input(x, 'y'), 'logits',
      ),
  },
};
