import '@tensorkit/backend-cpu/register';
import {
  abs, add, avgPool2d, broadcastTo, clamp, concat, conv1d, conv2d, conv2dBackpropFilter, conv2dBackpropInput,
  conv2dTranspose, cos, div, dot, erf, exp, expandDims, expm1, flatten, hardTanh, indexSelect, leakyRelu, log, log1p,
  logSoftmax, logSumExp, matMul, max, maxPool2d, maximum, mean, min, minimum, mod, mul, neg, norm, outer, pad, pow, prod,
  rand, randn, reciprocal, relu, relu6, reshape, rsqrt, sigmoid, sin, slice, softmax, softplus, split, sqrt, square,
  squeeze, stack, std, sub, sum, swapAxes, takeAlongAxis, tanh, tensor, tile, transpose, variance, where, greater,
  type Tensor,
} from '@tensorkit/tensor';
import { describe, expect, it } from 'vitest';
import { checkGradients } from './fd';

let seed = 1;
/** Random inputs in [low, high], kept at least `gap` away from `avoid` points (kinks). */
function input(shape: number[], low = -2, high = 2, avoid: number[] = [], gap = 0.05): Tensor {
  const t = rand(shape, { seed: seed++, low, high });
  const v = t.dataSync();
  for (let i = 0; i < v.length; i++) for (const p of avoid) if (Math.abs(v[i]! - p) < gap) v[i] = p + gap * (v[i]! >= p ? 1 : -1);
  t.dispose();
  return tensor(v, shape);
}
/** Distinct values, so max/min/argmax have no ties. */
function distinct(shape: number[]): Tensor {
  const n = shape.reduce((a, b) => a * b, 1);
  const perm = rand([n], { seed: seed++ }).dataSync();
  const order = [...perm.keys()].sort((a, b) => perm[a]! - perm[b]!);
  const v = new Float32Array(n);
  order.forEach((pos, rank) => (v[pos] = (rank - n / 2) * 0.3));
  return tensor(v, shape);
}
const idx = (values: number[], shape?: number[]): Tensor => tensor(values, shape ?? [values.length], 'int32');

type Case = [name: string, f: (...xs: Tensor[]) => Tensor, inputs: () => Tensor[]];

const unary: Case[] = [
  ['neg', neg, () => [input([2, 3])]],
  ['abs', abs, () => [input([2, 3], -2, 2, [0])]],
  ['exp', exp, () => [input([2, 3])]],
  ['log', log, () => [input([2, 3], 0.2, 3)]],
  ['log1p', log1p, () => [input([2, 3], -0.5, 3)]],
  ['expm1', expm1, () => [input([2, 3])]],
  ['sqrt', sqrt, () => [input([2, 3], 0.2, 3)]],
  ['rsqrt', rsqrt, () => [input([2, 3], 0.3, 3)]],
  ['square', square, () => [input([2, 3])]],
  ['reciprocal', reciprocal, () => [input([2, 3], 0.3, 2)]],
  ['sin', sin, () => [input([2, 3])]],
  ['cos', cos, () => [input([2, 3])]],
  ['tanh', tanh, () => [input([2, 3])]],
  ['sigmoid', sigmoid, () => [input([2, 3], -4, 4)]],
  ['softplus', softplus, () => [input([2, 3], -4, 4)]],
  ['erf', erf, () => [input([2, 3])]],
  ['relu', relu, () => [input([2, 3], -2, 2, [0])]],
  ['relu6', relu6, () => [input([2, 4], -2, 8, [0, 6])]],
  ['leakyRelu', (x) => leakyRelu(x, { negativeSlope: 0.2 }), () => [input([2, 3], -2, 2, [0])]],
  ['hardTanh', (x) => hardTanh(x, { minVal: -0.5, maxVal: 1 }), () => [input([2, 4], -2, 2, [-0.5, 1])]],
  ['clamp', (x) => clamp(x, -0.5, 1), () => [input([2, 4], -2, 2, [-0.5, 1])]],
];

