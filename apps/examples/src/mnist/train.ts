import { join } from 'node:path';
import { progressBar, lrScheduler, saveModel, type History } from '@tensorkit/layers';
import { dispose, setSeed } from '@tensorkit/tensor';
import { loadMnist, mnistSplit, selectMnist } from '../data/index';
import { saveCurves } from './curves';
import { mnistModel, mnistTensors } from './model';
import { FAST, FULL, type DemoOptions } from './options';

/** The seed of the split, the weights and the batch order: the same run every time. */
export const SEED = 0;

/** What a training run reports. */
export interface TrainReport {
  testAccuracy: number;
  testLoss: number;
  trainSamples: number;
  testSamples: number;
  seconds: number;
  history: History;
  files: string[];
}

/**
 * Trains the CNN on a seeded 80/20 split of the digits with Adam (lr 2e-3, cosine-annealed to 0
 * over the run) in mini-batches of 64, evaluates it on the held-out 20 %, and writes
 * `model.json`, `model.safetensors` and `curves.png` to `options.outDir`.
 */
export async function trainMnist(options: DemoOptions, log: (line: string) => void): Promise<TrainReport> {
  const all = loadMnist();
  const split = mnistSplit({ seed: SEED, testFraction: 0.2, limit: options.fast ? FAST.samples : FULL.samples });
  const train = mnistTensors(selectMnist(all, split.train));
  const test = mnistTensors(selectMnist(all, split.test));
  log(`training on ${split.train.length} digits, testing on ${split.test.length} (seeded 80/20 split), ${options.epochs} epochs, backend ${options.backend}`);

  setSeed(SEED);
  const model = mnistModel();
  model.compile({ optimizer: 'adam', optimizerOptions: { lr: 2e-3 }, loss: 'crossEntropy', metrics: ['accuracy'] });
  const t0 = performance.now();
  const history = await model.fit(train.x, train.y, {
    epochs: options.epochs,
    batchSize: 64,
    seed: SEED,
    validationData: [test.x, test.y],
    callbacks: [progressBar(), lrScheduler('cosineAnnealingLR', { options: { tMax: options.epochs } })],
  });
  const seconds = (performance.now() - t0) / 1000;
  const { loss, accuracy } = await model.evaluate(test.x, test.y);
  await saveModel(model, options.outDir);
  const plot = await saveCurves(options.outDir, history);
  model.dispose();
  dispose([train.x, train.y, test.x, test.y]);
  return {
    testAccuracy: accuracy!,
    testLoss: loss!,
    trainSamples: split.train.length,
    testSamples: split.test.length,
    seconds,
    history,
    files: [join(options.outDir, 'model.json'), join(options.outDir, 'model.safetensors'), plot],
  };
}
