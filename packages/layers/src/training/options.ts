/*
 * Option checks shared by training, callbacks, metrics and regularizers, so every error message
 * has the same form: the function, the option, the value, and what is accepted.
 */
import { ArgumentError, checkOptions as checkKnownOptions } from '@tensorkit/core';

function describe(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null || v === undefined) return String(v);
  return Array.isArray(v) ? 'an array' : typeof v;
}

/** Throws on keys outside `known` (a typo is an error, not a silent default). */
export function checkOptions(fn: string, options: unknown, known: readonly string[]): void {
  checkKnownOptions(options as object | undefined, fn, known);
}

/** A finite number (NaN and ±Infinity are errors), at least `min` when given. */
export function finiteNumber(fn: string, name: string, value: unknown, min = -Infinity): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min) {
    throw new ArgumentError(
      'INVALID_ARGUMENT',
      `${fn}: '${name}' must be a finite number${min > -Infinity ? ` >= ${min}` : ''}, got ${describe(value)}`,
    );
  }
  return value;
}

/** An integer >= `min` (default 1). */
export function positiveInt(fn: string, name: string, value: unknown, min = 1): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min) {
    throw new ArgumentError('INVALID_ARGUMENT', `${fn}: '${name}' must be an integer >= ${min}, got ${describe(value)}`);
  }
  return value;
}

/** One of `allowed`. */
export function oneOf<T extends string>(fn: string, name: string, value: unknown, allowed: readonly T[]): T {
  if (!allowed.includes(value as T)) {
    throw new ArgumentError('INVALID_ARGUMENT', `${fn}: '${name}' must be one of ${allowed.map((a) => `'${a}'`).join(', ')}, got ${describe(value)}`);
  }
  return value as T;
}
