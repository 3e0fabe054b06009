/**
 * Cosine annealing, with and without warm restarts.
 */
import { checkOptions, intAtLeast, nonNegative } from '../validate';
import { LRScheduler, required, type SchedulableOptimizer } from './scheduler';

/**
 * Options of {@link CosineAnnealingLR}.
 *
 * @example
 * ```ts
 * const o: CosineAnnealingLROptions = { tMax: 50, etaMin: 1e-5 };
 * ```
 */
export interface CosineAnnealingLROptions {
  /** Epochs of a half period (required). */
  tMax: number;
  /** The minimum lr (default 0). */
  etaMin?: number;
}

/**
 * Anneals the lr from its base value to `etaMin` along a half cosine over `tMax` epochs, then
 * back up (period `2·tMax`): PyTorch's `CosineAnnealingLR`.
 *
 * @example
 * ```ts
 * const s = new CosineAnnealingLR(optimizer, { tMax: 30 });
 * ```
 */
export class CosineAnnealingLR extends LRScheduler {
  private readonly tMax: number;
  private readonly etaMin: number;
  constructor(optimizer: SchedulableOptimizer, options: CosineAnnealingLROptions) {
    super('cosineAnnealingLR', optimizer);
    checkOptions('cosineAnnealingLR', options, { tMax: intAtLeast(1), etaMin: nonNegative });
    required('cosineAnnealingLR', options, ['tMax']);
    this.tMax = options.tMax;
    this.etaMin = options.etaMin ?? 0;
    this.start();
  }
  protected computeLr(): number[] {
    const { tMax: t, etaMin, lastEpoch: e } = this;
    const lrs = this.groupLrs();
    if (e === 0) return lrs;
    if ((e - 1 - t) % (2 * t) === 0) {
      return lrs.map((lr, i) => lr + ((this.baseLrs[i]! - etaMin) * (1 - Math.cos(Math.PI / t))) / 2);
    }
    return lrs.map((lr) => ((1 + Math.cos((Math.PI * e) / t)) / (1 + Math.cos((Math.PI * (e - 1)) / t))) * (lr - etaMin) + etaMin);
  }
  protected override closedFormLr(): number[] {
    const { tMax: t, etaMin, lastEpoch: e } = this;
    return this.baseLrs.map((lr) => etaMin + ((lr - etaMin) * (1 + Math.cos((Math.PI * e) / t))) / 2);
  }
}

/**
 * Options of {@link CosineAnnealingWarmRestarts}.
 *
 * @example
 * ```ts
 * const o: CosineAnnealingWarmRestartsOptions = { t0: 10, tMult: 2, etaMin: 1e-4 };
 * ```
 */
export interface CosineAnnealingWarmRestartsOptions {
  /** Epochs of the first cycle (required). */
  t0: number;
  /** Each cycle is `tMult` times longer than the previous one (default 1). */
  tMult?: number;
  /** The minimum lr (default 0). */
  etaMin?: number;
}

/**
 * Cosine annealing restarted every cycle (SGDR): PyTorch's `CosineAnnealingWarmRestarts`.
 *
 * @example
 * ```ts
 * const s = new CosineAnnealingWarmRestarts(optimizer, { t0: 10, tMult: 2 });
 * ```
 */
export class CosineAnnealingWarmRestarts extends LRScheduler {
  private readonly t0: number;
  private readonly tMult: number;
  private readonly etaMin: number;
  /** Epochs since the last restart. */
  private tCur = -1;
  /** Length of the current cycle. */
  private tI: number;
  constructor(optimizer: SchedulableOptimizer, options: CosineAnnealingWarmRestartsOptions) {
    super('cosineAnnealingWarmRestarts', optimizer);
    checkOptions('cosineAnnealingWarmRestarts', options, { t0: intAtLeast(1), tMult: intAtLeast(1), etaMin: nonNegative });
    required('cosineAnnealingWarmRestarts', options, ['t0']);
    this.t0 = options.t0;
    this.tI = options.t0;
    this.tMult = options.tMult ?? 1;
    this.etaMin = options.etaMin ?? 0;
    this.start();
  }
  protected override stateFields(): Readonly<Record<string, 'number' | number>> {
    return { tCur: 'number', tI: 'number' };
  }
  override step(): void {
    if (this.lastEpoch < 0) {
      this.stepTo(0);
      return;
    }
    this.lastEpoch++;
    this.tCur++;
    if (this.tCur >= this.tI) {
      this.tCur -= this.tI;
      this.tI *= this.tMult;
    }
    this.apply(this.computeLr());
  }
  override stepTo(epoch: number): void {
    const { t0, tMult } = this;
    if (epoch >= t0) {
      if (tMult === 1) {
        this.tCur = epoch % t0;
      } else {
        const n = Math.floor(Math.log((epoch / t0) * (tMult - 1) + 1) / Math.log(tMult));
        this.tCur = epoch - (t0 * (tMult ** n - 1)) / (tMult - 1);
        this.tI = t0 * tMult ** n;
      }
    } else {
      this.tI = t0;
      this.tCur = epoch;
    }
    this.lastEpoch = Math.floor(epoch);
    this.apply(this.computeLr());
  }
  protected computeLr(): number[] {
    return this.baseLrs.map((lr) => this.etaMin + ((lr - this.etaMin) * (1 + Math.cos((Math.PI * this.tCur) / this.tI))) / 2);
  }
}
