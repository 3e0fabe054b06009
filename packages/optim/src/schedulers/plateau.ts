import { ArgumentError } from '@tensorkit/core';
import { checkOptions, intAtLeast, nonNegative, oneOf, show, unitInterval, type Check } from '../validate';
import { checkSchedulable, loadFields, type Scheduler, type SchedulableOptimizer, type SchedulerStateDict } from './scheduler';

/**
 * Options of {@link ReduceLROnPlateau} (PyTorch's defaults).
 *
 * @example
 * ```ts
 * const o: ReduceLROnPlateauOptions = { mode: 'min', factor: 0.5, patience: 2 };
 * ```
 */
export interface ReduceLROnPlateauOptions {
  /** `'min'` (default): lower is better (a loss); `'max'`: higher is better (an accuracy). */
  mode?: 'min' | 'max';
  /** The lr is multiplied by this on a plateau, in [0, 1) (default 0.1). */
  factor?: number;
  /** Epochs without improvement tolerated before reducing (default 10). */
  patience?: number;
  /** Minimum change that counts as an improvement (default 1e-4). */
  threshold?: number;
  /** `'rel'` (default): relative to the best value; `'abs'`: absolute. */
  thresholdMode?: 'rel' | 'abs';
  /** Epochs to wait after a reduction before counting again (default 0). */
  cooldown?: number;
  /** Lower bound of the lr: one number or one per param group (default 0). */
  minLr?: number | readonly number[];
  /** A reduction smaller than this is skipped (default 1e-8). */
  eps?: number;
}

const minLrCheck: Check = (o, k, v) => {
  if (Array.isArray(v)) v.forEach((x, i) => nonNegative(o, `${k}[${i}]`, x));
  else nonNegative(o, k, v);
};

/**
 * Reduces the lr by `factor` when a monitored metric stops improving for `patience` epochs:
 * PyTorch's `ReduceLROnPlateau`. Call `step(metric)` once per epoch with the metric's value.
 *
 * @example
 * ```ts
 * const s = new ReduceLROnPlateau(optimizer, { factor: 0.5, patience: 2 });
 * s.step(valLoss);
 * ```
 */
export class ReduceLROnPlateau implements Scheduler {
  readonly name = 'reduceLROnPlateau';
  readonly optimizer: SchedulableOptimizer;
  readonly needsMetric = true;
  private readonly mode: 'min' | 'max';
  private readonly factor: number;
  private readonly patience: number;
  private readonly threshold: number;
  private readonly thresholdMode: 'rel' | 'abs';
  private readonly cooldown: number;
  private readonly minLrs: readonly number[];
  private readonly eps: number;
  /** The epoch of the last step (0 after construction). */
  lastEpoch = 0;
  private best: number;
  private numBadEpochs = 0;
  private cooldownCounter = 0;
  private lastLr: number[];

  constructor(optimizer: SchedulableOptimizer, options: ReduceLROnPlateauOptions = {}) {
    const o = 'reduceLROnPlateau';
    checkSchedulable(o, optimizer);
    checkOptions(o, options, {
      mode: oneOf('min', 'max'), factor: unitInterval, patience: intAtLeast(0), threshold: nonNegative,
      thresholdMode: oneOf('rel', 'abs'), cooldown: intAtLeast(0), minLr: minLrCheck, eps: nonNegative,
    });
    const n = optimizer.paramGroups.length;
    const minLr = options.minLr ?? 0;
    const minLrs = typeof minLr === 'number' ? Array.from({ length: n }, () => minLr) : [...minLr];
    if (minLrs.length !== n) {
      throw new ArgumentError('INVALID_ARGUMENT', `${o}: option 'minLr' has ${minLrs.length} values for ${n} param groups; pass one number or one per group`);
    }
    this.optimizer = optimizer;
    this.mode = options.mode ?? 'min';
    this.factor = options.factor ?? 0.1;
    this.patience = options.patience ?? 10;
    this.threshold = options.threshold ?? 1e-4;
    this.thresholdMode = options.thresholdMode ?? 'rel';
    this.cooldown = options.cooldown ?? 0;
    this.minLrs = minLrs;
    this.eps = options.eps ?? 1e-8;
    this.best = this.mode === 'min' ? Infinity : -Infinity;
    this.lastLr = optimizer.paramGroups.map((g) => g.lr);
  }

  private isBetter(a: number): boolean {
    const { best, threshold: t } = this;
    if (this.mode === 'min') return this.thresholdMode === 'rel' ? a < best * (1 - t) : a < best - t;
    return this.thresholdMode === 'rel' ? a > best * (t + 1) : a > best + t;
  }

  /**
   * Records one epoch's metric and reduces the lr if it has not improved for more than
   * `patience` epochs (a NaN metric never counts as an improvement).
   *
   * @example
   * ```ts
   * scheduler.step(0.42);
   * ```
   */
  step(metric?: number): void {
    if (typeof metric !== 'number') {
      throw new ArgumentError('INVALID_ARGUMENT', `reduceLROnPlateau.step: expected the monitored metric as a number, got ${show(metric)}; read the loss first (await loss.data())`);
    }
    this.lastEpoch++;
    if (this.isBetter(metric)) {
      this.best = metric;
      this.numBadEpochs = 0;
    } else {
      this.numBadEpochs++;
    }
    if (this.cooldownCounter > 0) {
      this.cooldownCounter--;
      this.numBadEpochs = 0;
    }
    if (this.numBadEpochs > this.patience) {
      this.optimizer.paramGroups.forEach((g, i) => {
        const newLr = Math.max(g.lr * this.factor, this.minLrs[i]!);
        if (g.lr - newLr > this.eps) g.lr = newLr;
      });
      this.cooldownCounter = this.cooldown;
      this.numBadEpochs = 0;
    }
    this.lastLr = this.optimizer.paramGroups.map((g) => g.lr);
  }

  /**
   * The learning rate of each group after the last step.
   *
   * @example
   * ```ts
   * scheduler.getLastLr(); // [0.05]
   * ```
   */
  getLastLr(): number[] {
    return [...this.lastLr];
  }

  /**
   * The counters and best value (`best` may be ±Infinity before the first step).
   *
   * @example
   * ```ts
   * const sd = scheduler.stateDict();
   * ```
   */
  stateDict(): SchedulerStateDict {
    const { name: scheduler, lastEpoch, best, numBadEpochs, cooldownCounter, lastLr } = this;
    return { scheduler, lastEpoch, best, numBadEpochs, cooldownCounter, lastLr: [...lastLr] };
  }

  /**
   * Restores counters and best value; on a bad state dict it throws and changes nothing.
   *
   * @example
   * ```ts
   * scheduler.loadStateDict(sd);
   * ```
   */
  loadStateDict(sd: SchedulerStateDict): void {
    const fields = { lastEpoch: 'number', best: 'number', numBadEpochs: 'number', cooldownCounter: 'number', lastLr: this.optimizer.paramGroups.length } as const;
    loadFields(this.name, sd, this.name, this, fields);
  }
}
