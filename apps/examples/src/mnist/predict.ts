import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadModel } from '@tensorkit/layers';
import { argMax, dispose, softmax, tidy } from '@tensorkit/tensor';
import { asciiDigit, loadMnist, mnistSplit, selectMnist } from '../data/index';
import { mnistTensors } from './model';
import { SEED } from './train';

/** What `--predict` found for one test digit. */
export interface Prediction {
  index: number;
  label: number;
  predicted: number;
  confidence: number;
  art: string;
}

/**
 * Loads the saved model from `outDir` and classifies test digit `index` (of the full run's
 * held-out 2,000 digits), returning the prediction, its softmax probability and the digit as ASCII.
 */
export async function predictDigit(outDir: string, index: number): Promise<Prediction> {
  if (!existsSync(join(outDir, 'model.json'))) {
    throw new Error(`no saved model in ${outDir}: run \`npm run demo\` first to train and save one`);
  }
  const { test } = mnistSplit({ seed: SEED });
  if (index >= test.length) throw new Error(`--predict: index ${index} is out of range; the test set has ${test.length} digits (0..${test.length - 1})`);
  const digit = selectMnist(loadMnist(), [test[index]!]);
  const model = await loadModel(outDir);
  const { x, y } = mnistTensors(digit);
  const probs = tidy(() => softmax(model.eval().apply(x)));
  const best = argMax(probs, -1);
  const predicted = best.dataSync()[0]!;
  const confidence = probs.dataSync()[predicted]!;
  dispose([x, y, probs, best]);
  model.dispose();
  return { index, label: digit.labels[0]!, predicted, confidence, art: asciiDigit(digit, 0) };
}
