import { ArgumentError, CORE_VERSION, type NamedPlugin } from '@tensorkit/core';
import { add, div, mul, sqrt, square, type Tensor } from '@tensorkit/tensor';
import { customGrad } from '@tensorkit/autograd';
import { PACKAGE } from './package-name';

/** Options of {@link squarePlus}. */
export interface SquarePlusOptions {
  /** Curvature at 0; must be positive. Default 4, where squarePlus(0) = 1. */
  b?: number;
}

// One differentiable function per `b`, so the gradient closure sees the option.
const byB = new Map<number, (x: Tensor) => Tensor>();

function squarePlusFor(b: number): (x: Tensor) => Tensor {
  let f = byB.get(b);
  if (!f) {
    // Own gradient: d/dx = (1 + x / sqrt(x² + b)) / 2, reusing nothing the tape would keep alive.
    f = customGrad((x) => ({
      value: mul(0.5, add(x, sqrt(add(square(x), b)))),
      gradFunc: (dy, { inputs: [input] }) => [mul(dy, mul(0.5, add(1, div(input!, sqrt(add(square(input!), b))))))],
    }));
    byB.set(b, f);
  }
  return f;
}

/**
 * SquarePlus (So, 2021): `(x + sqrt(x² + b)) / 2`, a smooth ReLU made of algebraic ops only,
 * with a hand-written gradient through `customGrad`.
 *
 * @example
 * ```ts
 * squarePlus(tensor([-2, 0, 2])).dataSync(); // [0.414, 1, 2.414]
 * ```
 */
export function squarePlus(x: Tensor, options: SquarePlusOptions = {}): Tensor {
  const b = options.b ?? 4;
  if (typeof b !== 'number' || !(b > 0)) {
    throw new ArgumentError('INVALID_ARGUMENT', `squarePlus: option b must be a positive number, got ${String(b)}; the default is 4`);
  }
  return squarePlusFor(b)(x);
}

/** An activation plugin of this package: what a layer's `activation` option accepts. */
export interface SquarePlusPlugin extends NamedPlugin<'activation'> {
  readonly kind: 'activation';
  apply(x: Tensor, options?: SquarePlusOptions): Tensor;
}

/**
 * The `squarePlus` activation plugin: `use(squarePlusActivation)`, then `activation: 'squarePlus'`.
 *
 * @example
 * ```ts
 * dense({ units: 8, activation: 'squarePlus' });
 * ```
 */
export const squarePlusActivation: SquarePlusPlugin = {
  kind: 'activation', name: 'squarePlus', package: PACKAGE, coreVersion: CORE_VERSION, apply: squarePlus,
};
