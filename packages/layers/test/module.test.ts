import '@tensorkit/backend-cpu/register';
import { noGrad, variableGrads } from '@tensorkit/autograd';
import { add, clone, memory, mean, mul, ones, randn, square, sub, tensor, tidy, zeros, type Tensor } from '@tensorkit/tensor';
import { describe, expect, it } from 'vitest';
import { Module, Sequential, dense, flatten, type Penalty } from '../src/index';
import { expectError, values } from './assert';

/** A two-branch model: y = a(x) + b(x), with a frozen scale parameter and a buffer. */
class TwoTower extends Module {
  a = this.addModule('a', dense({ units: 2, seed: 1 }));
  b = this.addModule('b', dense({ units: 2, seed: 2 }));
  scale = this.addParameter('scale', tensor([2]), { trainable: false });
  count = this.addBuffer('count', zeros([1]));

  forward(x: Tensor): Tensor {
    return mul(add(this.a.apply(x), this.b.apply(x)), this.scale);
  }
}

describe('Module', () => {
  it('a subclass with forward: parameters, dotted names, buffers, trainable subset', () => {
    const m = new TwoTower();
    const x = tensor([[1, 2, 3]]);
    const y = m.apply(x);
    const expected = values(mul(add(m.a.apply(x), m.b.apply(x)), 2));
    expect(values(y)).toEqual(expected);
    expect(m.namedParameters().map(([n]) => n)).toEqual(['scale', 'a.kernel', 'a.bias', 'b.kernel', 'b.bias']);
    expect(m.parameters()).toHaveLength(5);
    expect(m.trainableParameters()).toHaveLength(4);
    expect(m.namedBuffers().map(([n]) => n)).toEqual(['count']);
    expect(m.namedModules().map(([n]) => n)).toEqual(['', 'a', 'b']);
    expect(m.children()).toEqual([m.a, m.b]);
    expect(m.countParams()).toBe(1 + 1 + 2 * (3 * 2 + 2));
    expect(Object.keys(m.stateDict())).toEqual(['scale', 'a.kernel', 'a.bias', 'b.kernel', 'b.bias', 'count']);
  });

  it('train() and eval() switch every descendant', () => {
    const m = new Sequential([dense({ units: 2 }), dense({ units: 1 })]);
    expect(m.namedModules().every(([, s]) => s.training)).toBe(true);
    expect(m.eval()).toBe(m);
    expect(m.namedModules().every(([, s]) => !s.training)).toBe(true);
    m.train();
    expect(m.layers.items[1]!.training).toBe(true);
    m.train(false);
    expect(m.layers.items[0]!.training).toBe(false);
    expectError(() => m.train('yes' as never), 'INVALID_ARGUMENT', 'train', 'boolean');
  });

  it('stateDict round trip into a fresh model', () => {
    const a = new Sequential([dense({ units: 3, inputShape: [2], seed: 1 }), dense({ units: 1, seed: 2 })]);
    const b = new Sequential([dense({ units: 3, inputShape: [2], seed: 3 }), dense({ units: 1, seed: 4 })]);
    const x = randn([4, 2], { seed: 0 });
    expect(values(b.apply(x))).not.toEqual(values(a.apply(x)));
    b.loadStateDict(a.stateDict());
    expect(values(b.apply(x))).toEqual(values(a.apply(x)));
    // The tensors are shared, not copied: the state dict holds the variables themselves.
    expect(a.stateDict()['layers.0.kernel']).toBe(a.layers.items[0]!.parameters()[0]);
  });

  it('loadStateDict refuses missing, extra, mis-shaped keys and leaves the module untouched', () => {
    const m = new Sequential([dense({ units: 2, inputShape: [3], seed: 1 })]);
    const before = Object.fromEntries(Object.entries(m.stateDict()).map(([k, v]) => [k, values(v)]));
    const good = { 'layers.0.kernel': ones([3, 2]), 'layers.0.bias': ones([2]) };
    const unchanged = (): void => {
      for (const [k, v] of Object.entries(m.stateDict())) expect(values(v)).toEqual(before[k]);
    };
    expectError(() => m.loadStateDict({ 'layers.0.kernel': ones([3, 2]) }), 'SHAPE_MISMATCH', "missing 'layers.0.bias'", 'Nothing was loaded');
    unchanged();
    expectError(() => m.loadStateDict({ ...good, extra: ones([1]) }), 'SHAPE_MISMATCH', "unexpected 'extra'");
    unchanged();
    expectError(() => m.loadStateDict({ ...good, 'layers.0.bias': ones([3]) }), 'SHAPE_MISMATCH', "'layers.0.bias' is [3] float32", 'has [2] float32');
    unchanged();
    expectError(() => m.loadStateDict({ ...good, 'layers.0.bias': [1, 2] as never }), 'SHAPE_MISMATCH', 'not a Tensor');
    unchanged();
    expectError(() => m.loadStateDict(null as never), 'INVALID_ARGUMENT', 'loadStateDict');
    // Non-strict: ignores the missing and the extra keys, loads the rest.
    m.loadStateDict({ 'layers.0.bias': tensor([5, 6]), other: ones([9]) }, { strict: false });
    expect(values(m.stateDict()['layers.0.bias']!)).toEqual([5, 6]);
    expectError(() => new Sequential([dense({ units: 2 })]).loadStateDict(good), 'SHAPE_MISMATCH', 'build it first');
  });

  it('regularizationLosses collects every layer penalty from the current weights', () => {
    const sumAbs: Penalty & { name: string } = { name: 'l1test', penalty: (w) => tidy(() => mean(mul(w, w))) };
    const m = new Sequential([dense({ units: 2, inputShape: [2], kernelRegularizer: sumAbs }), dense({ units: 1 })]);
    m.layers.items[0]!.parameters()[0]!.assign(tensor([[1, 2], [3, 4]]));
    const losses = m.regularizationLosses();
    expect(losses).toHaveLength(1);
    expect(values(losses[0]!)).toEqual([7.5]);
  });

  it('rejects bad names, non-tensor inputs and duplicate registrations', () => {
    class Bad extends Module {
      constructor(name: string) {
        super();
        this.addParameter(name, zeros([1]));
        this.addParameter('w', zeros([1]));
      }
      forward(x: Tensor): Tensor {
        return x;
      }
    }
    expectError(() => new Bad('a.b'), 'INVALID_ARGUMENT', 'addParameter', '"a.b"');
    expectError(() => new Bad('w'), 'INVALID_ARGUMENT', "'w' is already registered");
    expectError(() => flatten().apply([1, 2] as never), 'INVALID_ARGUMENT', 'flatten.apply', 'not a Tensor');
  });

  it('a training loop keeps memory().numTensors stable and dispose() frees the weights', () => {
    const model = new Sequential([dense({ units: 8, activation: (t) => tidy(() => mul(t, t)), inputShape: [4], seed: 0 }), dense({ units: 1, seed: 1 })]);
    const x = randn([16, 4], { seed: 1 });
    const y = randn([16, 1], { seed: 2 });
    const step = (): void =>
      tidy(() => {
        const { grads } = variableGrads(() => mean(square(sub(model.apply(x), y))), model.trainableParameters());
        noGrad(() => {
          for (const [v, g] of grads) v.assign(sub(v, mul(g, 0.01)));
        });
      });
    step();
    const before = memory().numTensors;
    for (let i = 0; i < 5; i++) step();
    expect(memory().numTensors).toBe(before);
    const snapshot = clone(model.parameters()[0]!);
    const withSnapshot = memory().numTensors;
    model.dispose();
    expect(memory().numTensors).toBe(withSnapshot - 4);
    expect(values(snapshot)).toHaveLength(32); // a clone outlives the model
    snapshot.dispose();
    x.dispose();
    y.dispose();
  });
});
