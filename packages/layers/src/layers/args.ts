/**
 * Option checks shared by the layer factories: every bad option is an `INVALID_ARGUMENT` error
 * naming the layer, the option, the value and what is allowed.
 */
import { ArgumentError, checkOptions } from '@tensorkit/core';

function show(v: unknown): string {
  if (typeof v === 'number' || typeof v === 'boolean' || v === null || v === undefined) return String(v);
  try {
    return JSON.stringify(v);
  } catch {
    return typeof v;
  }
}

/** An options object (or `{}`) whose keys are all in `known`; an unknown key is an error, not ignored. */
export function optionsOf<T extends object>(options: T | undefined, layer: string, known: readonly string[]): T {
  return checkOptions(options, layer, known);
}

/** An integer `>= min`. */
export function intArg(v: unknown, name: string, layer: string, min = 1): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min) {
    throw new ArgumentError('INVALID_ARGUMENT', `${layer}: '${name}' must be an integer >= ${min}, got ${show(v)}`);
  }
  return v;
}

/** A finite number in `[min, max]`. NaN is always an error. */
export function numberArg(v: unknown, name: string, layer: string, min = -Infinity, max = Infinity): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max) {
    const range = min === -Infinity && max === Infinity ? 'a finite number' : `a number in [${min}, ${max}]`;
    throw new ArgumentError('INVALID_ARGUMENT', `${layer}: '${name}' must be ${range}, got ${show(v)}`);
  }
  return v;
}

/** A boolean. */
export function boolArg(v: unknown, name: string, layer: string): boolean {
  if (typeof v !== 'boolean') throw new ArgumentError('INVALID_ARGUMENT', `${layer}: '${name}' must be true or false, got ${show(v)}`);
  return v;
}

/** One integer for both axes, or `[a, b]`, each `>= min`. */
export function pairArg(v: unknown, name: string, layer: string, min = 1): [number, number] {
  const pair = typeof v === 'number' ? [v, v] : v;
  if (!Array.isArray(pair) || pair.length !== 2 || pair.some((d) => typeof d !== 'number' || !Number.isInteger(d) || d < min)) {
    throw new ArgumentError('INVALID_ARGUMENT', `${layer}: '${name}' must be an integer >= ${min} or a pair [a, b] of them, got ${show(v)}`);
  }
  return [pair[0] as number, pair[1] as number];
}

/** A list of positive integers (a shape without the batch axis); `-1` allowed once when `allowInfer`. */
export function shapeArg(v: unknown, name: string, layer: string, allowInfer = false): number[] {
  const ok =
    Array.isArray(v) &&
    v.every((d) => typeof d === 'number' && Number.isInteger(d) && (d >= 1 || (allowInfer && d === -1))) &&
    v.filter((d) => d === -1).length <= 1;
  if (!ok) {
    throw new ArgumentError(
      'INVALID_ARGUMENT',
      `${layer}: '${name}' must be a list of positive integers${allowInfer ? ' (one -1 allowed)' : ''}, got ${show(v)}`,
    );
  }
  return [...(v as number[])];
}

/** A seed: a non-negative safe integer, or undefined for the global generator. */
export function seedArg(v: unknown, layer: string): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0) {
    throw new ArgumentError('INVALID_ARGUMENT', `${layer}: 'seed' must be a non-negative safe integer, got ${show(v)}`);
  }
  return v;
}
