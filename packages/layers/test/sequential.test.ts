import '@tensorkit/backend-cpu/register';
import { zeros, randn } from '@tensorkit/tensor';
import { describe, expect, it } from 'vitest';
import { ModuleList, Sequential, dense, flatten } from '../src/index';
import { expectError, values } from './assert';

describe('Sequential', () => {
  it('applies layers in order; names parameters layers.<i>.<name>', () => {
    const model = new Sequential([flatten(), dense({ units: 4, seed: 0 }), dense({ units: 2, seed: 1 })]);
    const x = randn([3, 2, 3], { seed: 2 });
    const y = model.apply(x);
    expect(y.shape).toEqual([3, 2]);
    const [, d1, d2] = model.layers.items;
    expect(values(y)).toEqual(values(d2!.apply(d1!.apply(flatten().apply(x)))));
    expect(model.namedParameters().map(([n, v]) => `${n} ${v.shape.join('x')}`)).toEqual([
      'layers.1.kernel 6x4', 'layers.1.bias 4', 'layers.2.kernel 4x2', 'layers.2.bias 2',
    ]);
  });

  it('builds up front from inputShape (on the first layer or the options), and add() keeps building', () => {
    const a = new Sequential([dense({ units: 4, inputShape: [3] })]);
    expect(a.countParams()).toBe(16);
    a.add(dense({ units: 2 }));
    expect(a.countParams()).toBe(26);
    expect(a.outputShape).toEqual([-1, 2]);
    const b = new Sequential({ layers: [flatten(), dense({ units: 5 })], inputShape: [2, 3] });
    expect(b.layers.items.map((l) => l.outputShape)).toEqual([[-1, 6], [-1, 5]]);
    const c = new Sequential();
    c.add(dense({ units: 1, inputShape: [2] }));
    expect(c.countParams()).toBe(3);
  });

  it('summary() lists each layer with its type, output shape and parameter count, and the totals', () => {
    const model = new Sequential([flatten({ inputShape: [28, 28, 1] }), dense({ units: 128 }), dense({ units: 10 })]);
    const text = model.summary();
    const lines = text.split('\n');
    expect(lines[0]).toBe('Model: Sequential');
    expect(text).toMatch(/layers\.0 \(flatten\)\s+\[None, 784\]\s+0\n/);
    expect(text).toMatch(/layers\.1 \(dense\)\s+\[None, 128\]\s+100480\n/);
    expect(text).toMatch(/layers\.2 \(dense\)\s+\[None, 10\]\s+1290\n/);
    expect(text).toContain('Total params: 101,770');
    expect(text).toContain('Trainable params: 101,770');
    expect(text).toContain('Non-trainable params: 0');
    // Unbuilt layers show '?'.
    expect(new Sequential([dense({ units: 2 })]).summary()).toMatch(/layers\.0 \(dense\)\s+\?\s+0/);
  });

  it('rejects bad layers, empty models and a mismatched input', () => {
    expectError(() => new Sequential([{} as never]), 'INVALID_ARGUMENT', 'Sequential.add', 'expected a Layer');
    const d = dense({ units: 2 });
    expectError(() => new Sequential([d, d]), 'INVALID_ARGUMENT', 'already in the model');
    expectError(() => new Sequential(null as never), 'INVALID_ARGUMENT', 'Sequential');
    expectError(() => new Sequential().apply(zeros([1, 2])), 'INVALID_STATE', 'no layers');
    const model = new Sequential([dense({ units: 2, inputShape: [3] })]);
    expectError(() => model.apply(zeros([1, 4])), 'SHAPE_MISMATCH', 'dense', 'input features 3');
    expectError(() => dense({ units: 1, inputShape: [0] }), 'INVALID_ARGUMENT', 'inputShape');
    expectError(() => new ModuleList().forward(), 'INVALID_STATE', 'ModuleList');
  });
});
