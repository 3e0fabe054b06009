/*
 * The networks of the course experiments, built from the public layers API as a user would.
 * One builder, so that "the same network" in two runs really is the same (same seed per layer).
 */
import { activation, batchNorm, dense, dropout, Sequential, type Layer, type InitializerSpec, type RegularizerSpec } from '@tensorkit/layers';
import type { RegisteredName } from '@tensorkit/core';

/** Options of {@link mlp}. */
export interface MlpOptions {
  inputs: number;
  /** The hidden layers' widths. */
  hidden: readonly number[];
  outputs: number;
  /** The hidden layers' activation. */
  activation: RegisteredName<'activation'>;
  /** Every dense kernel's initializer (PyTorch's default otherwise). */
  kernelInitializer?: InitializerSpec;
  biasInitializer?: InitializerSpec;
  /** dense → batchNorm → activation in every hidden layer. */
  batchNorm?: boolean;
  /** Dropout probability after every hidden activation. */
  dropout?: number;
  kernelRegularizer?: RegularizerSpec;
  /** Layer `i` is seeded with `seed + 10·i`, so equal seeds give equal networks. */
  seed: number;
}

/** A multi-layer perceptron; the last layer has no activation (logits or regression values). */
export function mlp(o: MlpOptions): Sequential {
  const layers: Layer[] = [];
  const widths = [...o.hidden, o.outputs];
  widths.forEach((units, i) => {
    const last = i === widths.length - 1;
    const act = last || o.batchNorm ? {} : { activation: o.activation };
    layers.push(dense({
      units, seed: o.seed + 10 * i, ...act,
      ...(i === 0 ? { inputShape: [o.inputs] } : {}),
      ...(o.kernelInitializer === undefined ? {} : { kernelInitializer: o.kernelInitializer }),
      ...(o.biasInitializer === undefined ? {} : { biasInitializer: o.biasInitializer }),
      ...(o.kernelRegularizer === undefined ? {} : { kernelRegularizer: o.kernelRegularizer }),
    }));
    if (last) return;
    if (o.batchNorm) layers.push(batchNorm(), activation({ activation: o.activation }));
    if (o.dropout !== undefined) layers.push(dropout({ p: o.dropout, seed: o.seed + 10 * i + 5 }));
  });
  return new Sequential(layers);
}
