import { rand, tensor, tidy, type Tensor } from '@tensorkit/tensor';
import { vjp } from '../src/index';

/** The analytic VJP of f at the inputs, with cotangent dy. */
function vjpInputs(f: (...xs: Tensor[]) => Tensor, xs: Tensor[], dy: Tensor): Tensor[] {
  const { value, grads } = vjp(f, xs, dy);
  for (const v of Array.isArray(value) ? value : [value]) v.dispose();
  return grads;
}

/*
 * Central finite differences in float32, with the step and tolerance justified:
 * - The scalar objective is L(x) = Σ f(x)·r for a fixed random r in [-1, 1], summed in float64
 *   on the host from f's float32 outputs. Each output carries a relative rounding error of at
 *   most 2^-24 ≈ 6e-8, so for outputs of size ≲ 1 and ≤ 64 elements the noise in L is ≲ 4e-6.
 * - With h = 1e-2 that noise becomes ≲ 4e-6 / (2h) = 2e-4 in the derivative, and the truncation
 *   error of central differences, h²/6·|f'''|, is ≲ 2e-5·|f'''|. The perturbed input is rounded
 *   to float32, so the denominator is the exact difference of the two float32 inputs.
 *   Inputs lie in [-2, 2], where the worst |f'''| of these ops is about e² ≈ 7.4 (exp), so
 *   truncation stays ≲ 1.3e-4.
 * - Hence the tolerance: |analytic − numeric| ≤ 1e-3 + 2e-3·|numeric|, about 3x above the worst
 *   expected error, and tight enough to catch a gradient that is off by 1%. Inputs are drawn
 *   away from kinks (relu at 0, |x| at 0, max ties) by more than h, so f is smooth there.
 */
export const H = 1e-2;
export const ATOL = 1e-3;
export const RTOL = 2e-3;

function objective(f: (...xs: Tensor[]) => Tensor, values: Float32Array[], shapes: number[][], r: Float64Array): number {
  return tidy(() => {
    const out = f(...values.map((v, i) => tensor(v, shapes[i])));
    const d = out.dataSync();
    let s = 0;
    for (let i = 0; i < d.length; i++) s += d[i]! * r[i % r.length]!;
    return s;
  });
}

/** Returns the worst mismatch between autograd and finite differences, with its location. */
export function checkGradients(f: (...xs: Tensor[]) => Tensor, inputs: Tensor[]): { worst: number; where: string } {
  const values = inputs.map((t) => t.dataSync() as Float32Array);
  const shapes = inputs.map((t) => [...t.shape]);
  const outShape = tidy(() => [...f(...inputs).shape]);
  const rT = rand(outShape, { seed: 99, low: -1, high: 1 });
  const r = Float64Array.from(rT.dataSync());
  const analytic = tidy(() => vjpInputs(f, inputs, rT));
  let worst = 0;
  let where = '';
  values.forEach((v, j) => {
    const a = analytic[j]!.dataSync();
    for (let i = 0; i < v.length; i++) {
      const plus = Float32Array.from(v);
      const minus = Float32Array.from(v);
      plus[i] = v[i]! + H;
      minus[i] = v[i]! - H;
      const vp = values.map((orig, k) => (k === j ? plus : orig));
      const vm = values.map((orig, k) => (k === j ? minus : orig));
      const numeric = (objective(f, vp, shapes, r) - objective(f, vm, shapes, r)) / (plus[i]! - minus[i]!);
      const excess = Math.abs(a[i]! - numeric) - (ATOL + RTOL * Math.abs(numeric));
      if (excess > worst) {
        worst = excess;
        where = `input ${j} element ${i}: autograd ${a[i]} vs finite difference ${numeric}`;
      }
    }
  });
  for (const t of analytic) t.dispose();
  rT.dispose();
  return { worst, where };
}
