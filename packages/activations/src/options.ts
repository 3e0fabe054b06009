/*
 * Option checks shared by the activations. Not re-exported: each public function states its own
 * options, and these only make the error messages uniform.
 */
import { ArgumentError, DTypeError, checkOptions, formatShape } from '@tensorkit/core';
import { cast, isTensor, tensor, tidy, type Tensor, type TensorLike } from '@tensorkit/tensor';

function describe(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null || v === undefined) return String(v);
  return Array.isArray(v) ? 'an array' : typeof v;
}

/** The options object of `fn`, checked to hold only `known` keys (a typo is an error, not a silent default). */
export function optionsOf<T extends object>(options: T | undefined, fn: string, known: readonly string[]): Partial<T> {
  return checkOptions<Partial<T>>(options, fn, known);
}

/** A finite number option, or its default when absent; `positive` also rejects values <= 0. */
export function numberOption(value: unknown, fallback: number, name: string, fn: string, positive = false): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || (positive && value <= 0)) {
    throw new ArgumentError(
      'INVALID_ARGUMENT',
      `${fn}: '${name}' must be a finite${positive ? ' positive' : ''} number, got ${describe(value)}; pass e.g. { ${name}: ${fallback} }`,
    );
  }
  return value;
}

/** `x` as a float32 tensor (numbers and arrays are converted, int32 is cast); bool is refused. */
export function floatTensor(x: TensorLike, fn: string): Tensor {
  const t = isTensor(x) ? x : tensor(x);
  if (t.dtype === 'bool') {
    throw new DTypeError('DTYPE_MISMATCH', `${fn}: x must be numeric, got bool ${formatShape(t.shape)}; cast(x, 'float32') first`);
  }
  return t.dtype === 'float32' ? t : cast(t, 'float32');
}

/** `fn` applied to `x` as float32 (see {@link floatTensor}); a float32 tensor goes straight through. */
export function onFloat(x: TensorLike, fn: string, f: (t: Tensor) => Tensor): Tensor {
  return isTensor(x) && x.dtype === 'float32' ? f(x) : tidy(() => f(floatTensor(x, fn)));
}
