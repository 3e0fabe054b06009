/**
 * Option checks shared by every optimizer and scheduler. Each error names the owner (`adam`,
 * `stepLR`), the option, the value received and what is accepted, so a typo is fixed in one read.
 */
import { ArgumentError, unknownOptionError } from '@tensorkit/core';

/** A value for an error message: NaN and arrays print as themselves, not as `null`. */
export function show(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return `[${value.map(show).join(', ')}]`;
  if (typeof value === 'string') return `'${value}'`;
  return value === null ? 'null' : typeof value === 'object' ? 'an object' : String(value);
}

/** Throws `INVALID_ARGUMENT` naming the owner, the option, the value and the accepted range. */
export function badOption(owner: string, option: string, value: unknown, accepted: string, fix = ''): never {
  throw new ArgumentError(
    'INVALID_ARGUMENT',
    `${owner}: option '${option}' must be ${accepted}, got ${show(value)}${fix ? `; ${fix}` : ''}`,
  );
}

/** A check of one option value. */
export type Check = (owner: string, option: string, value: unknown) => void;

const isNum = (v: unknown): v is number => typeof v === 'number' && !Number.isNaN(v);

/** A finite number `>= 0` (learning rates, weight decay, eps). */
export const nonNegative: Check = (o, k, v) => {
  if (!isNum(v) || !Number.isFinite(v) || v < 0) badOption(o, k, v, 'a finite number >= 0');
};

/** A finite number `> 0` (clipping thresholds, max_lr). */
export const positive: Check = (o, k, v) => {
  if (!isNum(v) || !Number.isFinite(v) || v <= 0) badOption(o, k, v, 'a finite number > 0');
};

/** A finite number (any sign). */
export const finite: Check = (o, k, v) => {
  if (!isNum(v) || !Number.isFinite(v)) badOption(o, k, v, 'a finite number');
};

/** A number in `[0, 1)` (momentum coefficients, decay rates). */
export const unitInterval: Check = (o, k, v) => {
  if (!isNum(v) || v < 0 || v >= 1) badOption(o, k, v, 'a number in [0, 1)');
};

/** A number in `[0, 1]` (dampening, factors). */
export const closedUnit: Check = (o, k, v) => {
  if (!isNum(v) || v < 0 || v > 1) badOption(o, k, v, 'a number in [0, 1]');
};

/** A boolean flag. */
export const bool: Check = (o, k, v) => {
  if (typeof v !== 'boolean') badOption(o, k, v, 'true or false');
};

/** An integer `>= min`. */
export const intAtLeast =
  (min: number): Check =>
  (o, k, v) => {
    if (!isNum(v) || !Number.isInteger(v) || v < min) badOption(o, k, v, `an integer >= ${min}`);
  };

/** Adam's `betas`: a pair of numbers, each in `[0, 1)`. */
export const betas: Check = (o, k, v) => {
  if (!Array.isArray(v) || v.length !== 2 || !v.every((b) => isNum(b) && b >= 0 && b < 1)) {
    badOption(o, k, v, 'a pair [beta1, beta2] with each value in [0, 1)', 'the default is [0.9, 0.999]');
  }
};

/** One of the given strings. */
export const oneOf =
  (...choices: readonly string[]): Check =>
  (o, k, v) => {
    if (typeof v !== 'string' || !choices.includes(v)) badOption(o, k, v, `one of ${choices.map((c) => `'${c}'`).join(', ')}`);
  };

/**
 * Checks `options` against a table of checks: unknown keys are refused (naming the closest known
 * option), `undefined` values are skipped.
 */
export function checkOptions(owner: string, options: unknown, checks: Readonly<Record<string, Check>>): void {
  if (options === undefined) return;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new ArgumentError('INVALID_ARGUMENT', `${owner}: options must be an object like { lr: 0.01 }, got ${show(options)}`);
  }
  const known = Object.keys(checks);
  for (const [key, value] of Object.entries(options)) {
    const check = checks[key];
    if (check === undefined) throw unknownOptionError(owner, key, known);
    if (value !== undefined) check(owner, key, value);
  }
}