const binary: Case[] = [
  ['add (3,1,4)&(5,1)', add, () => [input([3, 1, 4]), input([5, 1])]],
  ['sub (2,3)&(3)', sub, () => [input([2, 3]), input([3])]],
  ['mul (4,1)&(1,5)', mul, () => [input([4, 1]), input([1, 5])]],
  ['div (2,3)&(2,1)', div, () => [input([2, 3]), input([2, 1], 0.5, 2)]],
  ['pow (2,3)&(3)', pow, () => [input([2, 3], 0.3, 2), input([3], -1.5, 2)]],
  ['maximum (2,3)&(3)', maximum, () => [input([2, 3]), input([3], -2, 2)]],
  ['minimum (2,3)&(2,3)', minimum, () => [distinct([2, 3]), input([2, 3], -0.9, 0.9, [-0.75, -0.45, -0.15, 0.15, 0.45, 0.75], 0.06)]],
  ['mod', mod, () => [input([2, 3], 0.1, 0.9), input([3], 1.1, 2)]],
  ['where (2,3) with broadcast', (a, b) => where(greater(a, 0), a, b), () => [input([2, 3], -2, 2, [0]), input([3])]],
];

const reductions: Case[] = [
  ['sum axis 1', (x) => sum(x, 1), () => [input([2, 3, 2])]],
  ['sum all', (x) => sum(x), () => [input([2, 3])]],
  ['mean axes [0,2] keepDims', (x) => mean(x, [0, 2], true), () => [input([2, 3, 2])]],
  ['prod axis -1', (x) => prod(x, -1), () => [input([2, 3], 0.5, 1.5)]],
  ['max axis 0', (x) => max(x, 0), () => [distinct([3, 4])]],
  ['min all', (x) => min(x), () => [distinct([3, 4])]],
  ['variance unbiased', (x) => variance(x, { axis: 1 }), () => [input([2, 4])]],
  ['std biased keepDims', (x) => std(x, { axis: 0, unbiased: false, keepDims: true }), () => [input([4, 2])]],
  ['logSumExp axis 1', (x) => logSumExp(x, 1), () => [input([2, 4])]],
  ['norm 2', (x) => norm(x), () => [input([2, 3])]],
  ['softmax', (x) => softmax(x), () => [input([2, 4])]],
  ['logSoftmax axis 0', (x) => logSoftmax(x, 0), () => [input([3, 2])]],
];

const shapes: Case[] = [
  ['reshape', (x) => reshape(x, [3, -1]), () => [input([2, 3])]],
  ['transpose', (x) => transpose(x, [2, 0, 1]), () => [input([2, 3, 2])]],
  ['swapAxes', (x) => swapAxes(x, 0, 1), () => [input([2, 3])]],
  ['expandDims/squeeze/flatten', (x) => flatten(squeeze(expandDims(x, 1), 1)), () => [input([2, 3])]],
  ['concat axis 1', (a, b) => concat([a, b], 1), () => [input([2, 1]), input([2, 3])]],
  ['stack axis 1', (a, b) => stack([a, b], 1), () => [input([2, 3]), input([2, 3])]],
  ['split then recombine', (x) => { const [p, q] = split(x, [1, 3], 1); return mul(p!, sum(q!, 1, true)); }, () => [input([2, 4])]],
  ['slice with steps and negative starts', (x) => slice(x, [[null, null, 2], [-4, null, 3]]), () => [input([5, 6])]],
  ['pad', (x) => pad(x, [[1, 0], [2, 1]]), () => [input([2, 2])]],
  ['tile', (x) => tile(x, [2, 3]), () => [input([2, 2])]],
  ['broadcastTo', (x) => broadcastTo(x, [3, 2, 4]), () => [input([2, 1])]],
  ['indexSelect with repeats', (x) => indexSelect(x, idx([2, 0, 2]), 1), () => [input([2, 3])]],
  ['takeAlongAxis', (x) => takeAlongAxis(x, idx([0, 2, 2, 1], [2, 2]), 1), () => [input([2, 3])]],
];

