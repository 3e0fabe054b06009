import { tensor, type Tensor } from '@tensorkit/tensor';
import { permutation } from './random';

/** A small in-memory dataset: one row of features per sample and one target per sample. */
export interface Dataset {
  x: number[][];
  /** Class labels (0, 1, ...) for classification, real values for regression. */
  y: number[];
}

/** The dataset as tensors: `x` `[n, d]` float32 and `y` `[n]` (int32 labels) or `[n, 1]` (float32 targets). */
export function toTensors(data: Dataset, target: 'labels' | 'values' = 'labels'): { x: Tensor; y: Tensor } {
  const x = tensor(data.x);
  const y = target === 'labels' ? tensor(data.y, [data.y.length], 'int32') : tensor(data.y.map((v) => [v]));
  return { x, y };
}

/** A seeded split into a training part and a held-out part (`testFraction` of the samples). */
export function split(data: Dataset, testFraction: number, seed: number): { train: Dataset; test: Dataset } {
  const order = permutation(data.y.length, seed);
  const nTest = Math.round(data.y.length * testFraction);
  const pick = (idx: number[]): Dataset => ({ x: idx.map((i) => data.x[i]!), y: idx.map((i) => data.y[i]!) });
  return { test: pick(order.slice(0, nTest)), train: pick(order.slice(nTest)) };
}
