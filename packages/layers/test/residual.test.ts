import '@tensorkit/backend-cpu/register';
import '@tensorkit/activations/register';
import { noGrad, variableGrads } from '@tensorkit/autograd';
import { use } from '@tensorkit/core';
import { reluActivation } from '@tensorkit/activations';
import { add as addOp, memory, mean, mul, ones, randn, square, sub, tidy, zeros, type Tensor } from '@tensorkit/tensor';
import { describe, expect, it } from 'vitest';
import {
  Module, Sequential, activation, add, batchNorm, conv2d, dense, globalAvgPool2d, layerFromJSON, layerPlugins, layerToJSON, residual,
} from '../src/index';
import { expectError, values } from './assert';

/** A ResNet basic block with a projection shortcut. */
const block = (filters: number, strides: number): ReturnType<typeof residual> =>
  residual(
    [
      conv2d({ filters, kernelSize: 3, strides, padding: 1, useBias: false }), batchNorm(), activation({ activation: reluActivation }),
      conv2d({ filters, kernelSize: 3, padding: 1, useBias: false }), batchNorm(),
    ],
    { shortcut: [conv2d({ filters, kernelSize: 1, strides, useBias: false }), batchNorm()] },
  );

describe('residual and add', () => {
  it('residual computes x + block(x); weights are named block.<i> and shortcut.<i>', () => {
    const r = residual([dense({ units: 3, seed: 0 }), dense({ units: 3, seed: 1 })]);
    const x = randn([2, 3], { seed: 2 });
    const y = r.apply(x);
    const [a, b] = r.block.items;
    expect(values(y)).toEqual(values(addOp(b!.apply(a!.apply(x)), x)));
    expect(r.namedParameters().map(([n]) => n)).toEqual(['block.0.kernel', 'block.0.bias', 'block.1.kernel', 'block.1.bias']);
    expectError(() => residual(dense({ units: 4 })).apply(zeros([2, 3])), 'SHAPE_MISMATCH', 'residual', 'give a shortcut layer');
    expectError(() => residual([]), 'INVALID_ARGUMENT', "'block' must be a Layer");
  });

  it('add sums several same-shaped inputs (a merge in a Module subclass)', () => {
    class TwoPath extends Module {
      left = this.addModule('left', dense({ units: 2, seed: 0 }));
      right = this.addModule('right', dense({ units: 2, seed: 1 }));
      merge = this.addModule('merge', add());
      forward(x: Tensor): Tensor {
        return this.merge.apply(this.left.apply(x), this.right.apply(x), x);
      }
    }
    const m = new TwoPath();
    const x = randn([3, 2], { seed: 3 });
    expect(values(m.apply(x))).toEqual(values(addOp(addOp(m.left.apply(x), m.right.apply(x)), x)));
    expectError(() => add().apply(ones([2])), 'INVALID_ARGUMENT', 'at least 2 inputs');
    expectError(() => add().apply(ones([2]), ones([3])), 'SHAPE_MISMATCH', 'add', '[2], [3]');
  });

  it('a small ResNet trains without leaking, and rebuilds from JSON through the registry', () => {
    use(layerPlugins);
    const model = new Sequential({
      layers: [conv2d({ filters: 4, kernelSize: 3, padding: 1, seed: 0 }), block(4, 1), block(8, 2), globalAvgPool2d(), dense({ units: 2, seed: 1 })],
      inputShape: [8, 8, 3],
    });
    expect(model.outputShape).toEqual([-1, 2]);
    expect(model.summary()).toMatch(/layers\.2\.shortcut\.1 \(batchNorm\)\s+\[None, 4, 4, 8\]\s+32\n/);
    const x = randn([4, 8, 8, 3], { seed: 2 });
    const y = randn([4, 2], { seed: 3 });
    const step = (): void =>
      tidy(() => {
        const { grads } = variableGrads(() => mean(square(sub(model.apply(x), y))), model.trainableParameters());
        noGrad(() => {
          for (const [v, g] of grads) v.assign(sub(v, mul(g, 0.01)));
        });
      });
    step();
    const before = memory().numTensors;
    for (let i = 0; i < 3; i++) step();
    expect(memory().numTensors).toBe(before);
    // The blocks' config nests their layers; the registry rebuilds an equivalent block.
    const json = layerToJSON(model.layers.items[2]!);
    const again = layerFromJSON(JSON.parse(JSON.stringify(json)) as typeof json);
    again.build([-1, 8, 8, 4]);
    again.loadStateDict(model.layers.items[2]!.stateDict());
    const probe = randn([1, 8, 8, 4], { seed: 5 });
    model.eval();
    expect(values(again.eval().apply(probe))).toEqual(values(model.layers.items[2]!.apply(probe)));
    expectError(() => layerFromJSON({ className: 'nope', config: {} }), 'NOT_REGISTERED', "no layer 'nope'");
  });

  it('every plugin of the package rebuilds its layer from getConfig()', () => {
    use(layerPlugins);
    const samples: Record<string, object> = {
      dense: { units: 2, activation: 'relu' }, flatten: {}, reshape: { targetShape: [2, -1] },
      conv1d: { filters: 2, kernelSize: 3 }, conv2d: { filters: 2, kernelSize: [3, 1], padding: 'same' },
      conv2dTranspose: { filters: 2, kernelSize: 2, strides: 2 }, maxPool2d: { poolSize: 2 }, avgPool2d: { poolSize: 3, divisorOverride: 2 },
      globalAvgPool2d: {}, dropout: { p: 0.1 }, batchNorm: { momentum: 0.2 }, layerNorm: { normalizedShape: [3] },
      embedding: { numEmbeddings: 5, embeddingDim: 2, paddingIdx: 0 }, activation: { activation: 'tanh' }, prelu: { numParameters: 3 },
      lstmCell: { hiddenSize: 2 }, gruCell: { hiddenSize: 2 }, lstm: { hiddenSize: 2 }, gru: { hiddenSize: 2, returnSequences: true },
      add: {}, residual: { block: [{ className: 'dense', config: { units: 3 } }] },
    };
    expect(layerPlugins.map((p) => p.name).sort()).toEqual(Object.keys(samples).sort());
    for (const plugin of layerPlugins) {
      const layer = plugin.create(samples[plugin.name]!);
      expect(layer.className).toBe(plugin.name);
      const config = JSON.parse(JSON.stringify(layer.getConfig())) as Record<string, unknown>;
      expect(layerFromJSON({ className: plugin.name, config }).getConfig(), plugin.name).toEqual(layer.getConfig());
    }
  });
});
