import '@tensorkit/backend-cpu/register';
import { variableGrads } from '@tensorkit/autograd';
import { add, matMul, mul, randn, sigmoid, slice, reshape as reshapeOp, sum, tanh, tensor, zeros, split } from '@tensorkit/tensor';
import { describe, expect, it } from 'vitest';
import { gru, gruCell, lstm, lstmCell, lstmLayer } from '../src/index';
import { expectClose, expectError, finiteDifference, values } from './assert';

describe('recurrent cells and layers', () => {
  it('lstmCell follows PyTorch (gate order i, f, g, o) with [in, 4h] weights', () => {
    const cell = lstmCell({ hiddenSize: 3, seed: 0 });
    const x = randn([2, 4], { seed: 1 });
    const h = randn([2, 3], { seed: 2 });
    const c = randn([2, 3], { seed: 3 });
    const [h1, c1] = cell.step(x, [h, c]);
    expect(cell.weightIh!.shape).toEqual([4, 12]);
    expect(cell.weightHh!.shape).toEqual([3, 12]);
    const gates = add(add(matMul(x, cell.weightIh!), cell.biasIh!), add(matMul(h, cell.weightHh!), cell.biasHh!));
    const [i, f, g, o] = split(gates, 3, 1);
    const cExpected = add(mul(sigmoid(f!), c), mul(sigmoid(i!), tanh(g!)));
    expectClose(c1!, values(cExpected));
    expectClose(h1!, values(mul(sigmoid(o!), tanh(cExpected))));
    // PyTorch's init: every weight in U(±1/√hidden).
    expect(Math.max(...values(cell.weightIh!).map(Math.abs))).toBeLessThanOrEqual(1 / Math.sqrt(3));
  });

  it('gruCell: n = tanh(x·W_in + b_in + r ⊙ (h·W_hn + b_hn)), h1 = (1 - z) ⊙ n + z ⊙ h', () => {
    const cell = gruCell({ hiddenSize: 2, seed: 4 });
    const x = randn([3, 5], { seed: 5 });
    const h = randn([3, 2], { seed: 6 });
    const [h1] = cell.step(x, [h]);
    const [xr, xz, xn] = split(add(matMul(x, cell.weightIh!), cell.biasIh!), 2, 1);
    const [hr, hz, hn] = split(add(matMul(h, cell.weightHh!), cell.biasHh!), 2, 1);
    const r = sigmoid(add(xr!, hr!));
    const z = sigmoid(add(xz!, hz!));
    const n = tanh(add(xn!, mul(r, hn!)));
    const expected = values(n).map((nv, k) => (1 - values(z)[k]!) * nv + values(z)[k]! * values(h)[k]!);
    expectClose(h1!, expected);
  });

  it('lstm and gru unroll their cell over [N, T, F] from a zero state', () => {
    for (const make of [lstm, gru]) {
      const layer = make({ hiddenSize: 3, returnSequences: true, seed: 1 });
      const x = randn([2, 4, 5], { seed: 7 });
      const seq = layer.apply(x);
      expect(seq.shape).toEqual([2, 4, 3]);
      let state = layer.cell.initialState(2);
      for (let t = 0; t < 4; t++) state = layer.cell.step(reshapeOp(slice(x, [null, [t, t + 1], null]), [2, 5]), state);
      expectClose(slice(seq, [null, [3, 4], null]), values(state[0]!));
      const last = make({ hiddenSize: 3, seed: 1 });
      last.build(x.shape);
      last.loadStateDict(layer.stateDict());
      expectClose(last.apply(x), values(state[0]!));
      expect(layer.namedParameters().map(([name]) => name)).toEqual(['cell.weightIh', 'cell.weightHh', 'cell.biasIh', 'cell.biasHh']);
    }
  });

  it('the lstm gradient matches finite differences', () => {
    const layer = lstm({ hiddenSize: 2, seed: 3 });
    const x = randn([1, 3, 2], { seed: 8 });
    layer.build(x.shape);
    const w = layer.cell.weightIh!;
    const { grads } = variableGrads(() => sum(layer.apply(x)), [w]);
    const original = tensor(values(w), w.shape);
    const fd = finiteDifference(
      () => values(sum(layer.apply(x)))[0]!,
      w,
      (v) => {
        w.assign(tensor(v, w.shape));
        return w;
      },
    );
    w.assign(original);
    expectClose(grads.get(w)!, fd, 2e-2);
  });

  it('getConfig round-trips; bad options and inputs are refused', () => {
    const layer = lstm({ hiddenSize: 4, useBias: false, returnSequences: true, seed: 2 });
    expect(layer.getConfig()).toEqual({ hiddenSize: 4, useBias: false, seed: 2, returnSequences: true });
    expect(lstmLayer.create(layer.getConfig()).getConfig()).toEqual(layer.getConfig());
    expectError(() => lstm({ hiddenSize: 0 }), 'INVALID_ARGUMENT', 'lstm', "'hiddenSize'");
    expectError(() => lstm({ hiddenSize: 2, returnSequences: 1 as never }), 'INVALID_ARGUMENT', "'returnSequences'");
    expectError(() => lstm({ hiddenSize: 2 }).apply(zeros([2, 3])), 'INVALID_SHAPE', 'lstm', '[batch, time, features]');
    expectError(() => gruCell({ hiddenSize: 2 }).apply(zeros([2, 3, 4])), 'INVALID_SHAPE', 'gruCell', '[batch, features]');
    const cell = lstmCell({ hiddenSize: 2 });
    expectError(() => cell.step(zeros([3, 4]), [zeros([3, 2])]), 'INVALID_ARGUMENT', 'lstmCell.step', '2 state tensor(s) of shape [3, 2]');
    expectError(() => cell.apply(zeros([3, 5])), 'SHAPE_MISMATCH', 'input features 4');
  });
});
