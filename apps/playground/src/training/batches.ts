/**
 * Mini-batch order: a reshuffled permutation per epoch (seeded), cut into batches. A batch
 * size at least the row count is full-batch gradient descent and skips the gather.
 */
import { seededRandom, type Random } from '../random';

export class Batches {
  private order: Int32Array;
  private at = 0;
  private readonly rng: Random;

  constructor(
    readonly rows: number,
    readonly size: number,
    seed: number,
  ) {
    this.rng = seededRandom(seed);
    this.order = Int32Array.from({ length: rows }, (_, i) => i);
    this.shuffle();
  }

  get fullBatch(): boolean {
    return this.size >= this.rows;
  }

  /** The row indices of the next batch (the last batch of an epoch may be shorter). */
  next(): Int32Array {
    if (this.at >= this.rows) {
      this.shuffle();
      this.at = 0;
    }
    const batch = this.order.subarray(this.at, Math.min(this.rows, this.at + this.size));
    this.at += batch.length;
    return batch;
  }

  private shuffle(): void {
    for (let i = this.rows - 1; i > 0; i--) {
      const j = Math.floor(this.rng.next() * (i + 1));
      [this.order[i], this.order[j]] = [this.order[j]!, this.order[i]!];
    }
  }
}
