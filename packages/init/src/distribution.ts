import { ArgumentError } from '@tensorkit/core';
import * as tk from '@tensorkit/tensor';
import type { Tensor } from '@tensorkit/tensor';

/**
 * The distribution a random initializer draws from, as computed from the weight shape and the
 * options: what the oracle's std and bound values are checked against, and what `sample` draws.
 * `uniform` is `U(low, high)` (a bound `b` is `U(−b, b)`); `truncatedNormal` is `N(mean, std²)`
 * conditioned on `[a, b]` (absolute bounds, as PyTorch's `trunc_normal_`).
 *
 * @example
 * ```ts
 * glorotUniformInitializer.distribution([3, 5]); // { type: 'uniform', low: -0.866, high: 0.866 }
 * ```
 */
export type Distribution =
  | { readonly type: 'uniform'; readonly low: number; readonly high: number }
  | { readonly type: 'normal'; readonly mean: number; readonly std: number }
  | { readonly type: 'truncatedNormal'; readonly mean: number; readonly std: number; readonly a: number; readonly b: number };

/** Draws `shape` samples of `d` from the tensor package's Philox generator (`seed` per call, else the global stream). */
export function sampleDistribution(d: Distribution, shape: readonly number[], seed: number | undefined): Tensor {
  const s = seed === undefined ? {} : { seed };
  if (d.type === 'uniform') return tk.rand(shape, { ...s, low: d.low, high: d.high });
  if (d.type === 'normal') return tk.randn(shape, { ...s, mean: d.mean, std: d.std });
  return tk.truncatedNormal(shape, { ...s, mean: d.mean, std: d.std, a: d.a, b: d.b });
}

/*
 * erf in float64 to ~1 ulp of its magnitude: the Taylor series (all terms positive after the
 * e^(−x²) factor) for |x| < 6, and ±1 beyond, where erfc < 2e-17.
 */
function erf(x: number): number {
  const ax = Math.abs(x);
  if (ax >= 6) return Math.sign(x);
  let term = ax;
  let sum = ax;
  for (let n = 1; term > sum * 1e-17; n++) {
    term *= (2 * ax * ax) / (2 * n + 1);
    sum += term;
  }
  return Math.sign(x) * (2 / Math.sqrt(Math.PI)) * Math.exp(-ax * ax) * sum;
}

const pdf = (z: number): number => (Number.isFinite(z) ? Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI) : 0);

/**
 * The mean and std of `N(mean, std²)` truncated to `[a, b]`: with `α = (a − mean)/std`,
 * `β = (b − mean)/std` and `Z = Φ(β) − Φ(α)`,
 * `mean' = mean + std·(φ(α) − φ(β))/Z` and
 * `std' = std·√(1 + (αφ(α) − βφ(β))/Z − ((φ(α) − φ(β))/Z)²)`. So `truncatedNormal` with
 * `std: s / 0.8796256610342398` and bounds ±2·std has std `s` (Keras's correction).
 *
 * @example
 * ```ts
 * truncatedNormalMoments({ mean: 0, std: 1, a: -2, b: 2 }); // { mean: 0, std: 0.8796256610342398 }
 * ```
 */
export function truncatedNormalMoments(options: { mean?: number; std?: number; a?: number; b?: number }): { mean: number; std: number } {
  const { mean = 0, std = 1, a = -2, b = 2 } = options;
  if (![mean, std, a, b].every((v) => typeof v === 'number' && !Number.isNaN(v)) || !(std > 0) || !(a < b)) {
    throw new ArgumentError(
      'INVALID_ARGUMENT',
      `truncatedNormalMoments: need numbers with std > 0 and a < b, got mean=${mean}, std=${std}, a=${a}, b=${b}`,
    );
  }
  const alpha = (a - mean) / std;
  const beta = (b - mean) / std;
  // Φ(β) − Φ(α) as a difference of erfs, so no 1 + erf cancellation.
  const z = 0.5 * (erf(beta / Math.SQRT2) - erf(alpha / Math.SQRT2));
  const [pa, pb] = [pdf(alpha), pdf(beta)];
  const ta = Number.isFinite(alpha) ? alpha * pa : 0;
  const tb = Number.isFinite(beta) ? beta * pb : 0;
  const shift = (pa - pb) / z;
  return { mean: mean + std * shift, std: std * Math.sqrt(1 + (ta - tb) / z - shift * shift) };
}
