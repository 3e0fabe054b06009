/**
 * The multiplicative schedules: step, multi-step, exponential, constant, linear and polynomial.
 * `computeLr` is PyTorch's recursive form (a factor applied to the group's current lr at the
 * epochs where it changes); `closedFormLr` its closed form from the base lr.
 */
import { ArgumentError } from '@tensorkit/core';
import { checkOptions, closedUnit, finite, intAtLeast, nonNegative, show, type Check } from '../validate';
import { LRScheduler, required, type SchedulableOptimizer } from './scheduler';

const positiveFactor: Check = (o, k, v) => {
  if (typeof v !== 'number' || !(v > 0 && v <= 1)) throw new ArgumentError('INVALID_ARGUMENT', `${o}: option '${k}' must be a number in (0, 1], got ${show(v)}`);
};

/**
 * Options of {@link StepLR}.
 *
 * @example
 * ```ts
 * const o: StepLROptions = { stepSize: 30, gamma: 0.1 };
 * ```
 */
export interface StepLROptions {
  /** Epochs between decays (required). */
  stepSize: number;
  /** Decay factor (default 0.1). */
  gamma?: number;
}

/**
 * Multiplies the lr by `gamma` every `stepSize` epochs: PyTorch's `StepLR`.
 *
 * @example
 * ```ts
 * const s = new StepLR(optimizer, { stepSize: 7, gamma: 0.1 });
 * ```
 */
export class StepLR extends LRScheduler {
  private readonly stepSize: number;
  private readonly gamma: number;
  constructor(optimizer: SchedulableOptimizer, options: StepLROptions) {
    super('stepLR', optimizer);
    checkOptions('stepLR', options, { stepSize: intAtLeast(1), gamma: nonNegative });
    required('stepLR', options, ['stepSize']);
    this.stepSize = options.stepSize;
    this.gamma = options.gamma ?? 0.1;
    this.start();
  }
  protected computeLr(): number[] {
    const e = this.lastEpoch;
    return this.groupLrs().map((lr) => (e === 0 || e % this.stepSize !== 0 ? lr : lr * this.gamma));
  }
  protected override closedFormLr(): number[] {
    return this.baseLrs.map((lr) => lr * this.gamma ** Math.floor(this.lastEpoch / this.stepSize));
  }
}

/**
 * Options of {@link MultiStepLR}.
 *
 * @example
 * ```ts
 * const o: MultiStepLROptions = { milestones: [30, 80], gamma: 0.1 };
 * ```
 */
export interface MultiStepLROptions {
  /** Increasing epochs at which the lr decays (required). */
  milestones: readonly number[];
  /** Decay factor (default 0.1). */
  gamma?: number;
}

const milestonesCheck: Check = (o, k, v) => {
  if (!Array.isArray(v) || !v.every((m, i) => Number.isInteger(m) && m >= 0 && (i === 0 || m >= v[i - 1]))) {
    throw new ArgumentError('INVALID_ARGUMENT', `${o}: option '${k}' must be a non-decreasing list of non-negative integers, got ${show(v)}`);
  }
};

/**
 * Multiplies the lr by `gamma` at each milestone epoch: PyTorch's `MultiStepLR`.
 *
 * @example
 * ```ts
 * const s = new MultiStepLR(optimizer, { milestones: [5, 12, 20], gamma: 0.5 });
 * ```
 */
export class MultiStepLR extends LRScheduler {
  private readonly milestones: readonly number[];
  private readonly gamma: number;
  constructor(optimizer: SchedulableOptimizer, options: MultiStepLROptions) {
    super('multiStepLR', optimizer);
    checkOptions('multiStepLR', options, { milestones: milestonesCheck, gamma: nonNegative });
    required('multiStepLR', options, ['milestones']);
    this.milestones = [...options.milestones];
    this.gamma = options.gamma ?? 0.1;
    this.start();
  }
  protected computeLr(): number[] {
    const hits = this.milestones.filter((m) => m === this.lastEpoch).length;
    return this.groupLrs().map((lr) => (hits === 0 ? lr : lr * this.gamma ** hits));
  }
  protected override closedFormLr(): number[] {
    const passed = this.milestones.filter((m) => m <= this.lastEpoch).length;
    return this.baseLrs.map((lr) => lr * this.gamma ** passed);
  }
}

/**
 * Options of {@link ExponentialLR}.
 *
 * @example
 * ```ts
 * const o: ExponentialLROptions = { gamma: 0.9 };
 * ```
 */
export interface ExponentialLROptions {
  /** Decay factor per epoch (required). */
  gamma: number;
}

/**
 * Multiplies the lr by `gamma` every epoch: PyTorch's `ExponentialLR`.
 *
 * @example
 * ```ts
 * const s = new ExponentialLR(optimizer, { gamma: 0.9 });
 * ```
 */
export class ExponentialLR extends LRScheduler {
  private readonly gamma: number;
  constructor(optimizer: SchedulableOptimizer, options: ExponentialLROptions) {
    super('exponentialLR', optimizer);
    checkOptions('exponentialLR', options, { gamma: nonNegative });
    required('exponentialLR', options, ['gamma']);
    this.gamma = options.gamma;
    this.start();
  }
  protected computeLr(): number[] {
    return this.groupLrs().map((lr) => (this.lastEpoch === 0 ? lr : lr * this.gamma));
  }
  protected override closedFormLr(): number[] {
    return this.baseLrs.map((lr) => lr * this.gamma ** this.lastEpoch);
  }
}

