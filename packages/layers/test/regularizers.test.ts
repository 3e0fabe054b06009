import { describe, expect, it } from 'vitest';
import { lookup } from '@tensorkit/core';
import { tensor } from '@tensorkit/tensor';
import { SGD } from '@tensorkit/optim';
import { expectError, regressionData } from './training-helpers';
import { l1, l1l2, l2, serializeRegularizer, type RegularizerPlugin } from '../src/regularizers/index';
import { Sequential } from '../src/sequential';
import { dense } from '../src/layers/dense';

const w = tensor([[1, -2], [0.5, 3]]);

describe('regularizers', () => {
  it('compute Keras penalties: l1 = λΣ|w|, l2 = λΣw² (no ½), l1l2 = both', async () => {
    expect((await l1(0.1).penalty(w).data())[0]).toBeCloseTo(0.1 * 6.5, 6);
    expect((await l2({ l2: 0.1 }).penalty(w).data())[0]).toBeCloseTo(0.1 * 14.25, 6);
    expect((await l1l2({ l1: 0.1, l2: 0.2 }).penalty(w).data())[0]).toBeCloseTo(0.65 + 0.2 * 14.25, 6);
    expect((await l2().penalty(w).data())[0]).toBeCloseTo(0.01 * 14.25, 6); // Keras default 0.01
  });

  it('plugins penalize with the default strength and rebuild from the saved config', async () => {
    const plugin = lookup('regularizer', 'l1l2') as RegularizerPlugin;
    expect((await plugin.penalty(w).data())[0]).toBeCloseTo(0.01 * 6.5 + 0.01 * 14.25, 6);
    const saved = serializeRegularizer(l1l2({ l1: 0.3, l2: 0 }));
    expect(saved).toEqual({ name: 'l1l2', config: { l1: 0.3, l2: 0 } });
    expect((await plugin.create(saved.config).penalty(w).data())[0]).toBeCloseTo(0.3 * 6.5, 6);
  });

  it('l2(λ) in the loss trains exactly like SGD weightDecay 2λ (no bias regularized, so one dense without bias)', async () => {
    const { x, y } = regressionData(16);
    const lambda = 0.05;
    const run = async (withL2: boolean): Promise<number[]> => {
      const model = new Sequential([dense({ units: 1, useBias: false, inputShape: [3], seed: 4, ...(withL2 ? { kernelRegularizer: l2(lambda) } : {}) })]);
      const optimizer = new SGD(model.trainableParameters(), { lr: 0.1, weightDecay: withL2 ? 0 : 2 * lambda });
      model.compile({ optimizer, loss: 'meanSquaredError' });
      await model.fit(x, y, { epochs: 5, batchSize: 4, seed: 2, verbose: 0 });
      return Array.from(model.parameters()[0]!.dataSync());
    };
    const a = await run(true);
    const b = await run(false);
    a.forEach((v, i) => expect(v).toBeCloseTo(b[i]!, 5));
  });

  it('rejects negative, NaN and unknown strengths', () => {
    expectError(() => l2(-1), 'INVALID_ARGUMENT', "l2: 'l2' must be a finite number >= 0, got -1");
    expectError(() => l1({ l1: NaN }), 'INVALID_ARGUMENT', "'l1' must be a finite number");
    expectError(() => l1l2({ l3: 1 } as never), 'INVALID_ARGUMENT', "unknown option 'l3'");
  });
});

describe('regularizers in saved models', () => {
  it('keep their strength through saveModel/loadModel', async () => {
    const { saveModel, loadModel } = await import('../src/io/save-load');
    const { memoryStore } = await import('../src/io/storage');
    const { l1l2 } = await import('../src/regularizers/index');
    const model = new Sequential([dense({ units: 2, inputShape: [3], kernelRegularizer: l1l2({ l1: 1e-3, l2: 2e-4 }) })]);
    const store = memoryStore();
    await saveModel(model, store);
    const loaded = await loadModel(memoryStore(store.artifacts!));
    const [before] = model.regularizationLosses();
    const [after] = loaded.regularizationLosses();
    expect(after!.dataSync()[0]).toBe(before!.dataSync()[0]);
    const layer = (loaded as Sequential).layers.items[0]!;
    expect(layer.getConfig()['kernelRegularizer']).toEqual({ name: 'l1l2', config: { l1: 1e-3, l2: 2e-4 } });
    model.dispose();
    loaded.dispose();
  });
});
