import { use } from '@tensorkit/core';
import { cos, setBackend, sin, tensor, type Tensor } from '@tensorkit/tensor';
import { webglBackend, webglKernels } from '@tensorkit/backend-webgl';
import { beforeAll, describe, expect, it } from 'vitest';

/*
 * sin/cos are computed by our own range reduction and polynomials (some renderers' built-ins are
 * ~2e-4 off): checked against float64 Math.sin/Math.cos far beyond the oracle's few inputs,
 * across many quadrants, at the elementwise tolerance (rtol 1e-5, atol 1e-6).
 */
beforeAll(async () => {
  use(webglBackend, webglKernels);
  await setBackend('webgl');
});

const xs = Float32Array.from([
  ...Array.from({ length: 4001 }, (_, i) => (i - 2000) * 0.05 + 0.0123),
  ...Array.from({ length: 64 }, (_, i) => Math.PI * 0.25 * (i - 32)),
  1000.5, -4096.25, 30000.125, 1e-5, -3e-5, 1e-30,
]);

async function check(f: (t: Tensor) => Tensor, ref: (v: number) => number): Promise<void> {
  const x = tensor(xs);
  const y = f(x);
  const got = await y.data();
  let worst = 0;
  for (let i = 0; i < xs.length; i++) {
    const want = ref(xs[i]!);
    worst = Math.max(worst, Math.abs(got[i]! - want) / (1e-6 + 1e-5 * Math.abs(want)));
  }
  expect(worst).toBeLessThanOrEqual(1);
  x.dispose();
  y.dispose();
}

describe('webgl sin and cos', () => {
  it('sin matches float64 over [-100, 100] and multiples of π/4', () => check(sin, Math.sin));
  it('cos matches float64 over [-100, 100] and multiples of π/4', () => check(cos, Math.cos));
  it('keeps -0 and gives NaN at ±Infinity and NaN', async () => {
    const x = tensor([-0, Infinity, -Infinity, NaN]);
    const s = sin(x);
    const c = cos(x);
    const [sv, cv] = await Promise.all([s.data(), c.data()]);
    expect(Object.is(sv[0], -0)).toBe(true);
    expect(cv[0]).toBe(1);
    expect([...sv.slice(1), ...cv.slice(1)].every(Number.isNaN)).toBe(true);
    for (const t of [x, s, c]) t.dispose();
  });
});
