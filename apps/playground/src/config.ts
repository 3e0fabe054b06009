/** Everything a person picks on the page; a change rebuilds the training session. */
import type { DatasetName } from './datasets';

export const ACTIVATIONS = ['relu', 'tanh', 'sigmoid', 'leakyRelu', 'elu', 'gelu', 'silu'] as const;
export const OPTIMIZERS = ['sgd', 'adam', 'adamw', 'rmsprop', 'adagrad'] as const;
export const BACKENDS = ['cpu', 'webgl'] as const;

export type ActivationName = (typeof ACTIVATIONS)[number];
export type OptimizerName = (typeof OPTIMIZERS)[number];
export type BackendName = (typeof BACKENDS)[number];

export interface Config {
  dataset: DatasetName;
  /** Hidden layer widths, input to output. */
  hidden: number[];
  activation: ActivationName;
  optimizer: OptimizerName;
  lr: number;
  /** Rows per step; at least the dataset size means full-batch gradient descent. */
  batchSize: number;
  /** λ of an `l2(λ)` penalty on every kernel; 0 for none. */
  l2: number;
  /** Dropout probability after each hidden layer; 0 for none. */
  dropout: number;
  backend: BackendName;
  /** Steps between two redraws (and device reads). */
  updateEvery: number;
  seed: number;
}

export const DEFAULT_CONFIG: Config = {
  dataset: 'spiral',
  hidden: [24, 24],
  activation: 'relu',
  optimizer: 'adam',
  lr: 0.01,
  batchSize: 32,
  l2: 0,
  dropout: 0,
  backend: 'cpu',
  updateEvery: 10,
  seed: 1,
};

/**
 * Parses "16, 16, 8" into widths. Returns a message instead when it is not a list of 0 to 8
 * integers in 1..512, so the page can show what is wrong.
 */
export function parseHidden(text: string): number[] | string {
  const parts = text.split(/[\s,]+/).filter((p) => p.length > 0);
  if (parts.length > 8) return `at most 8 hidden layers, got ${parts.length}`;
  const widths = parts.map(Number);
  const bad = parts.find((p, i) => !Number.isInteger(widths[i]) || widths[i]! < 1 || widths[i]! > 512);
  return bad === undefined ? widths : `'${bad}' is not a width between 1 and 512`;
}
