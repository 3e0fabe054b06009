import { ArgumentError, ShapeError, StateError, formatShape, type DType } from '@tensorkit/core';
import { VARIABLE_BRAND } from './brand';
import { assertLive, isRecording } from './engine';
import { engineState, releaseRecord } from './engine-state';
import { tensor, type TensorLike } from './convert';
import { isTensor, Tensor } from './tensor';

/**
 * Options of {@link variable}.
 *
 * @example
 * ```ts
 * variable(zeros([3]), { trainable: false, name: 'runningMean' });
 * ```
 */
export interface VariableOptions {
  /** Whether optimizers update it (default true). Batch norm's running statistics are not trainable. */
  trainable?: boolean;
  /** A label for debugging and summaries; variables are keyed by identity, never by name. */
  name?: string;
  dtype?: DType;
}

let nextVariableId = 0;

/**
 * Mutable trainable state: a tensor whose value `assign` replaces. Variables are never disposed
 * by `tidy`; dispose them yourself (or let a `Module` do it).
 *
 * @example
 * ```ts
 * const w = variable(randn([3, 2], { seed: 0 }));
 * w.assign(zeros([3, 2]));
 * ```
 */
export class Variable extends Tensor {
  readonly [VARIABLE_BRAND] = true;
  /** Whether optimizers update it. */
  readonly trainable: boolean;
  /** A debugging label. */
  readonly name: string;

  /** @internal Use `variable()`. */
  constructor(source: Tensor, options: VariableOptions) {
    source.record.refCount++;
    const state = engineState();
    super(state.nextTensorId++, source.record, source.shape, source.dtype);
    state.numTensors++;
    state.finalizer?.register(this, source.record, this);
    this.trainable = options.trainable ?? true;
    this.name = options.name ?? `variable${nextVariableId++}`;
  }

  /**
   * Replaces the value with `value` (same shape and dtype). Inside a gradient scope this throws
   * unless wrapped in `noGrad`, so optimizer updates never enter the tape.
   *
   * @example
   * ```ts
   * noGrad(() => w.assign(sub(w, mul(0.1, g))));
   * ```
   */
  assign(value: Tensor): void {
    assertLive(this, 'assign');
    assertLive(value, 'assign');
    if (!isTensor(value)) throw new ArgumentError('INVALID_ARGUMENT', `assign: expected a Tensor for variable '${this.name}'`);
    if (value.dtype !== this.dtype || value.shape.length !== this.shape.length || value.shape.some((d, i) => d !== this.shape[i])) {
      throw new ShapeError(
        'SHAPE_MISMATCH',
        `assign: variable '${this.name}' is ${formatShape(this.shape)} ${this.dtype} but the value is ${formatShape(value.shape)} ${value.dtype}; ` +
          'a variable keeps its shape and dtype',
      );
    }
    if (isRecording()) {
      throw new StateError(
        'INVALID_STATE',
        `assign: variable '${this.name}' was assigned inside a gradient scope; wrap the update in noGrad(() => v.assign(...))`,
      );
    }
    if (value.record === this.record) return;
    value.record.refCount++;
    const state = engineState();
    const old = this.record;
    this.record = value.record;
    state.finalizer?.unregister(this);
    state.finalizer?.register(this, this.record, this);
    releaseRecord(state, old);
  }
}

/**
 * Creates a {@link Variable} holding (a shared reference to) `initial`'s data.
 *
 * @example
 * ```ts
 * const b = variable(zeros([10]), { name: 'bias' });
 * const w = variable([[1, 2], [3, 4]]);
 * ```
 */
export function variable(initial: TensorLike, options: VariableOptions = {}): Variable {
  const source = isTensor(initial) ? initial : tensor(initial, undefined, options.dtype);
  assertLive(source, 'variable');
  const v = new Variable(source, options);
  if (!isTensor(initial)) source.dispose();
  return v;
}

/**
 * True if `x` is a {@link Variable} (from any copy of this package).
 *
 * @example
 * ```ts
 * isVariable(variable([1])); // true
 * ```
 */
export function isVariable(x: unknown): x is Variable {
  return isTensor(x) && (x as unknown as Record<symbol, unknown>)[VARIABLE_BRAND] === true;
}
