/*
 * Option checks shared by the initializers; not re-exported. A typo in an option name is an
 * error, not a silent default, and every number must be finite (NaN hyperparameters are errors).
 */
import { ArgumentError, checkOptions } from '@tensorkit/core';

/** The options object of `fn`, checked to hold only `known` keys. */
export function optionsOf<T extends object>(options: T | undefined, fn: string, known: readonly string[]): Partial<T> {
  return checkOptions<Partial<T>>(options, fn, known);
}

/** A finite number, or `fallback` when absent; `positive` also rejects values <= 0. */
export function numberOption(value: unknown, fallback: number, name: string, fn: string, positive = false): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || (positive && value <= 0)) {
    throw new ArgumentError(
      'INVALID_ARGUMENT',
      `${fn}: '${name}' must be a finite${positive ? ' positive' : ''} number, got ${typeof value === 'number' ? value : JSON.stringify(value)}`,
    );
  }
  return value;
}
