import '@tensorkit/backend-cpu/register';
import { tensor, zeros, matMul, add, relu, type Tensor } from '@tensorkit/tensor';
import { describe, expect, it } from 'vitest';
import { Dense, dense, denseLayer } from '../src/index';
import { expectClose, expectError, values } from './assert';

describe('dense', () => {
  it('builds a [in, out] kernel on first call and computes x·W + b on the last axis', () => {
    const d = dense({ units: 2, seed: 1 });
    expect(d.built).toBe(false);
    const x = tensor([[1, 2, 3], [4, 5, 6]]);
    const y = d.apply(x);
    expect(d.kernel!.shape).toEqual([3, 2]);
    expect(d.bias!.shape).toEqual([2]);
    expectClose(y, values(add(matMul(x, d.kernel!), d.bias!)));
    // Rank 3: the kernel applies to the last axis.
    expect(d.apply(zeros([4, 5, 3])).shape).toEqual([4, 5, 2]);
  });

  it('draws the PyTorch default U(±1/√in) for kernel and bias, reproducibly with a seed', () => {
    const a = dense({ units: 50, seed: 7 });
    a.build([-1, 16]);
    const w = values(a.kernel!);
    expect(Math.max(...w.map(Math.abs))).toBeLessThanOrEqual(0.25);
    expect(Math.max(...w.map(Math.abs))).toBeGreaterThan(0.2); // 800 draws fill the range
    const b = dense({ units: 50, seed: 7 });
    b.build([-1, 16]);
    expect(values(b.kernel!)).toEqual(w);
    expect(values(b.bias!)).not.toEqual(w.slice(0, 50));
  });

  it('takes the activation as a function or a plugin object, and useBias: false', () => {
    const d = dense({ units: 2, useBias: false, activation: relu });
    const x = tensor([[1, -1]]);
    d.build([-1, 2]);
    d.kernel!.assign(tensor([[1, -1], [2, 3]]));
    expect(d.bias).toBeUndefined();
    expect(d.parameters()).toHaveLength(1);
    expect(values(d.apply(x))).toEqual([0, 0]); // relu([-1, -4])
    const viaPlugin = dense({ units: 2, useBias: false, activation: { name: 'neg1', apply: (t: Tensor) => matMul(t, tensor([[-1, 0], [0, -1]])) } });
    viaPlugin.build([-1, 2]);
    viaPlugin.kernel!.assign(tensor([[1, 0], [0, 1]]));
    expect(values(viaPlugin.apply(x))).toEqual([-1, 1]);
  });

  it('getConfig round-trips through the plugin', () => {
    const d = dense({ units: 3, useBias: false, seed: 4, inputShape: [5] });
    const config = d.getConfig();
    expect(config).toEqual({ inputShape: [5], units: 3, activation: null, useBias: false, seed: 4 });
    const again = denseLayer.create(config);
    expect(again).toBeInstanceOf(Dense);
    expect(again.getConfig()).toEqual(config);
  });

  it('rejects bad options and inputs', () => {
    expectError(() => dense({ units: -1 }), 'INVALID_ARGUMENT', 'dense', "'units'", '-1');
    expectError(() => dense({ units: NaN }), 'INVALID_ARGUMENT', "'units'", 'NaN');
    expectError(() => dense({ units: 2, unit: 3 } as never), 'INVALID_ARGUMENT', "unknown option 'unit'");
    expectError(() => dense({ units: 2, activation: 'nope' }), 'NOT_REGISTERED', "no activation 'nope'");
    expectError(() => dense({ units: 2, kernelInitializer: 'nope' }), 'NOT_REGISTERED', "no initializer 'nope'");
    expectError(() => dense({ units: 2, activation: 3 as never }), 'INVALID_ARGUMENT', "'activation'");
    expectError(() => dense({ units: 2, useBias: 'yes' as never }), 'INVALID_ARGUMENT', "'useBias'");
    expectError(() => dense({ units: 2, activation: (t) => t }).getConfig(), 'INVALID_ARGUMENT', 'plain function');
    const d = dense({ units: 2 });
    d.apply(zeros([1, 3]));
    expectError(() => d.apply(zeros([1, 4])), 'SHAPE_MISMATCH', 'dense', 'input features 3', '[1,4]');
    expectError(() => dense({ units: 2 }).apply(zeros([])), 'INVALID_SHAPE', 'rank >= 1');
  });
});
