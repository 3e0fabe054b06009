import '@tensorkit/backend-cpu/register';
import '@tensorkit/losses/register';
import type {} from '@tensorkit/losses'; // the loss names' types (the register entry alone does not carry them)
import '@tensorkit/layers/register';
import { describe, expect, it } from 'vitest';
import { isTensorkitError, register, unregister, use } from '@tensorkit/core';
import { cast, dispose, greater, memory, mul, randn, slice, setSeed } from '@tensorkit/tensor';
import { Sequential, dense, loadModel, memoryStore, saveModel } from '@tensorkit/layers';
import { lion, plugins, rmsNorm, rmsNormLayer, squarePlusActivation } from '../src/index';

describe('a model with all three plugins', () => {
  it('trains, saves, and loads back through the registry; loading without a plugin names it', async () => {
    use(plugins);
    setSeed(0);
    const x = randn([128, 2], { seed: 1 });
    const y = cast(greater(mul(slice(x, [null, [0, 1]]), slice(x, [null, [1, 2]])), 0), 'float32');
    const model = new Sequential([
      dense({ units: 16, activation: 'squarePlus', inputShape: [2] }),
      rmsNorm(),
      dense({ units: 1 }),
    ]);
    model.compile({ optimizer: 'lion', optimizerOptions: { lr: 1e-2 }, loss: 'binaryCrossEntropy', lossOptions: { fromLogits: true } });

    const first = await model.fit(x, y, { epochs: 1, batchSize: 32, seed: 0, verbose: 0 });
    const tensorsAfterOneEpoch = memory().numTensors;
    const history = await model.fit(x, y, { epochs: 40, batchSize: 32, seed: 0, verbose: 0 });
    const losses = history.history.loss!;
    expect(losses.at(-1)!).toBeLessThan(0.6 * first.history.loss![0]!);
    expect(memory().numTensors).toBe(tensorsAfterOneEpoch); // no tensor leaks per step or epoch

    const store = memoryStore();
    await saveModel(model, store);
    const again = await loadModel(store);
    expect(again.layers.items[1]!.className).toBe('rmsNorm');
    expect(Array.from((await again.predict(x)).dataSync())).toEqual(Array.from((await model.predict(x)).dataSync()));

    unregister('layer', 'rmsNorm');
    await expect(loadModel(store)).rejects.toSatisfy((e) => isTensorkitError(e, 'NOT_REGISTERED') && /no layer 'rmsNorm'/.test((e as Error).message));
    register(rmsNormLayer);
    unregister('activation', 'squarePlus');
    await expect(loadModel(store)).rejects.toThrowError(/no activation 'squarePlus'/);
    register(squarePlusActivation);
    expect(lion.name).toBe('lion');
    model.dispose();
    again.dispose();
    dispose([x, y]);
  });
});