const linalg: Case[] = [
  ['matMul 2-D', (a, b) => matMul(a, b), () => [input([3, 4]), input([4, 2])]],
  ['matMul transposeA', (a, b) => matMul(a, b, { transposeA: true }), () => [input([4, 3]), input([4, 2])]],
  ['matMul transposeB', (a, b) => matMul(a, b, { transposeB: true }), () => [input([3, 4]), input([2, 4])]],
  ['matMul both transposed', (a, b) => matMul(a, b, { transposeA: true, transposeB: true }), () => [input([4, 3]), input([2, 4])]],
  ['matMul broadcast batch', (a, b) => matMul(a, b), () => [input([2, 3, 4]), input([4, 2])]],
  ['matMul vector @ matrix', (a, b) => matMul(a, b), () => [input([4]), input([4, 2])]],
  ['dot', (a, b) => dot(a, b), () => [input([4]), input([4])]],
  ['outer', (a, b) => outer(a, b), () => [input([3]), input([2])]],
];

const nn: Case[] = [
  ['conv2d stride 2, pad 1', (x, w) => conv2d(x, w, { strides: 2, padding: 1 }), () => [input([1, 5, 5, 2]), input([3, 3, 2, 3])]],
  ['conv2d dilation 2, groups 2, same', (x, w) => conv2d(x, w, { dilation: 2, groups: 2, padding: 'same' }), () => [
    input([1, 5, 5, 4]),
    input([2, 2, 2, 4]),
  ]],
  ['conv1d', (x, w) => conv1d(x, w, { strides: 2, padding: 1 }), () => [input([2, 7, 2]), input([3, 2, 2])]],
  ['conv2dTranspose', (x, w) => conv2dTranspose(x, w, { strides: 2, padding: 1, outputPadding: 1 }), () => [
    input([1, 3, 3, 2]),
    input([3, 3, 3, 2]),
  ]],
  ['conv2dBackpropInput (double backward)', (dy, w) => conv2dBackpropInput(dy, w, [1, 5, 5, 2], { strides: 2, padding: 1 }), () => [
    input([1, 3, 3, 3]),
    input([3, 3, 2, 3]),
  ]],
  ['conv2dBackpropFilter (double backward)', (x, dy) => conv2dBackpropFilter(x, dy, [3, 3, 2, 3], { strides: 2, padding: 1 }), () => [
    input([1, 5, 5, 2]),
    input([1, 3, 3, 3]),
  ]],
  ['maxPool2d ceilMode, padding', (x) => maxPool2d(x, { poolSize: 3, strides: 2, padding: 1, ceilMode: true }), () => [distinct([1, 6, 6, 2])]],
  ['maxPool2d dilation', (x) => maxPool2d(x, { poolSize: 2, strides: 1, dilation: 2 }), () => [distinct([1, 5, 5, 1])]],
  ['avgPool2d countIncludePad false', (x) => avgPool2d(x, { poolSize: 3, strides: 2, padding: 1, ceilMode: true, countIncludePad: false }), () => [
    input([1, 6, 6, 2]),
  ]],
  ['avgPool2d divisorOverride', (x) => avgPool2d(x, { poolSize: 2, divisorOverride: 3 }), () => [input([2, 4, 4, 1])]],
];

describe.each([
  ['unary', unary],
  ['binary with broadcasting', binary],
  ['reductions and softmax', reductions],
  ['shape and indexing', shapes],
  ['linear algebra', linalg],
  ['conv and pool', nn],
] as const)('finite differences: %s', (_family, cases) => {
  it.each(cases.map((c) => [c[0], c] as const))('%s', (_name, [, f, make]) => {
    const xs = make();
    const { worst, where: at } = checkGradients(f, xs);
    expect(worst, at).toBe(0);
    for (const x of xs) x.dispose();
  });
});

it('finite differences: a composite with a shared input (randn-driven)', () => {
  const a = randn([3, 1, 4], { seed: 7 });
  const b = randn([5, 1], { seed: 8 });
  const f = (x: Tensor, y: Tensor): Tensor => mul(sum(div(add(mul(x, y), x), add(1, mul(y, y))), -1), mean(x));
  expect(checkGradients(f, [a, b]).worst).toBe(0);
});
