import { reshape, tidy, type Tensor } from '@tensorkit/tensor';
import type { Module } from '../module';
import { compiledOf } from './compile';
import { ensureBuilt, optimizerOf } from './fit';
import { sampleCount } from './data';
import { EpochTotals, trainStep } from './step';

/**
 * One gradient step of a compiled model on one batch, synchronously, in training mode (Keras's
 * `train_on_batch`). Returns the batch loss (before the update, penalties included) as a scalar
 * tensor without reading it; the caller disposes it. Metrics are not updated.
 *
 * @example
 * ```ts
 * model.compile({ optimizer: 'sgd', optimizerOptions: { lr: 0.5 }, loss: 'binaryCrossEntropy' });
 * for (let i = 0; i < 200; i++) losses.push(trainOnBatch(model, x, y));
 * ```
 */
export function trainOnBatch(model: Module, x: Tensor, y: Tensor): Tensor {
  const compiled = compiledOf(model, 'trainOnBatch');
  sampleCount('trainOnBatch', x, y);
  ensureBuilt(model, x);
  const optimizer = optimizerOf(model, compiled);
  const totals = new EpochTotals([]);
  const was = model.training;
  model.train();
  try {
    trainStep(model, compiled, optimizer, model.trainableParameters(), x, y, totals);
    return tidy(() => reshape(totals.results(), []));
  } finally {
    totals.reset();
    model.train(was);
  }
}
