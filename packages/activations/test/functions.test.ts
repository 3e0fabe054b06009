import '@tensorkit/backend-cpu/register';
import { grad } from '@tensorkit/autograd';
import { sum, tensor, type Tensor } from '@tensorkit/tensor';
import { describe, expect, it } from 'vitest';
import * as act from '../src/index';
import { values } from './helpers';

/* Float64 references written from the formulas in the TSDoc (and the oracle README's table). */
const sig = (x: number): number => 1 / (1 + Math.exp(-x));
const sp = (x: number, beta = 1, threshold = 20): number => (beta * x > threshold ? x : Math.log1p(Math.exp(beta * x)) / beta);
const erf = (x: number): number => {
  // Abramowitz-Stegun 7.1.26 is too coarse; integrate the series instead (|x| < 6 here).
  let term = x;
  let s = x;
  for (let n = 1; n < 200; n++) {
    term *= (-x * x) / n;
    s += term / (2 * n + 1);
  }
  return (2 / Math.sqrt(Math.PI)) * s;
};
const SELU_A = 1.6732632423543772;
const SELU_L = 1.0507009873554805;

const REFERENCES: [string, (x: Tensor) => Tensor, (x: number) => number][] = [
  ['sigmoid', act.sigmoid, sig],
  ['tanh', act.tanh, Math.tanh],
  ['relu', act.relu, (x) => Math.max(0, x)],
  ['relu6', act.relu6, (x) => Math.min(Math.max(0, x), 6)],
  ['leakyRelu 0.2', (x) => act.leakyRelu(x, { negativeSlope: 0.2 }), (x) => (x > 0 ? x : 0.2 * x)],
  ['hardTanh [-2, 0.5]', (x) => act.hardTanh(x, { minVal: -2, maxVal: 0.5 }), (x) => Math.min(Math.max(x, -2), 0.5)],
  ['linear', act.linear, (x) => x],
  ['elu 0.5', (x) => act.elu(x, { alpha: 0.5 }), (x) => (x > 0 ? x : 0.5 * Math.expm1(x))],
  ['selu', act.selu, (x) => SELU_L * (x > 0 ? x : SELU_A * Math.expm1(x))],
  ['celu 2', (x) => act.celu(x, { alpha: 2 }), (x) => Math.max(0, x) + Math.min(0, 2 * Math.expm1(x / 2))],
  ['gelu', act.gelu, (x) => 0.5 * x * (1 + erf(x / Math.SQRT2))],
  [
    'gelu tanh',
    (x) => act.gelu(x, { approximate: 'tanh' }),
    (x) => 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ** 3))),
  ],
  ['softplus', act.softplus, (x) => sp(x)],
  ['softplus beta 2 threshold 3', (x) => act.softplus(x, { beta: 2, threshold: 3 }), (x) => sp(x, 2, 3)],
  ['softsign', act.softsign, (x) => x / (1 + Math.abs(x))],
  ['silu', act.silu, (x) => x * sig(x)],
  ['swish', act.swish, (x) => x * sig(x)],
  ['mish', act.mish, (x) => x * Math.tanh(sp(x))],
  ['hardSigmoid', act.hardSigmoid, (x) => (x <= -3 ? 0 : x >= 3 ? 1 : x / 6 + 0.5)],
  ['hardSwish', act.hardSwish, (x) => (x <= -3 ? 0 : x >= 3 ? x : (x * (x + 3)) / 6)],
  ['logSigmoid', act.logSigmoid, (x) => -sp(-x)],
];

const GRID = [-5, -3.5, -3, -2.2, -1, -0.4, 0, 0.3, 1, 1.6, 2.9, 3, 4, 7];

