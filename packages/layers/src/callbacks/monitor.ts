import { ArgumentError } from '@tensorkit/core';
import { finiteNumber, oneOf } from '../training/options';
import type { Logs, TrainingContext } from './callback';

/** `'auto'` means max for accuracy-like names (`acc`, `auc`, `precision`, `recall`), else min. */
export type MonitorMode = 'min' | 'max' | 'auto';

/**
 * Tracks the best value of one log key, with Keras's improvement rule: in min mode a value
 * improves when `value < best - minDelta`, in max mode when `value > best + minDelta`.
 */
export class Monitor {
  readonly mode: 'min' | 'max';
  readonly minDelta: number;
  best: number;

  constructor(
    readonly owner: string,
    readonly key: string,
    mode: MonitorMode = 'auto',
    minDelta = 0,
  ) {
    const m = oneOf(owner, 'mode', mode, ['min', 'max', 'auto'] as const);
    this.mode = m !== 'auto' ? m : /acc|auc|precision|recall/i.test(key) ? 'max' : 'min';
    this.minDelta = Math.abs(finiteNumber(owner, 'minDelta', minDelta));
    this.best = this.mode === 'min' ? Infinity : -Infinity;
  }

  /** Throws when the run will never log `key` (a typo, or val_ without validation data). */
  check(context: TrainingContext): void {
    if (context.logKeys.includes(this.key)) return;
    const hint = this.key.startsWith('val_') ? '; val_ keys need validationData or validationSplit in fit' : '';
    throw new ArgumentError('INVALID_ARGUMENT', `${this.owner}: monitor '${this.key}' is not logged (logs: ${context.logKeys.join(', ')})${hint}`);
  }

  value(logs: Logs): number {
    return logs[this.key] ?? NaN;
  }

  /** Whether `value` improves on the best so far; if so it becomes the best. */
  improve(value: number): boolean {
    const better = this.mode === 'min' ? value < this.best - this.minDelta : value > this.best + this.minDelta;
    if (better) this.best = value;
    return better;
  }

  reset(): void {
    this.best = this.mode === 'min' ? Infinity : -Infinity;
  }
}
