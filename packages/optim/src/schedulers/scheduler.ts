/**
 * {@link LRScheduler}: PyTorch's `LRScheduler` protocol. A scheduler writes the learning rate of
 * every param group of its optimizer at construction (epoch 0) and at each `step()`. Schedules are
 * computed in JS doubles; most follow PyTorch's recursive ("chainable") formulas, so two
 * schedulers on one optimizer compose as in PyTorch, and the sequences equal PyTorch's.
 */
import { ArgumentError } from '@tensorkit/core';
import { show } from '../validate';

/**
 * What a scheduler needs of a param group (any optimizer's groups qualify).
 *
 * @example
 * ```ts
 * const g: SchedulableGroup = optimizer.paramGroups[0]!;
 * ```
 */
export interface SchedulableGroup {
  lr: number;
  initialLr?: number;
  momentum?: number;
  betas?: readonly [number, number];
}

/**
 * What a scheduler drives: any optimizer (its mutable `paramGroups`).
 *
 * @example
 * ```ts
 * const o: SchedulableOptimizer = new SGD([w], { lr: 0.1 });
 * ```
 */
export interface SchedulableOptimizer {
  readonly name: string;
  readonly paramGroups: readonly SchedulableGroup[];
}

/**
 * A scheduler's saved state: its name and its mutable fields (epoch counter, base and last
 * learning rates, and its own counters).
 *
 * @example
 * ```ts
 * const sd: SchedulerStateDict = scheduler.stateDict(); // { scheduler: 'stepLR', lastEpoch: 3, ... }
 * ```
 */
export interface SchedulerStateDict {
  readonly scheduler: string;
  readonly [field: string]: unknown;
}

/**
 * The interface every scheduler implements, ReduceLROnPlateau included. `step()` once per epoch
 * (or per batch for oneCycleLR); a scheduler with `needsMetric` takes the monitored value:
 * `step(valLoss)`.
 *
 * @example
 * ```ts
 * const s: Scheduler = new StepLR(optimizer, { stepSize: 10 });
 * s.step();
 * s.getLastLr(); // [0.1]
 * ```
 */
export interface Scheduler {
  readonly name: string;
  readonly optimizer: SchedulableOptimizer;
  /** True when `step` needs the monitored metric (reduceLROnPlateau). */
  readonly needsMetric: boolean;
  step(metric?: number): void;
  /** The learning rate of each group set by the last step. */
  getLastLr(): number[];
  stateDict(): SchedulerStateDict;
  loadStateDict(sd: SchedulerStateDict): void;
}

/** Checks that `optimizer` has param groups with numeric learning rates. @internal */
export function checkSchedulable(owner: string, optimizer: unknown): asserts optimizer is SchedulableOptimizer {
  const groups = (optimizer as { paramGroups?: unknown } | null)?.paramGroups;
  if (!Array.isArray(groups) || groups.length === 0 || !groups.every((g) => typeof (g as SchedulableGroup)?.lr === 'number')) {
    throw new ArgumentError('INVALID_ARGUMENT', `${owner}: expected an optimizer (with paramGroups), got ${show(optimizer)}; pass e.g. new SGD(params, { lr: 0.1 })`);
  }
}

/** Requires `options[key]` to be present. @internal */
export function required(owner: string, options: object | undefined, keys: readonly string[]): void {
  for (const key of keys) {
    if ((options as Record<string, unknown> | undefined)?.[key] === undefined) {
      throw new ArgumentError('INVALID_ARGUMENT', `${owner}: option '${key}' is required; pass { ${key}: ... }`);
    }
  }
}

/** Loads the named number/array fields of `sd` into `target`, after checking all of them. @internal */
export function loadFields(owner: string, sd: SchedulerStateDict, name: string, target: object, fields: Readonly<Record<string, 'number' | number>>): void {
  const fail: (why: string) => never = (why) => {
    throw new ArgumentError('INVALID_ARGUMENT', `${owner}.loadStateDict: ${why}; pass the result of stateDict() of a '${name}' scheduler of the same optimizer`);
  };
  if (typeof sd !== 'object' || sd === null) fail(`expected a state dict object, got ${show(sd)}`);
  if (sd.scheduler !== name) fail(`the state dict is of scheduler ${show(sd.scheduler)}, not '${name}'`);
  for (const [key, kind] of Object.entries(fields)) {
    const v = sd[key];
    const ok = kind === 'number' ? typeof v === 'number' && !Number.isNaN(v) : Array.isArray(v) && v.length === kind && v.every((x) => typeof x === 'number');
    if (!ok) fail(`key '${key}' is missing or is not ${kind === 'number' ? 'a number' : `a list of ${kind} numbers`} (got ${show(v)})`);
  }
  for (const key of Object.keys(fields)) {
    const v = sd[key];
    (target as Record<string, unknown>)[key] = Array.isArray(v) ? [...(v as number[])] : v;
  }
}

