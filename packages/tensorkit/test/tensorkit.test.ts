import { describe, expect, it } from 'vitest';
import * as tk from '../src/index';

describe('tensorkit', () => {
  it('trains a Sequential model from one import, every plugin registered', async () => {
    tk.setSeed(0);
    const x = tk.randn([64, 2], { seed: 1 });
    const y = tk.cast(tk.greater(tk.mul(tk.slice(x, [null, [0, 1]]), tk.slice(x, [null, [1, 2]])), 0), 'float32');
    const model = new tk.Sequential([tk.dense({ units: 16, activation: 'tanh', inputShape: [2] }), tk.dense({ units: 1 })]);
    model.compile({ optimizer: 'adam', optimizerOptions: { lr: 0.05 }, loss: 'binaryCrossEntropy', lossOptions: { fromLogits: true } });
    const before = tk.memory().numTensors;
    const history = await model.fit(x, y, { epochs: 40, batchSize: 16, seed: 0, verbose: 0 });
    const losses = history.history.loss!;
    expect(losses[losses.length - 1]!).toBeLessThan(0.6 * losses[0]!);
    expect(tk.memory().numTensors).toBeLessThanOrEqual(before + 8); // the compiled optimizer's state, nothing per step
    model.dispose();
    tk.dispose([x, y]);
  });

  it('registers the CPU backend and the plugins of every package', () => {
    expect(tk.getBackend()).toBe('cpu');
    for (const [kind, name] of [['activation', 'gelu'], ['loss', 'crossEntropy'], ['initializer', 'heNormal'], ['optimizer', 'adamw'],
      ['scheduler', 'oneCycleLR'], ['layer', 'lstm'], ['metric', 'accuracy'], ['regularizer', 'l2'], ['callback', 'earlyStopping']] as const) {
      expect(tk.list(kind)).toContain(name);
    }
  });

  it('resolves name clashes to the tensor op and keeps the rest in namespaces', () => {
    const img = tk.ones([1, 4, 4, 1]);
    expect(tk.conv2d(img, tk.ones([3, 3, 1, 1])).shape).toEqual([1, 2, 2, 1]); // the op
    expect(tk.layers.conv2d({ filters: 2, kernelSize: 3 })).toBeInstanceOf(tk.Conv2D); // the layer
    expect(tk.zeros([2]).shape).toEqual([2]);
    expect(tk.init.zeros([2, 3]).shape).toEqual([2, 3]);
    expect(tk.add(1, tk.ones([2])).arraySync()).toEqual([2, 2]);
    expect(tk.layers.add()).toBeInstanceOf(tk.Add);
    expect(tk.losses.losses.length).toBeGreaterThan(20);
  });

  it('reports a missing plugin with the registry error', () => {
    expect(() => tk.lookup('optimizer', 'lion' as 'adam')).toThrowError(/no optimizer 'lion'.*registered: .*adam/s);
  });
});
