import '@tensorkit/backend-cpu/register';
import { getKernel, register, unregister, type KernelConfig } from '@tensorkit/core';
import {
  add, argMax, cast, exp, floor, greater, log, matMul, mean, memory, mul, randn, relu, round, runKernel, sin,
  softmax, square, sub, sum, tanh, tensor, tidy, variable, type Tensor,
} from '@tensorkit/tensor';
import { describe, expect, it } from 'vitest';
import { customGrad, grad, grads, noGrad, stopGradient, valueAndGrad, valueAndGrads, variableGrads, vjp } from '../src/index';

function caught(fn: () => unknown): Error & { code?: string } {
  try {
    fn();
  } catch (e) {
    return e as Error & { code?: string };
  }
  throw new Error('expected a throw');
}
const values = (t: Tensor): number[] => Array.from(t.dataSync());
const close = (t: Tensor, expected: number[], tol = 1e-5): void =>
  values(t).forEach((v, i) => expect(Math.abs(v - expected[i]!)).toBeLessThan(tol * (1 + Math.abs(expected[i]!))));

describe('gradient API', () => {
  it('grad, grads, valueAndGrad and valueAndGrads', () => {
    expect(values(grad((x) => sum(square(x)))(tensor([1, -2])))).toEqual([2, -4]);
    const [da, db] = grads((a, b) => sum(mul(a, b)))([tensor([1, 2]), tensor([3, 4])]);
    expect([values(da!), values(db!)]).toEqual([[3, 4], [1, 2]]);
    const { value, grad: g } = valueAndGrad((x) => sum(exp(x)))(tensor([0, 1]));
    close(value, [1 + Math.E]);
    close(g, [1, Math.E]);
    const r = valueAndGrads((a, b) => sum(sub(a, mul(b, 2))))([[1, 1], [2, 2]]);
    expect([values(r.value), values(r.grads[0]!), values(r.grads[1]!)]).toEqual([[-6], [1, 1], [-2, -2]]);
  });

  it('vjp takes an upstream gradient and several outputs', () => {
    const { grads: [dx] } = vjp((x) => mul(x, 3), [tensor([1, 2])], tensor([1, 10]));
    expect(values(dx!)).toEqual([3, 30]);
    const two = vjp((x) => [mul(x, 2), square(x)], [tensor([1, 3])], [tensor([1, 1]), tensor([1, 0])]);
    expect(values(two.grads[0]!)).toEqual([4, 2]); // 2·1 + 2x·1 at x=1 is 4; 2·1 + 2x·0 at x=3 is 2
  });

  it('second and third derivatives (grad of grad)', () => {
    const f = (x: Tensor): Tensor => sum(mul(square(x), square(x))); // x^4
    const d2 = grad((x) => sum(grad(f)(x)))(tensor([1, 2]));
    expect(values(d2)).toEqual([12, 48]);
    const d3 = grad((x) => sum(grad((y) => sum(grad(f)(y)))(x)))(tensor([1, 2]));
    expect(values(d3)).toEqual([24, 48]);
    // x^3·sin x, the oracle's higher-order function, checked against its closed form
    const x0 = [0, 0.5, -1.3];
    const g = (x: Tensor): Tensor => sum(mul(mul(square(x), x), sin(x)));
    const second = grad((x) => sum(grad(g)(x)))(tensor(x0));
    close(second, x0.map((x) => 6 * x * Math.sin(x) + 6 * x * x * Math.cos(x) - x ** 3 * Math.sin(x)), 1e-4);
  });

  it('a Hessian-vector product through softmax and matMul matches finite differences of the gradient', () => {
    const w = randn([3, 4], { seed: 1 });
    const x = randn([2, 3], { seed: 2 });
    const v = randn([3, 4], { seed: 3 });
    const loss = (ww: Tensor): Tensor => mean(log(softmax(tanh(matMul(x, ww)))));
    const gradAt = (ww: Tensor): Tensor => grad(loss)(ww);
    const hvp = grad((ww) => sum(mul(gradAt(ww), v)))(w);
    const h = 1e-2;
    const numeric = tidy(() => mul(sub(gradAt(add(w, mul(v, h))), gradAt(sub(w, mul(v, h)))), 1 / (2 * h)));
    values(hvp).forEach((a, i) => expect(Math.abs(a - values(numeric)[i]!)).toBeLessThan(2e-3));
  });

  it('variableGrads returns a Map keyed by the variables the loss used', () => {
    const w = variable([[1], [2]], { name: 'w' });
    const b = variable([0.5], { name: 'b' });
    const frozen = variable([3], { trainable: false });
    const unused = variable([9]);
    const x = tensor([[1, 1], [2, 0]]);
    const { value, grads: gs } = variableGrads(() => sum(mul(add(matMul(x, w), b), frozen)));
    expect(values(value)).toEqual([3 * (3.5 + 2.5)]);
    expect([...gs.keys()]).toEqual([w, b]);
    expect(values(gs.get(w)!)).toEqual([9, 3]);
    expect(values(gs.get(b)!)).toEqual([6]);
    const only = variableGrads(() => sum(mul(w, unused)), [unused]);
    expect([...only.grads.keys()]).toEqual([unused]);
    expect(values(only.grads.get(unused)!)).toEqual([3]);
  });

  it('noGrad and stopGradient cut the gradient', () => {
    const x = tensor([2]);
    expect(values(grad((t) => add(mul(t, 3), noGrad(() => square(t))))(x))).toEqual([3]);
    expect(values(grad((t) => mul(t, stopGradient(t)))(x))).toEqual([2]);
  });

  it('customGrad uses its own backward, also inside higher-order gradients', () => {
    const roundSTE = customGrad((x) => ({ value: round(x), gradFunc: (dy) => [dy] }));
    expect(values(grad((x) => sum(roundSTE(x)))(tensor([0.4, 1.6])))).toEqual([1, 1]);
    const cube = customGrad((x) => ({ value: mul(square(x), x), gradFunc: (dy, { inputs: [t] }) => [mul(dy, mul(square(t!), 3))] }));
    expect(values(grad((x) => sum(grad((y) => sum(cube(y)))(x)))(tensor([2])))).toEqual([12]);
  });

  it('documented non-differentiable behaviour: zero gradient through comparisons, argMax, floor and casts to int', () => {
    const x = tensor([0.3, 1.7, -2.2]);
    expect(values(grad((t) => sum(cast(greater(t, 0), 'float32')))(x))).toEqual([0, 0, 0]);
    expect(values(grad((t) => sum(floor(t)))(x))).toEqual([0, 0, 0]);
    expect(values(grad((t) => add(sum(cast(argMax(t), 'float32')), sum(mul(t, 0))))(x))).toEqual([0, 0, 0]);
    expect(values(grad((t) => sum(cast(cast(t, 'int32'), 'float32')))(x))).toEqual([0, 0, 0]);
    // relu's kink follows PyTorch: the gradient at exactly 0 is 0
    expect(values(grad((t) => sum(relu(t)))(tensor([0, 1])))).toEqual([0, 1]);
  });

  it('an input the function does not use gets a zero gradient', () => {
    const [da, db] = grads((a) => sum(square(a)))([tensor([1, 2]), tensor([5, 6, 7])]);
    expect(values(da!)).toEqual([2, 4]);
    expect(values(db!)).toEqual([0, 0, 0]);
  });

  it('a gradient plugin in the registry overrides the built-in one; a kernel without one is refused', () => {
    register({ kind: 'gradient', kernelName: 'Sin', package: 'test', gradFunc: (dy: Tensor) => [mul(dy, 100)] });
    try {
      expect(values(grad((t) => sum(sin(t)))(tensor([0])))).toEqual([100]);
    } finally {
      unregister('gradient', 'Sin');
    }
    expect(values(grad((t) => sum(sin(t)))(tensor([0])))).toEqual([1]);
    const negCpu = getKernel('cpu', 'Neg')!;
    const custom = { ...negCpu, kernelName: 'MyNeg' } as unknown as KernelConfig;
    register(custom);
    try {
      const e = caught(() => grad((t) => sum(runKernel('MyNeg' as 'Neg', [t], {})))(tensor([1])));
      expect(e.code).toBe('NOT_DIFFERENTIABLE');
      expect(e.message).toContain("kernel 'MyNeg' has no gradient");
    } finally {
      unregister('kernel', 'cpu/MyNeg');
    }
  });
});

