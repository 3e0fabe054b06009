import { ArgumentError, ShapeError, TensorkitError, formatShape } from '@tensorkit/core';
import {
  detach, isTensor, isVariable, noGradScope, ones, tensor, tidy, type Tensor, type TensorLike, type Variable,
} from '@tensorkit/tensor';
import { backward } from './backward';
import { closeTape, openTape, releaseTape, type Tape } from './tape';

function asTensor(x: TensorLike, op: string, what: string): { t: Tensor; temp: boolean } {
  if (isTensor(x)) return { t: x, temp: false };
  if (typeof x === 'number' || Array.isArray(x) || ArrayBuffer.isView(x)) return { t: tensor(x), temp: true };
  throw new ArgumentError('INVALID_ARGUMENT', `${op}: ${what} must be a Tensor, number or array, got ${typeof x}`);
}

function checkFunction(f: unknown, op: string): void {
  if (typeof f !== 'function') throw new ArgumentError('INVALID_ARGUMENT', `${op}: expected a function, got ${typeof f}`);
}

function outputsOf(value: unknown, op: string): Tensor[] {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0 || !list.every(isTensor)) {
    throw new ArgumentError('INVALID_ARGUMENT', `${op}: the function must return a Tensor (or an array of Tensors), got ${typeof value}`);
  }
  return list as Tensor[];
}

/** The upstream gradient for each output: given, or ones for a scalar output. */
function upstream(ys: readonly Tensor[], dy: TensorLike | readonly TensorLike[] | undefined, op: string, temps: Tensor[]): Tensor[] {
  if (dy === undefined) {
    return ys.map((y) => {
      if (y.size !== 1) {
        throw new ShapeError(
          'SHAPE_MISMATCH',
          `${op}: the function returned a ${formatShape(y.shape)} tensor, not a scalar; pass an upstream gradient dy of that shape, or reduce the output (e.g. sum or mean)`,
        );
      }
      const one = ones(y.shape);
      temps.push(one);
      return one;
    });
  }
  const list = ys.length > 1 && Array.isArray(dy) && !dy.every((v) => typeof v === 'number') ? (dy as TensorLike[]) : [dy as TensorLike];
  if (list.length !== ys.length) {
    throw new ArgumentError('INVALID_ARGUMENT', `${op}: ${ys.length} outputs but ${list.length} upstream gradients; pass one dy per output`);
  }
  return list.map((d, k) => {
    const { t, temp } = asTensor(d, op, 'dy');
    if (temp) temps.push(t);
    const y = ys[k]!;
    if (t.shape.length !== y.shape.length || t.shape.some((s, i) => s !== y.shape[i])) {
      throw new ShapeError('SHAPE_MISMATCH', `${op}: dy has shape ${formatShape(t.shape)} but the output is ${formatShape(y.shape)}; they must match`);
    }
    return t;
  });
}

interface Recorded<V> {
  value: V;
  tape: Tape;
}

/** Runs `f` on an open tape; intermediates are freed, the tape keeps what backward needs. */
function record<V>(f: () => V): Recorded<V> {
  const tape = openTape();
  try {
    return { value: tidy(f), tape };
  } finally {
    closeTape(tape);
  }
}

/** The shared core of every gradient function: record f(xs), then run backward. */
function differentiate(
  op: string,
  f: (...xs: Tensor[]) => Tensor | Tensor[],
  rawXs: readonly TensorLike[],
  dy: TensorLike | readonly TensorLike[] | undefined,
): { value: Tensor | Tensor[]; grads: Tensor[] } {
  checkFunction(f, op);
  const temps: Tensor[] = [];
  const xs = rawXs.map((x, i) => {
    const { t, temp } = asTensor(x, op, `input ${i}`);
    if (temp) temps.push(t);
    return t;
  });
  const { value, tape } = record(() => f(...xs));
  try {
    const ys = outputsOf(value, op);
    const dys = upstream(ys, dy, op, temps);
    return { value, grads: backward(tape, ys, dys, xs) };
  } catch (e) {
    for (const y of Array.isArray(value) ? value : [value]) if (isTensor(y)) y.dispose();
    throw e;
  } finally {
    releaseTape(tape);
    for (const t of temps) t.dispose();
  }
}

function disposeValue(value: Tensor | Tensor[]): void {
  for (const v of Array.isArray(value) ? value : [value]) v.dispose();
}

/**
 * The gradient function of `f`: `grad(f)(x)` is `df/dx`. `f` must return a scalar unless an
 * upstream gradient `dy` is given (then it is the vector-Jacobian product).
 *
 * @example
 * ```ts
 * const df = grad((x) => sum(square(x)));
 * df(tensor([1, 2])); // [2, 4]
 * ```
 */
export function grad(f: (x: Tensor) => Tensor): (x: TensorLike, dy?: TensorLike) => Tensor {
  checkFunction(f, 'grad');
  return (x, dy) => {
    const { value, grads } = differentiate('grad', f, [x], dy);
    disposeValue(value);
    return grads[0]!;
  };
}

/**
 * Gradients of `f` with respect to each of its arguments.
 *
 * @example
 * ```ts
 * const [da, db] = grads((a, b) => sum(mul(a, b)))([tensor([1, 2]), tensor([3, 4])]); // [3, 4], [1, 2]
 * ```
 */
