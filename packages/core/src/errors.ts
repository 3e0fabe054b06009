/**
 * Stable error codes. A code never changes meaning once released, so callers may branch on it.
 *
 * @example
 * ```ts
 * try { add(a, b); } catch (e) { if (isTensorkitError(e, 'SHAPE_MISMATCH')) console.log(e.message); }
 * ```
 */
export type ErrorCode =
  | 'SHAPE_MISMATCH'
  | 'INVALID_SHAPE'
  | 'DTYPE_MISMATCH'
  | 'INVALID_AXIS'
  | 'INVALID_ARGUMENT'
  | 'NOT_REGISTERED'
  | 'ALREADY_REGISTERED'
  | 'INCOMPATIBLE_VERSION'
  | 'INVALID_PLUGIN'
  | 'NO_BACKEND'
  | 'BACKEND_INIT_FAILED'
  | 'CONTEXT_LOST'
  | 'MISSING_KERNEL'
  | 'DISPOSED'
  | 'INVALID_STATE'
  | 'CORRUPT_DATA'
  | 'NOT_DIFFERENTIABLE';

/**
 * The base class of every error tensorkit throws. `code` is stable; the message names the op,
 * the shapes or dtypes involved, and the fix.
 *
 * @example
 * ```ts
 * import { TensorkitError } from '@tensorkit/core';
 * const e = new TensorkitError('INVALID_ARGUMENT', 'sgd: lr must be a finite number >= 0, got NaN');
 * e.code; // 'INVALID_ARGUMENT'
 * ```
 */
export class TensorkitError extends Error {
  /** The stable error code. */
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.code = code;
    this.name = new.target.name;
  }
}

/**
 * A shape that does not fit the op: mismatched operands, a bad reshape, a wrong rank.
 *
 * @example
 * ```ts
 * throw new ShapeError('SHAPE_MISMATCH', 'add: shapes [2,3] and [4] do not broadcast');
 * ```
 */
export class ShapeError extends TensorkitError {}

/**
 * A dtype the op does not accept (e.g. `matMul` of a bool tensor).
 *
 * @example
 * ```ts
 * throw new DTypeError('DTYPE_MISMATCH', 'matMul: expected float32, got bool; cast it first');
 * ```
 */
export class DTypeError extends TensorkitError {}

/**
 * A bad argument value: an axis out of range, a NaN hyperparameter, an unknown option.
 *
 * @example
 * ```ts
 * throw new ArgumentError('INVALID_AXIS', 'sum: axis 3 is out of range for a rank-2 tensor');
 * ```
 */
export class ArgumentError extends TensorkitError {}

/**
 * A registry problem: an unknown name, a duplicate name, an incompatible plugin.
 *
 * @example
 * ```ts
 * throw new RegistryError('NOT_REGISTERED', "no optimizer 'adamw'; registered: sgd");
 * ```
 */
export class RegistryError extends TensorkitError {}

/**
 * A backend problem: none selected, failed to start, or a kernel it lacks.
 *
 * @example
 * ```ts
 * throw new BackendError('NO_BACKEND', "no backend is active; call use(cpuBackend)");
 * ```
 */
export class BackendError extends TensorkitError {}

/**
 * An object used in the wrong state, such as a disposed tensor.
 *
 * @example
 * ```ts
 * throw new StateError('DISPOSED', 'add: tensor #12 [2,3] float32 was disposed');
 * ```
 */
export class StateError extends TensorkitError {}

/**
 * Stored data that cannot be read back: a truncated or corrupted file.
 *
 * @example
 * ```ts
 * throw new FormatError('CORRUPT_DATA', 'loadModel: header length 9e9 exceeds file size 120');
 * ```
 */
export class FormatError extends TensorkitError {}

/**
 * True when `e` is a tensorkit error, optionally with the given code. Works across package copies
 * because it checks the shape of the error, not its class identity.
 *
 * @example
 * ```ts
 * if (isTensorkitError(err, 'NOT_REGISTERED')) console.log('register the plugin first');
 * ```
 */
export function isTensorkitError(e: unknown, code?: ErrorCode): e is TensorkitError {
  if (!(e instanceof Error)) return false;
  const c = (e as { code?: unknown }).code;
  return typeof c === 'string' && (code === undefined || c === code);
}
