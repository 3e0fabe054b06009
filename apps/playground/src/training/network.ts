/** The network a config describes: dense hidden layers (each optionally followed by dropout). */
import { Dense, Sequential, dense, dropout, l2, type Layer } from '@tensorkit/layers';
import { setSeed } from '@tensorkit/tensor';
import type { Config } from '../config';

export interface Network {
  readonly model: Sequential;
  /** Every dense layer, input to output: the rows of the gradient-norm panel. */
  readonly denses: readonly Dense[];
}

export function buildNetwork(config: Config, features: number, classes: number): Network {
  setSeed(config.seed); // same config, same initial weights
  const regularizer = config.l2 > 0 ? { kernelRegularizer: l2(config.l2) } : {};
  const layers: Layer[] = [];
  const denses: Dense[] = [];
  [...config.hidden, classes].forEach((units, i) => {
    const last = i === config.hidden.length;
    const layer = dense({
      units,
      ...(last ? {} : { activation: config.activation }),
      ...(i === 0 ? { inputShape: [features] } : {}),
      ...regularizer,
    });
    layers.push(layer);
    denses.push(layer);
    if (!last && config.dropout > 0) layers.push(dropout({ p: config.dropout, seed: config.seed * 1000 + i }));
  });
  return { model: new Sequential(layers), denses };
}