/**
 * Options of {@link ConstantLR}.
 *
 * @example
 * ```ts
 * const o: ConstantLROptions = { factor: 0.5, totalIters: 4 };
 * ```
 */
export interface ConstantLROptions {
  /** The lr is multiplied by this until `totalIters` (default 1/3). */
  factor?: number;
  /** Epochs with the reduced lr (default 5). */
  totalIters?: number;
}

/**
 * Multiplies the lr by a constant `factor` for the first `totalIters` epochs: PyTorch's `ConstantLR`.
 *
 * @example
 * ```ts
 * const s = new ConstantLR(optimizer, { factor: 0.5, totalIters: 4 });
 * ```
 */
export class ConstantLR extends LRScheduler {
  private readonly factor: number;
  private readonly totalIters: number;
  constructor(optimizer: SchedulableOptimizer, options: ConstantLROptions = {}) {
    super('constantLR', optimizer);
    checkOptions('constantLR', options, { factor: positiveFactor, totalIters: intAtLeast(0) });
    this.factor = options.factor ?? 1 / 3;
    this.totalIters = options.totalIters ?? 5;
    this.start();
  }
  protected computeLr(): number[] {
    const e = this.lastEpoch;
    return this.groupLrs().map((lr) => (e === 0 ? lr * this.factor : e !== this.totalIters ? lr : lr * (1 / this.factor)));
  }
  protected override closedFormLr(): number[] {
    return this.baseLrs.map((lr) => lr * (this.factor + (this.lastEpoch >= this.totalIters ? 1 - this.factor : 0)));
  }
}

/**
 * Options of {@link LinearLR}.
 *
 * @example
 * ```ts
 * const o: LinearLROptions = { startFactor: 0.1, endFactor: 1, totalIters: 5 };
 * ```
 */
export interface LinearLROptions {
  /** Factor at epoch 0, in (0, 1] (default 1/3). */
  startFactor?: number;
  /** Factor from `totalIters` on, in [0, 1] (default 1). */
  endFactor?: number;
  /** Epochs of the linear ramp (default 5). */
  totalIters?: number;
}

/**
 * Scales the lr by a factor that goes linearly from `startFactor` to `endFactor` over
 * `totalIters` epochs (a warm-up when increasing): PyTorch's `LinearLR`.
 *
 * @example
 * ```ts
 * const warmup = new LinearLR(optimizer, { startFactor: 0.1, totalIters: 5 });
 * ```
 */
export class LinearLR extends LRScheduler {
  private readonly startFactor: number;
  private readonly endFactor: number;
  private readonly totalIters: number;
  constructor(optimizer: SchedulableOptimizer, options: LinearLROptions = {}) {
    super('linearLR', optimizer);
    checkOptions('linearLR', options, { startFactor: positiveFactor, endFactor: closedUnit, totalIters: intAtLeast(1) });
    this.startFactor = options.startFactor ?? 1 / 3;
    this.endFactor = options.endFactor ?? 1;
    this.totalIters = options.totalIters ?? 5;
    this.start();
  }
  protected computeLr(): number[] {
    const { startFactor: s, endFactor: f, totalIters: n, lastEpoch: e } = this;
    if (e === 0) return this.groupLrs().map((lr) => lr * s);
    if (e > n) return this.groupLrs();
    return this.groupLrs().map((lr) => lr * (1 + (f - s) / (n * s + (e - 1) * (f - s))));
  }
  protected override closedFormLr(): number[] {
    const { startFactor: s, endFactor: f, totalIters: n, lastEpoch: e } = this;
    return this.baseLrs.map((lr) => lr * (s + ((f - s) * Math.min(n, e)) / n));
  }
}

/**
 * Options of {@link PolynomialLR}.
 *
 * @example
 * ```ts
 * const o: PolynomialLROptions = { totalIters: 20, power: 2 };
 * ```
 */
export interface PolynomialLROptions {
  /** Epochs until the lr reaches 0 (default 5). */
  totalIters?: number;
  /** The polynomial's power (default 1). */
  power?: number;
}

/**
 * Decays the lr to 0 over `totalIters` epochs as `(1 − e/totalIters)^power`: PyTorch's `PolynomialLR`.
 *
 * @example
 * ```ts
 * const s = new PolynomialLR(optimizer, { totalIters: 20, power: 2 });
 * ```
 */
export class PolynomialLR extends LRScheduler {
  private readonly totalIters: number;
  private readonly power: number;
  constructor(optimizer: SchedulableOptimizer, options: PolynomialLROptions = {}) {
    super('polynomialLR', optimizer);
    checkOptions('polynomialLR', options, { totalIters: intAtLeast(1), power: finite });
    this.totalIters = options.totalIters ?? 5;
    this.power = options.power ?? 1;
    this.start();
  }
  protected computeLr(): number[] {
    const { totalIters: n, lastEpoch: e, power } = this;
    if (e === 0 || e > n) return this.groupLrs();
    const factor = ((1 - e / n) / (1 - (e - 1) / n)) ** power;
    return this.groupLrs().map((lr) => lr * factor);
  }
  protected override closedFormLr(): number[] {
    const { totalIters: n, lastEpoch: e, power } = this;
    return this.baseLrs.map((lr) => lr * (1 - Math.min(n, e) / n) ** power);
  }
}
