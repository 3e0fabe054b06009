/**
 * Tolerance categories, with the defaults of the oracle's README ("Comparing results"). A backend
 * may loosen (or tighten) any category, or one case, through the suite's options; such overrides
 * must be documented with the backend (DESIGN.md §6: "the WebGL backend gets its own documented
 * tolerance").
 */
import type { Tolerance } from './compare';

/**
 * What kind of computation a case is, which decides its default tolerance:
 * - `elementwise`: activations, elementwise tensor ops, shape and indexing ops (rtol 1e-5, atol 1e-6);
 * - `reduction`: sums, means, variances, logsumexp, softmax with ±1000 inputs (1e-4 / 1e-5);
 * - `matmul` (1e-4 / 1e-5);
 * - `conv`: convolutions and transposed convolutions (1e-4 / 1e-5);
 * - `pool`: max and average pooling (1e-4 / 1e-5);
 * - `higherOrder`: second derivatives, double backward, Hessian-vector products (1e-4 / 1e-5).
 */
export type ToleranceCategory = 'elementwise' | 'reduction' | 'matmul' | 'conv' | 'pool' | 'higherOrder';

/** The oracle README's float32 tolerances. */
export const DEFAULT_TOLERANCES: Readonly<Record<ToleranceCategory, Tolerance>> = {
  elementwise: { rtol: 1e-5, atol: 1e-6 },
  reduction: { rtol: 1e-4, atol: 1e-5 },
  matmul: { rtol: 1e-4, atol: 1e-5 },
  conv: { rtol: 1e-4, atol: 1e-5 },
  pool: { rtol: 1e-4, atol: 1e-5 },
  higherOrder: { rtol: 1e-4, atol: 1e-5 },
};

/** A backend's tolerance overrides: per category, and per case name (`"<file>/<case>"` or `"<case>"`). */
export interface ToleranceOverrides {
  readonly categories?: Partial<Readonly<Record<ToleranceCategory, Tolerance>>>;
  readonly cases?: Readonly<Record<string, Tolerance>>;
}

/** The tolerance of one case: a case override, else the category override, else the default. */
export function resolveTolerance(
  category: ToleranceCategory,
  fileFamily: string,
  caseName: string,
  overrides: ToleranceOverrides = {},
): Tolerance {
  return (
    overrides.cases?.[`${fileFamily}/${caseName}`] ??
    overrides.cases?.[caseName] ??
    overrides.categories?.[category] ??
    DEFAULT_TOLERANCES[category]
  );
}
