import './training-helpers';
import { Adam } from '@tensorkit/optim';
import { dispose, memory, randn } from '@tensorkit/tensor';
import { describe, expect, it } from 'vitest';
import { Sequential, dense } from '../src/index';

describe('Module.dispose', () => {
  it('frees the weights and the optimizer compile created (its Adam state included)', async () => {
    const x = randn([8, 3], { seed: 1 });
    const y = randn([8, 2], { seed: 2 });
    const before = memory().numTensors;
    const model = new Sequential([dense({ units: 4, inputShape: [3] }), dense({ units: 2 })]);
    model.compile({ optimizer: 'adam', loss: 'mse' });
    await model.fit(x, y, { epochs: 2, batchSize: 4, verbose: 0 });
    expect(memory().numTensors).toBeGreaterThan(before + 4); // weights plus Adam's two moments each
    model.dispose();
    expect(memory().numTensors).toBe(before);
  });

  it('leaves an optimizer instance the caller passed in to the caller', async () => {
    const x = randn([4, 3], { seed: 3 });
    const y = randn([4, 1], { seed: 4 });
    const model = new Sequential([dense({ units: 1, inputShape: [3] })]);
    model.apply(x).dispose();
    const optimizer = new Adam(model.trainableParameters(), { lr: 0.01 });
    model.compile({ optimizer, loss: 'mse' });
    await model.fit(x, y, { epochs: 1, verbose: 0 });
    const [w] = model.trainableParameters();
    model.dispose();
    expect(w!.isDisposed).toBe(true);
    // The caller's optimizer still holds its Adam moments: stateDict reads them without error.
    const state = optimizer.stateDict();
    expect(Object.values(state.state)[0]!.tensors['expAvg']!.isDisposed).toBe(false);
    dispose(Object.values(state.state).map((s) => s.tensors));
    optimizer.dispose();
  });
});
