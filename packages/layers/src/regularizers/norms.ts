import { abs, add, mul, square, sum, tidy, type Tensor } from '@tensorkit/tensor';
import { checkOptions, finiteNumber } from '../training/options';
import { LAYERS_PACKAGE, CORE_VERSION } from '../training/plugin-meta';
import type { Regularizer, RegularizerPlugin } from './regularizer';

/** Keras's default strength for l1, l2 and l1l2. */
const DEFAULT = 0.01;

function strength(fn: string, name: string, value: unknown): number {
  return finiteNumber(fn, name, value ?? DEFAULT, 0);
}

/** The penalty `l1 · Σ|w| + l2 · Σw²`, skipping a zero term. */
function make(name: 'l1' | 'l2' | 'l1l2', l1: number, l2: number): Regularizer {
  return {
    kind: 'regularizer',
    name,
    penalty: (w: Tensor) =>
      tidy(() => {
        const a = l1 !== 0 || name === 'l1' ? mul(l1, sum(abs(w))) : null;
        const b = l2 !== 0 || name !== 'l1' ? mul(l2, sum(square(w))) : null;
        return a && b ? add(a, b) : (a ?? b)!;
      }),
    getConfig: () => (name === 'l1' ? { l1 } : name === 'l2' ? { l2 } : { l1, l2 }),
  };
}

/**
 * A regularizer strength: a number, or an options object with the named strength.
 *
 * @example
 * ```ts
 * const a: StrengthArg<'l2'> = 1e-4;
 * const b: StrengthArg<'l2'> = { l2: 1e-4 };
 * ```
 */
export type StrengthArg<K extends string> = number | { [P in K]?: number };

function single<K extends 'l1' | 'l2'>(key: K, arg: StrengthArg<K> | undefined): number {
  if (typeof arg === 'number' || arg === undefined) return strength(key, key, arg);
  checkOptions(key, arg, [key]);
  return strength(key, key, (arg as Record<string, unknown>)[key]);
}

/**
 * The L1 penalty `λ · Σ|w|` (Keras `l1`, default λ = 0.01).
 *
 * @example
 * ```ts
 * dense({ units: 16, kernelRegularizer: l1(1e-4) }); // or l1({ l1: 1e-4 })
 * ```
 */
export function l1(options?: StrengthArg<'l1'>): Regularizer {
  return make('l1', single('l1', options), 0);
}

/**
 * The L2 penalty `λ · Σw²` (Keras `l2`, default λ = 0.01; note: no factor ½).
 *
 * With plain SGD, `l2(λ)` gives the same updates as the optimizer option `weightDecay: 2λ`:
 * PyTorch-style weight decay adds `weightDecay · w` to the gradient, which is the gradient of
 * `(weightDecay / 2) · Σw²`. Adam's `weightDecay` is the same L2 gradient term (then rescaled by
 * Adam), while AdamW decays the weights directly and matches no loss penalty.
 *
 * @example
 * ```ts
 * dense({ units: 16, kernelRegularizer: l2(1e-4) }); // ≡ sgd({ lr, weightDecay: 2e-4 }) on this kernel
 * ```
 */
export function l2(options?: StrengthArg<'l2'>): Regularizer {
  return make('l2', 0, single('l2', options));
}

/**
 * Both penalties: `l1 · Σ|w| + l2 · Σw²` (Keras `l1_l2`; each strength defaults to 0.01).
 *
 * @example
 * ```ts
 * dense({ units: 16, kernelRegularizer: l1l2({ l1: 1e-5, l2: 1e-4 }) });
 * ```
 */
export function l1l2(options: { l1?: number; l2?: number } = {}): Regularizer {
  checkOptions('l1l2', options, ['l1', 'l2']);
  return make('l1l2', strength('l1l2', 'l1', options.l1), strength('l1l2', 'l2', options.l2));
}

function plugin(name: 'l1' | 'l2' | 'l1l2', create: (config?: Record<string, unknown>) => Regularizer, aliases?: string[]): RegularizerPlugin {
  const byDefault = create();
  return { kind: 'regularizer', name, ...(aliases ? { aliases } : {}), package: LAYERS_PACKAGE, coreVersion: CORE_VERSION, penalty: (w) => byDefault.penalty(w), create };
}

/** The `l1` regularizer plugin. @example `use(l1Regularizer)` */
export const l1Regularizer: RegularizerPlugin = /* @__PURE__ */ plugin('l1', (c) => l1(c));
/** The `l2` regularizer plugin. @example `use(l2Regularizer)` */
export const l2Regularizer: RegularizerPlugin = /* @__PURE__ */ plugin('l2', (c) => l2(c));
/** The `l1l2` regularizer plugin (alias `l1_l2`). @example `use(l1l2Regularizer)` */
export const l1l2Regularizer: RegularizerPlugin = /* @__PURE__ */ plugin('l1l2', (c) => l1l2(c), ['l1_l2']);