describe('bad input', () => {
  it('grad of a non-scalar without an upstream gradient', () => {
    const e = caught(() => grad((x) => mul(x, 2))(tensor([1, 2])));
    expect(e.code).toBe('SHAPE_MISMATCH');
    expect(e.message).toContain('[2]');
    expect(e.message).toContain('not a scalar');
  });

  it('a gradient with respect to a non-float tensor', () => {
    const e = caught(() => grad((x) => sum(cast(x, 'float32')))(tensor([1, 2], undefined, 'int32')));
    expect(e.code).toBe('DTYPE_MISMATCH');
    expect(e.message).toContain('int32');
  });

  it('a customGrad that returns the wrong number or shape of gradients', () => {
    const bad = customGrad((a, b) => ({ value: mul(a, b), gradFunc: (dy) => [dy] }));
    const e = caught(() => grads((a, b) => sum(bad(a, b)))([tensor([1]), tensor([2])]));
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.message).toContain('returned 1 gradient(s) for 2 input(s)');
    const wrongShape = customGrad((a) => ({ value: sum(a), gradFunc: (dy) => [dy] }));
    expect(caught(() => grad((a) => wrongShape(a))(tensor([1, 2]))).code).toBe('SHAPE_MISMATCH');
  });

  it('junk arguments and a dy of the wrong shape', () => {
    expect(caught(() => grad(42 as never)).code).toBe('INVALID_ARGUMENT');
    expect(caught(() => grad((x) => sum(x))('nope' as never)).code).toBe('INVALID_ARGUMENT');
    expect(caught(() => grad((x) => mul(x, 2))(tensor([1, 2]), tensor([1, 2, 3]))).code).toBe('SHAPE_MISMATCH');
    expect(caught(() => variableGrads(() => sum(tensor([1])), [tensor([1]) as never])).code).toBe('INVALID_ARGUMENT');
    expect(caught(() => grad(() => 3 as never)(tensor([1]))).code).toBe('INVALID_ARGUMENT');
  });

  it('Variable.assign inside a gradient scope throws unless wrapped in noGrad', () => {
    const v = variable([1]);
    const e = caught(() => grad((x) => {
      v.assign(tensor([2]));
      return sum(x);
    })(tensor([1])));
    expect(e.code).toBe('INVALID_STATE');
    grad((x) => {
      noGrad(() => v.assign(tensor([3])));
      return sum(x);
    })(tensor([1]));
    expect(values(v)).toEqual([3]);
  });
});

