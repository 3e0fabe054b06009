import { ArgumentError } from '@tensorkit/core';
import { bool, checkOptions, closedUnit, finite, intAtLeast, oneOf, positive, show, type Check } from '../validate';
import { LRScheduler, required, type SchedulableGroup, type SchedulableOptimizer } from './scheduler';

/**
 * Options of {@link OneCycleLR} (PyTorch's defaults).
 *
 * @example
 * ```ts
 * const o: OneCycleLROptions = { maxLr: 0.1, totalSteps: 1000 };
 * ```
 */
export interface OneCycleLROptions {
  /** The peak lr: one number, or one per param group (required). */
  maxLr: number | readonly number[];
  /** Steps in the cycle (required); step once per batch. */
  totalSteps: number;
  /** Fraction of the cycle spent increasing the lr (default 0.3). */
  pctStart?: number;
  /** `'cos'` (default) or `'linear'`. */
  annealStrategy?: 'cos' | 'linear';
  /** Initial lr = maxLr / divFactor (default 25). */
  divFactor?: number;
  /** Minimum lr = initial lr / finalDivFactor (default 1e4). */
  finalDivFactor?: number;
  /** Three phases (up, down to the initial lr, then down to the minimum) instead of two (default false). */
  threePhase?: boolean;
  /** Cycle the momentum (`momentum`, or `betas[0]` for the Adam family) inversely to the lr (default true). */
  cycleMomentum?: boolean;
  /** Lowest momentum, at the lr peak (default 0.85). */
  baseMomentum?: number;
  /** Highest momentum, at the start and end (default 0.95). */
  maxMomentum?: number;
}

interface Phase {
  readonly endStep: number;
  readonly lr: readonly [Level, Level];
  readonly momentum: readonly ['max' | 'base', 'max' | 'base'];
}
type Level = 'initial' | 'max' | 'min';

const maxLrCheck: Check = (o, k, v) => {
  if (Array.isArray(v)) v.forEach((x, i) => positive(o, `${k}[${i}]`, x));
  else positive(o, k, v);
};

const anneal = {
  cos: (start: number, end: number, pct: number) => end + ((start - end) / 2) * (Math.cos(Math.PI * pct) + 1),
  linear: (start: number, end: number, pct: number) => (end - start) * pct + start,
} as const;

/**
 * The 1cycle policy: the lr rises from `maxLr/divFactor` to `maxLr`, then anneals to
 * `maxLr/(divFactor·finalDivFactor)`, while the momentum moves the opposite way: PyTorch's
 * `OneCycleLR`. Step it once per batch, `totalSteps` times at most.
 *
 * @example
 * ```ts
 * const s = new OneCycleLR(optimizer, { maxLr: 0.1, totalSteps: epochs * batchesPerEpoch });
 * ```
 */
export class OneCycleLR extends LRScheduler {
  private readonly totalSteps: number;
  private readonly phases: readonly Phase[];
  private readonly strategy: (start: number, end: number, pct: number) => number;
  private readonly cycleMomentum: boolean;
  private readonly levels: readonly Record<Level, number>[];
  private readonly momenta: Record<'max' | 'base', number>;

  constructor(optimizer: SchedulableOptimizer, options: OneCycleLROptions) {
    super('oneCycleLR', optimizer);
    const o = 'oneCycleLR';
    checkOptions(o, options, {
      maxLr: maxLrCheck, totalSteps: intAtLeast(1), pctStart: closedUnit, annealStrategy: oneOf('cos', 'linear'), divFactor: positive,
      finalDivFactor: positive, threePhase: bool, cycleMomentum: bool, baseMomentum: finite, maxMomentum: finite,
    });
    required(o, options, ['maxLr', 'totalSteps']);
    const groups = optimizer.paramGroups;
    const maxLrs = typeof options.maxLr === 'number' ? groups.map(() => options.maxLr as number) : [...options.maxLr];
    if (maxLrs.length !== groups.length) {
      throw new ArgumentError('INVALID_ARGUMENT', `${o}: option 'maxLr' has ${maxLrs.length} values for ${groups.length} param groups; pass one number or one per group`);
    }
    const T = options.totalSteps;
    const pct = options.pctStart ?? 0.3;
    const divFactor = options.divFactor ?? 25;
    const finalDivFactor = options.finalDivFactor ?? 1e4;
    this.totalSteps = T;
    this.strategy = anneal[options.annealStrategy ?? 'cos'];
    this.phases = options.threePhase
      ? [
          { endStep: pct * T - 1, lr: ['initial', 'max'], momentum: ['max', 'base'] },
          { endStep: 2 * pct * T - 2, lr: ['max', 'initial'], momentum: ['base', 'max'] },
          { endStep: T - 1, lr: ['initial', 'min'], momentum: ['max', 'max'] },
        ]
      : [
          { endStep: pct * T - 1, lr: ['initial', 'max'], momentum: ['max', 'base'] },
          { endStep: T - 1, lr: ['max', 'min'], momentum: ['base', 'max'] },
        ];
    this.levels = maxLrs.map((max) => ({ initial: max / divFactor, max, min: max / divFactor / finalDivFactor }));
    this.cycleMomentum = options.cycleMomentum ?? true;
    this.momenta = { base: options.baseMomentum ?? 0.85, max: options.maxMomentum ?? 0.95 };
    if (this.cycleMomentum && !groups.every((g) => typeof g.momentum === 'number' || Array.isArray(g.betas))) {
      throw new ArgumentError(
        'INVALID_ARGUMENT',
        `${o}: option 'cycleMomentum' needs an optimizer with 'momentum' or 'betas', but '${optimizer.name}' has neither; pass cycleMomentum: false`,
      );
    }
    groups.forEach((g, i) => {
      g.initialLr = this.levels[i]!.initial;
      if (this.cycleMomentum) setMomentum(g, this.momenta.max);
    });
    this.baseLrs = groups.map((g) => g.initialLr!);
    this.start();
  }

  protected computeLr(): number[] {
    const stepNum = this.lastEpoch;
    if (stepNum > this.totalSteps) {
      throw new ArgumentError(
        'INVALID_ARGUMENT',
        `oneCycleLR: stepped ${stepNum} times but totalSteps is ${this.totalSteps}; raise totalSteps to the number of batches you train`,
      );
    }
    let start = 0;
    const last = this.phases.length - 1;
    const k = this.phases.findIndex((p, i) => stepNum <= p.endStep || i === last);
    if (k > 0) start = this.phases[k - 1]!.endStep;
    const phase = this.phases[k]!;
    const pct = (stepNum - start) / (phase.endStep - start);
    return this.optimizer.paramGroups.map((g, i) => {
      const level = this.levels[i]!;
      if (this.cycleMomentum) setMomentum(g, this.strategy(this.momenta[phase.momentum[0]], this.momenta[phase.momentum[1]], pct));
      return this.strategy(level[phase.lr[0]], level[phase.lr[1]], pct);
    });
  }
}

/** Sets the momentum of a group: `momentum` (SGD, RMSprop) or `betas[0]` (the Adam family). */
function setMomentum(g: SchedulableGroup, value: number): void {
  if (Array.isArray(g.betas)) g.betas = [value, g.betas[1]!];
  else if (typeof g.momentum === 'number') g.momentum = value;
  else throw new ArgumentError('INVALID_ARGUMENT', `oneCycleLR: param group has no momentum or betas (got ${show(g)})`);
}
