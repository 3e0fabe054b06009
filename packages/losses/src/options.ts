import { ArgumentError, DTypeError, ShapeError, formatShape } from '@tensorkit/core';
import { cast, isTensor, tensor, type Tensor, type TensorLike } from '@tensorkit/tensor';

/*
 * Argument checks shared by every loss. Each error names the loss, the offending value or shapes,
 * and the fix, and carries a stable code.
 */

/** The options object, or `{}`. @internal */
export function optionsOf<T extends object>(options: T | undefined, loss: string): T {
  if (options === undefined) return {} as T;
  if (typeof options !== 'object' || options === null || Array.isArray(options) || isTensor(options)) {
    throw new ArgumentError('INVALID_ARGUMENT', `${loss}: options must be an object like { reduction: 'mean' }, got ${typeof options}`);
  }
  return options;
}

/**
 * A numeric option: not NaN, a number, within `[min, max]` (`exclusiveMin` makes the lower bound
 * strict). @internal
 */
export function numberOption(
  value: unknown,
  fallback: number,
  name: string,
  loss: string,
  range: { min?: number; max?: number; exclusiveMin?: boolean } = {},
): number {
  if (value === undefined) return fallback;
  const { min = -Infinity, max = Infinity, exclusiveMin = false } = range;
  const ok = typeof value === 'number' && !Number.isNaN(value) && (exclusiveMin ? value > min : value >= min) && value <= max;
  if (!ok) {
    const lo = min === -Infinity ? '' : `${exclusiveMin ? '>' : '>='} ${min}`;
    const hi = max === Infinity ? '' : `<= ${max}`;
    const bounds = [lo, hi].filter(Boolean).join(' and ');
    throw new ArgumentError(
      'INVALID_ARGUMENT',
      `${loss}: option '${name}' must be a number${bounds ? ` ${bounds}` : ''}, got ${String(value)}; pass e.g. { ${name}: ${fallback} }`,
    );
  }
  return value as number;
}

/** A boolean option. @internal */
export function boolOption(value: unknown, fallback: boolean, name: string, loss: string): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') {
    throw new ArgumentError('INVALID_ARGUMENT', `${loss}: option '${name}' must be true or false, got ${String(value)}`);
  }
  return value;
}

/** Converts a tensor-like argument to a float32 tensor (inside the loss's `tidy`). @internal */
export function floatArg(x: TensorLike, name: string, loss: string): Tensor {
  const t = asTensor(x, name, loss);
  if (t.dtype === 'bool') {
    throw new DTypeError('DTYPE_MISMATCH', `${loss}: '${name}' must be numeric, got bool ${formatShape(t.shape)}; cast it with cast(${name}, 'float32')`);
  }
  return t.dtype === 'float32' ? t : cast(t, 'float32');
}

/** Converts a tensor-like argument without changing its dtype. @internal */
export function asTensor(x: TensorLike, name: string, loss: string): Tensor {
  if (isTensor(x)) return x;
  if (typeof x === 'number' || Array.isArray(x) || ArrayBuffer.isView(x)) return tensor(x);
  throw new ArgumentError('INVALID_ARGUMENT', `${loss}: '${name}' must be a Tensor, number or array, got ${x === null ? 'null' : typeof x}`);
}

/** Requires `yTrue` and `yPred` to have the same shape (no silent broadcasting of labels). @internal */
export function assertSameShape(yTrue: Tensor, yPred: Tensor, loss: string, what = 'yTrue'): void {
  if (!sameShape(yTrue.shape, yPred.shape)) {
    throw new ShapeError(
      'SHAPE_MISMATCH',
      `${loss}: ${what} has shape ${formatShape(yTrue.shape)} but yPred has shape ${formatShape(yPred.shape)}; ` +
        `they must match (reshape the labels, e.g. reshape(${what}, [${yPred.shape.join(', ')}]))`,
    );
  }
}

/** Shape equality. @internal */
export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/** Requires a tensor to broadcast to `shape`'s trailing axes (element weights). @internal */
export function assertBroadcastsTo(w: Tensor, shape: readonly number[], name: string, loss: string): void {
  const ok = w.rank <= shape.length && w.shape.every((d, i) => d === 1 || d === shape[shape.length - w.rank + i]);
  if (!ok) {
    throw new ShapeError(
      'SHAPE_MISMATCH',
      `${loss}: '${name}' has shape ${formatShape(w.shape)}, which does not broadcast to the prediction's shape ${formatShape(shape)}; ` +
        `give one value per element or per class (shape [${shape[shape.length - 1] ?? 1}])`,
    );
  }
}
