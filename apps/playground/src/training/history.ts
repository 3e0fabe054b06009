/** The curves: one loss per step, and accuracies at each redraw. */
export interface AccuracyPoint {
  step: number;
  train: number;
  test?: number;
}

export class History {
  readonly losses: number[] = [];
  readonly accuracy: AccuracyPoint[] = [];

  add(step: number, losses: ArrayLike<number>, accuracy: ArrayLike<number>): void {
    for (let i = 0; i < losses.length; i++) this.losses.push(losses[i]!);
    const [train, test] = Array.from(accuracy);
    this.accuracy.push(test === undefined ? { step, train: train! } : { step, train: train!, test });
  }

  /** The mean of the last `n` losses (mini-batch losses are noisy). */
  recentLoss(n = 10): number | undefined {
    const tail = this.losses.slice(-n);
    return tail.length === 0 ? undefined : tail.reduce((a, b) => a + b, 0) / tail.length;
  }
}
