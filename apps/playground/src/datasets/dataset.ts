/** A classification dataset, held as plain arrays until a session turns it into tensors. */
export interface Dataset {
  readonly name: DatasetName;
  /** Row-major features, `count × features`. */
  readonly x: Float32Array;
  /** Class indices, one per row. */
  readonly y: Int32Array;
  readonly features: number;
  readonly classes: number;
  /** Held-out rows (MNIST only); 2-D datasets are judged on the points you see. */
  readonly test?: { readonly x: Float32Array; readonly y: Int32Array };
  /** For 2-D datasets: the half-width of the square the points (and the heat map) cover. */
  readonly extent?: number;
}

export type DatasetName = 'xor' | 'circles' | 'spiral' | 'moons' | 'mnist';

export const DATASET_LABELS: Record<DatasetName, string> = {
  xor: 'XOR',
  circles: 'Circles',
  spiral: 'Spiral',
  moons: 'Two moons',
  mnist: 'MNIST digits',
};