export function grads(f: (...xs: Tensor[]) => Tensor): (xs: readonly TensorLike[], dy?: TensorLike) => Tensor[] {
  checkFunction(f, 'grads');
  return (xs, dy) => {
    const { value, grads: gs } = differentiate('grads', f, xs, dy);
    disposeValue(value);
    return gs;
  };
}

/**
 * Like {@link grad}, also returning `f(x)`.
 *
 * @example
 * ```ts
 * const { value, grad: g } = valueAndGrad((x) => sum(square(x)))(tensor([3])); // 9, [6]
 * ```
 */
export function valueAndGrad(f: (x: Tensor) => Tensor): (x: TensorLike, dy?: TensorLike) => { value: Tensor; grad: Tensor } {
  checkFunction(f, 'valueAndGrad');
  return (x, dy) => {
    const { value, grads: gs } = differentiate('valueAndGrad', f, [x], dy);
    return { value: value as Tensor, grad: gs[0]! };
  };
}

/**
 * Like {@link grads}, also returning `f(...xs)`.
 *
 * @example
 * ```ts
 * const { value, grads: [da, db] } = valueAndGrads((a, b) => sum(mul(a, b)))([a, b]);
 * ```
 */
export function valueAndGrads(
  f: (...xs: Tensor[]) => Tensor,
): (xs: readonly TensorLike[], dy?: TensorLike) => { value: Tensor; grads: Tensor[] } {
  checkFunction(f, 'valueAndGrads');
  return (xs, dy) => {
    const { value, grads: gs } = differentiate('valueAndGrads', f, xs, dy);
    return { value: value as Tensor, grads: gs };
  };
}

/**
 * The vector-Jacobian product: the gradients of `sum_k <f(xs)[k], dy[k]>` with respect to each
 * x. `f` may return one tensor or several (then `dy` is a list, one per output).
 *
 * @example
 * ```ts
 * const { value, grads: [dx] } = vjp((x) => mul(x, 3), [tensor([1, 2])], tensor([1, 10])); // dx = [3, 30]
 * ```
 */
export function vjp(
  f: (...xs: Tensor[]) => Tensor | Tensor[],
  xs: readonly TensorLike[],
  dy: TensorLike | readonly TensorLike[],
): { value: Tensor | Tensor[]; grads: Tensor[] } {
  if (dy === undefined) throw new ArgumentError('INVALID_ARGUMENT', 'vjp: an upstream gradient dy is required');
  return differentiate('vjp', f, xs, dy);
}

/**
 * Runs `f` (which returns a scalar loss) and returns the loss and its gradient with respect to
 * each trainable variable `f` used (or to `vars`, when given), keyed by the variable itself.
 * This is what optimizers consume.
 *
 * @example
 * ```ts
 * const w = variable(randn([3, 1]));
 * const { value: loss, grads } = variableGrads(() => mean(square(sub(matMul(x, w), y))));
 * grads.get(w); // dLoss/dw, shape [3, 1]
 * ```
 */
export function variableGrads(f: () => Tensor, vars?: readonly Variable[]): { value: Tensor; grads: Map<Variable, Tensor> } {
  checkFunction(f, 'variableGrads');
  if (vars !== undefined && !vars.every(isVariable)) {
    throw new ArgumentError('INVALID_ARGUMENT', 'variableGrads: vars must be a list of Variables (create them with variable())');
  }
  const { value, tape } = record(f);
  const temps: Tensor[] = [];
  try {
    const [y] = outputsOf(value, 'variableGrads');
    const wrt = vars ?? usedTrainableVariables(tape);
    const dys = upstream([y!], undefined, 'variableGrads', temps);
    const gs = backward(tape, [y!], dys, wrt);
    return { value: y!, grads: new Map(wrt.map((v, i) => [v, gs[i]!])) };
  } catch (e) {
    if (isTensor(value)) value.dispose();
    throw e;
  } finally {
    releaseTape(tape);
    for (const t of temps) t.dispose();
  }
}

function usedTrainableVariables(tape: Tape): Variable[] {
  const seen = new Set<Variable>();
  for (const node of tape.nodes) for (const v of node.sourceVariables ?? []) if (v.trainable) seen.add(v);
  return [...seen];
}

/**
 * Runs `fn` without recording: nothing inside gets a gradient, and variables may be assigned.
 *
 * @example
 * ```ts
 * noGrad(() => w.assign(sub(w, mul(0.1, g))));
 * ```
 */
export function noGrad<T>(fn: () => T): T {
  checkFunction(fn, 'noGrad');
  return noGradScope(fn);
}

/**
 * The same values as `t`, cut off from the gradient: nothing flows back through it.
 *
 * @example
 * ```ts
 * const target = stopGradient(prediction);
 * ```
 */
export function stopGradient(t: Tensor): Tensor {
  if (!isTensor(t)) throw new ArgumentError('INVALID_ARGUMENT', `stopGradient: expected a Tensor, got ${typeof t}`);
  return detach(t);
}

/** Thrown by helpers when autograd is misused; re-exported for `instanceof` checks. */
export { TensorkitError };