describe('activation formulas (against float64 references)', () => {
  for (const [name, fn, ref] of REFERENCES) {
    it(name, () => {
      const got = values(fn(tensor(GRID)));
      got.forEach((v, i) => expect(Math.abs(v - ref(GRID[i]!))).toBeLessThan(1e-6 + 1e-5 * Math.abs(ref(GRID[i]!))));
    });
  }

  it('prelu: a slope per channel on the last axis, or one shared slope', () => {
    expect(values(act.prelu(tensor([[-2, 3], [4, -1]]), tensor([0.25, 0.5])))).toEqual([-0.5, 3, 4, -0.5]);
    expect(values(act.prelu(tensor([-4, 2]), tensor([0.5])))).toEqual([-2, 2]);
  });

  it('softmax and logSoftmax along any axis', () => {
    const x = tensor([[1, 2], [3, 5]]);
    const col = values(act.softmax(x, 0));
    expect(col[0]! + col[2]!).toBeCloseTo(1, 6);
    expect(col[0]).toBeCloseTo(sig(-2), 6);
    expect(values(act.logSoftmax(tensor([1000, -1000])))).toEqual([0, -2000]);
  });
});

/*
 * Central differences in float32: with h = 1e-2 the truncation error is ~h²·|f'''|/6 < 2e-4 for
 * these functions away from their kinks, and the rounding error ~ε32·|f|/h < 1e-4; 1e-3 covers both.
 */
describe('gradients match central differences (away from kinks)', () => {
  const points = [-2.6, -1.3, -0.45, 0.35, 1.2, 2.4];
  const h = 1e-2;
  for (const [name, fn] of REFERENCES) {
    it(name, () => {
      const g = values(grad((x: Tensor) => sum(fn(x)))(tensor(points)));
      const up = values(fn(tensor(points.map((p) => p + h))));
      const down = values(fn(tensor(points.map((p) => p - h))));
      points.forEach((_, i) => expect(Math.abs(g[i]! - (up[i]! - down[i]!) / (2 * h))).toBeLessThan(1e-3));
    });
  }
});

describe('kinks follow PyTorch', () => {
  const dAt = (fn: (x: Tensor) => Tensor, xs: number[]): number[] => values(grad((x: Tensor) => sum(fn(x)))(tensor(xs)));

  it('hardSwish: x/3 + 1/2 on [−3, 3], so −1/2 at −3 and 3/2 at 3; 0 below, 1 above', () => {
    expect(dAt(act.hardSwish, [-3.5, -3, 3, 3.5])).toEqual([0, -0.5, 1.5, 1]);
  });

  it('hardSigmoid: 1/6 strictly inside (−3, 3), 0 at the kinks', () => {
    const g = dAt(act.hardSigmoid, [-3, 0, 3]);
    expect(g[0]).toBe(0);
    expect(g[1]).toBeCloseTo(1 / 6, 7);
    expect(g[2]).toBe(0);
  });

  it('relu, relu6 and hardTanh have gradient 0 at the kinks; leakyRelu has its slope; elu and celu have 1 at 0', () => {
    expect(dAt(act.relu, [0])).toEqual([0]);
    expect(dAt(act.relu6, [0, 6])).toEqual([0, 0]);
    expect(dAt(act.hardTanh, [-1, 1])).toEqual([0, 0]);
    expect(dAt((x) => act.leakyRelu(x, { negativeSlope: 0.2 }), [0])[0]).toBeCloseTo(0.2, 7);
    expect(dAt(act.elu, [0])).toEqual([1]);
    expect(dAt((x) => act.celu(x, { alpha: 2 }), [0])).toEqual([1]);
  });

  it('prelu: the gradient at 0 is the slope, and the weight gradient sums x over the negative positions per channel', () => {
    const x = tensor([[-2, 0], [1, -3]]);
    expect(values(grad((t: Tensor) => sum(act.prelu(t, tensor([0.25, 0.5]))))(x))).toEqual([0.25, 0.5, 1, 0.5]);
    expect(values(grad((w: Tensor) => sum(act.prelu(x, w)))(tensor([0.25, 0.5])))).toEqual([-2, -3]);
  });
});
