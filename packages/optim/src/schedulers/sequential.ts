import { ArgumentError } from '@tensorkit/core';
import { show } from '../validate';
import { LRScheduler, loadFields, required, type SchedulableOptimizer, type SchedulerStateDict } from './scheduler';

/**
 * Options of {@link SequentialLR}.
 *
 * @example
 * ```ts
 * const o: SequentialLROptions = { schedulers: [warmup, decay], milestones: [5] };
 * ```
 */
export interface SequentialLROptions {
  /** The schedulers to run in turn, all built on this optimizer (required). */
  schedulers: readonly LRScheduler[];
  /** Epochs at which the next scheduler takes over (one fewer than schedulers, increasing). */
  milestones: readonly number[];
}

/**
 * Runs schedulers one after the other, each from its own epoch 0 at its milestone (typically a
 * warm-up then a decay): PyTorch's `SequentialLR`.
 *
 * @example
 * ```ts
 * const warmup = new LinearLR(optimizer, { startFactor: 0.1, totalIters: 5 });
 * const decay = new CosineAnnealingLR(optimizer, { tMax: 95 });
 * const s = new SequentialLR(optimizer, { schedulers: [warmup, decay], milestones: [5] });
 * ```
 */
export class SequentialLR extends LRScheduler {
  private readonly schedulers: readonly LRScheduler[];
  private readonly milestones: readonly number[];

  constructor(optimizer: SchedulableOptimizer, options: SequentialLROptions) {
    super('sequentialLR', optimizer);
    const o = 'sequentialLR';
    required(o, options, ['schedulers', 'milestones']);
    const { schedulers, milestones } = options;
    if (!Array.isArray(schedulers) || schedulers.length === 0 || !schedulers.every((s) => s instanceof LRScheduler)) {
      throw new ArgumentError('INVALID_ARGUMENT', `${o}: option 'schedulers' must be a non-empty list of schedulers (not reduceLROnPlateau), got ${show(schedulers)}`);
    }
    schedulers.forEach((s, i) => {
      if (s.optimizer !== optimizer) {
        throw new ArgumentError('INVALID_ARGUMENT', `${o}: scheduler ${i} ('${s.name}') drives another optimizer; build every scheduler on the optimizer given to sequentialLR`);
      }
    });
    if (!Array.isArray(milestones) || milestones.length !== schedulers.length - 1 || !milestones.every((m, i) => Number.isInteger(m) && m > (i === 0 ? 0 : milestones[i - 1]!))) {
      throw new ArgumentError(
        'INVALID_ARGUMENT',
        `${o}: option 'milestones' must be ${schedulers.length - 1} increasing positive integers (one fewer than schedulers), got ${show(milestones)}`,
      );
    }
    this.schedulers = [...schedulers];
    this.milestones = [...milestones];
    // As PyTorch: undo the initial steps the schedulers took when built, then start the first one.
    for (const g of optimizer.paramGroups) g.lr = g.initialLr!;
    for (const s of this.schedulers) s.lastEpoch -= 1;
    this.schedulers[0]!.step();
    this.lastEpoch = 0;
    this.apply(this.schedulers[0]!.getLastLr());
  }

  protected computeLr(): number[] {
    return this.groupLrs();
  }

  override step(): void {
    this.lastEpoch++;
    const idx = this.milestones.filter((m) => m <= this.lastEpoch).length;
    const s = this.schedulers[idx]!;
    if (idx > 0 && this.milestones[idx - 1] === this.lastEpoch) s.stepTo(0);
    else s.step();
    this.apply(s.getLastLr());
  }

  override stateDict(): SchedulerStateDict {
    return { ...super.stateDict(), schedulers: this.schedulers.map((s) => s.stateDict()) };
  }

  override loadStateDict(sd: SchedulerStateDict): void {
    const subs = sd?.schedulers;
    if (!Array.isArray(subs) || subs.length !== this.schedulers.length) {
      throw new ArgumentError('INVALID_ARGUMENT', `sequentialLR.loadStateDict: key 'schedulers' must hold ${this.schedulers.length} scheduler state dicts, got ${show(subs)}`);
    }
    // Check everything on scratch objects first, so a bad entry changes nothing.
    loadFields(this.name, sd, this.name, {}, { lastEpoch: 'number' });
    this.schedulers.forEach((s, i) => s.loadStateDict.call(Object.create(s) as LRScheduler, subs[i] as SchedulerStateDict));
    super.loadStateDict(sd);
    this.schedulers.forEach((s, i) => s.loadStateDict(subs[i] as SchedulerStateDict));
  }
}