describe('memory', () => {
  it('after grad() returns, the tensor count is the baseline plus the returned gradient', () => {
    const x = tensor([[1, 2], [3, 4]]);
    const before = memory().numTensors;
    const g = grad((t) => mean(softmax(tanh(matMul(t, t)))))(x);
    expect(memory().numTensors).toBe(before + 1);
    g.dispose();
    const gg = grad((t) => sum(grad((u) => sum(mul(square(u), u)))(t)))(x);
    expect(memory().numTensors).toBe(before + 1);
    gg.dispose();
  });

  it('a failing gradient computation leaks nothing', () => {
    const x = tensor([1, 2]);
    const before = memory().numTensors;
    expect(caught(() => grad((t) => mul(t, 2))(x)).code).toBe('SHAPE_MISMATCH');
    expect(caught(() => grad((t) => mul(t, 2))([1, 2])).code).toBe('SHAPE_MISMATCH');
    expect(memory().numTensors).toBe(before);
  });

  it('100 training-like steps leave numTensors unchanged', () => {
    const w = variable(randn([4, 3], { seed: 5, std: 0.1 }));
    const b = variable([0, 0, 0]);
    const x = randn([8, 4], { seed: 6 });
    const y = randn([8, 3], { seed: 7 });
    const step = (): number => {
      const { value, grads: gs } = variableGrads(() => mean(square(sub(tanh(add(matMul(x, w), b)), y))));
      noGrad(() => tidy(() => {
        for (const [v, g] of gs) v.assign(sub(v, mul(g, 0.1)));
      }));
      const loss = values(value)[0]!;
      value.dispose();
      for (const g of gs.values()) g.dispose();
      return loss;
    };
    const first = step();
    const before = memory().numTensors;
    let last = first;
    for (let i = 0; i < 99; i++) last = step();
    expect(memory().numTensors).toBe(before);
    expect(last).toBeLessThan(first);
  });
});
