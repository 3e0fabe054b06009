import { ArgumentError } from '@tensorkit/core';
import { engineState } from './engine-state';
import { isTensor, type Tensor } from './tensor';

/** Tensors reachable from a tidy result: a tensor, or arrays and plain objects of them. */
function collect(result: unknown, out: Set<Tensor>, depth = 0): void {
  if (depth > 8 || result === null || typeof result !== 'object') return;
  if (isTensor(result)) {
    out.add(result);
    return;
  }
  if (result instanceof Map) {
    for (const v of result.values()) collect(v, out, depth + 1);
    return;
  }
  if (Array.isArray(result)) {
    for (const v of result) collect(v, out, depth + 1);
    return;
  }
  if (Object.getPrototypeOf(result) === Object.prototype) for (const v of Object.values(result)) collect(v, out, depth + 1);
}

/**
 * Runs `fn` and disposes every tensor it created, except those it returns (a tensor, or arrays,
 * maps and plain objects of tensors) and those passed to `keep`. `fn` must be synchronous.
 *
 * @example
 * ```ts
 * const y = tidy(() => relu(add(matMul(x, w), b))); // the intermediates are freed
 * ```
 */
export function tidy<T>(fn: () => T): T {
  if (typeof fn !== 'function') {
    throw new ArgumentError('INVALID_ARGUMENT', `tidy: expected a function, got ${typeof fn}`);
  }
  const state = engineState();
  const scope = { tracked: [] as Tensor[] };
  state.scopes.push(scope);
  let result: T;
  try {
    result = fn();
  } catch (e) {
    state.scopes.pop();
    for (const t of scope.tracked) if (!t.kept) t.dispose();
    throw e;
  }
  state.scopes.pop();
  if (typeof (result as { then?: unknown } | null)?.then === 'function') {
    for (const t of scope.tracked) if (!t.kept) t.dispose();
    throw new ArgumentError('INVALID_ARGUMENT', 'tidy: fn returned a Promise; tidy cannot track async work, so await outside it');
  }
  const survivors = new Set<Tensor>();
  collect(result, survivors);
  const parent = state.scopes[state.scopes.length - 1];
  for (const t of scope.tracked) {
    if (survivors.has(t)) parent?.tracked.push(t);
    else if (!t.kept) t.dispose();
  }
  return result;
}

/**
 * Protects `t` from every enclosing `tidy`; you dispose it yourself. Returns `t`.
 *
 * @example
 * ```ts
 * let total: Tensor;
 * tidy(() => { total = keep(sum(x)); });
 * ```
 */
export function keep<T extends Tensor>(t: T): T {
  t.kept = true;
  return t;
}

/**
 * Disposes a tensor, or every tensor in an array, map or plain object.
 *
 * @example
 * ```ts
 * dispose([a, b]);
 * ```
 */
export function dispose(container: unknown): void {
  const found = new Set<Tensor>();
  collect(container, found);
  for (const t of found) t.dispose();
}