/**
 * The base class of the epoch-based schedulers (all but ReduceLROnPlateau). A subclass defines
 * `computeLr()` (PyTorch's `get_lr`, usually recursive in the groups' current lr) and, where
 * PyTorch has one, `closedFormLr()`, used when SequentialLR restarts it at epoch 0. Subclass
 * constructors end with `this.start()`, which takes the initial step (epoch 0).
 *
 * @example
 * ```ts
 * class HalvingLR extends LRScheduler {
 *   constructor(optimizer: SchedulableOptimizer) { super('halvingLR', optimizer); this.start(); }
 *   protected computeLr() { return this.baseLrs.map((lr) => lr * 0.5 ** this.lastEpoch); }
 * }
 * ```
 */
export abstract class LRScheduler implements Scheduler {
  readonly name: string;
  readonly optimizer: SchedulableOptimizer;
  readonly needsMetric = false;
  /** The epoch of the last step (0 after construction). */
  lastEpoch = -1;
  /** Each group's `initialLr`: the lr before any scheduler touched it. */
  protected baseLrs: number[];
  private lastLr: number[] = [];

  constructor(name: string, optimizer: SchedulableOptimizer) {
    checkSchedulable(name, optimizer);
    this.name = name;
    this.optimizer = optimizer;
    for (const g of optimizer.paramGroups) g.initialLr ??= g.lr;
    this.baseLrs = optimizer.paramGroups.map((g) => g.initialLr!);
  }

  /** PyTorch's `get_lr()` at `lastEpoch`. */
  protected abstract computeLr(): number[];

  /** The lr at `lastEpoch` from the base lrs alone, where PyTorch has such a form. */
  protected closedFormLr?(): number[];

  /** The fields (besides the base ones) that `stateDict` saves, with their kind. */
  protected stateFields(): Readonly<Record<string, 'number' | number>> {
    return {};
  }

  /** The initial step (epoch 0); called at the end of every subclass constructor. */
  protected start(): void {
    this.step();
  }

  /** The groups' current learning rates. */
  protected groupLrs(): number[] {
    return this.optimizer.paramGroups.map((g) => g.lr);
  }

  /**
   * Advances one epoch and sets each group's learning rate.
   *
   * @example
   * ```ts
   * for (let epoch = 0; epoch < 30; epoch++) { train(); scheduler.step(); }
   * ```
   */
  step(): void {
    this.lastEpoch++;
    this.apply(this.computeLr());
  }

  /** Jumps to `epoch` (PyTorch's deprecated `step(epoch)`, used by SequentialLR). @internal */
  stepTo(epoch: number): void {
    this.lastEpoch = epoch;
    this.apply(this.closedFormLr ? this.closedFormLr() : this.computeLr());
  }

  /** Writes the lrs into the groups. */
  protected apply(lrs: readonly number[]): void {
    this.optimizer.paramGroups.forEach((g, i) => {
      g.lr = lrs[i]!;
    });
    this.lastLr = [...lrs];
  }

  /**
   * The learning rate of each group set by the last step.
   *
   * @example
   * ```ts
   * scheduler.getLastLr(); // [0.05, 0.005]
   * ```
   */
  getLastLr(): number[] {
    return [...this.lastLr];
  }

  private fields(): Record<string, 'number' | number> {
    const n = this.optimizer.paramGroups.length;
    return { lastEpoch: 'number', baseLrs: n, lastLr: n, ...this.stateFields() };
  }

  /**
   * The scheduler's state (plain numbers, JSON-serialisable), for {@link loadStateDict}.
   *
   * @example
   * ```ts
   * const saved = JSON.stringify(scheduler.stateDict());
   * ```
   */
  stateDict(): SchedulerStateDict {
    const self = this as unknown as Record<string, unknown>;
    const out: Record<string, unknown> = { scheduler: this.name };
    for (const key of Object.keys(this.fields())) out[key] = Array.isArray(self[key]) ? [...(self[key] as number[])] : self[key];
    return out as SchedulerStateDict;
  }

  /**
   * Restores a state from {@link stateDict}; on a bad state dict it throws and changes nothing.
   * Like PyTorch, it does not write the optimizer's learning rates (the optimizer's own state
   * dict holds them).
   *
   * @example
   * ```ts
   * scheduler.loadStateDict(JSON.parse(saved));
   * ```
   */
  loadStateDict(sd: SchedulerStateDict): void {
    loadFields(this.name, sd, this.name, this, this.fields());
  }
}
