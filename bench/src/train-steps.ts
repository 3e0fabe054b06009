/**
 * Whole training steps through the layers API: `trainOnBatch` of a compiled model (forward,
 * loss, backward, optimizer update, loss read back) against tfjs-layers' `model.trainOnBatch` on
 * tfjs-backend-cpu. The same architecture, optimizer and batch on both sides; each library uses
 * its own default initialization (the timing does not depend on the values).
 */
import * as tf from '@tensorflow/tfjs';
import { crossEntropyLoss } from '@tensorkit/losses';
import { conv2d, dense, flatten, maxPool2d, Sequential, trainOnBatch, type Layer } from '@tensorkit/layers';
import { adam, sgd } from '@tensorkit/optim';
import * as tk from '@tensorkit/tensor';
import { randomData } from './random-data';
import type { Benchmark, Prepared } from './harness';

function oneHot(batch: number, classes: number): Float32Array {
  const out = new Float32Array(batch * classes);
  for (let i = 0; i < batch; i++) out[i * classes + ((i * 7 + 3) % classes)] = 1;
  return out;
}

interface Spec {
  readonly batch: number;
  readonly inputShape: readonly number[];
  readonly tkLayers: () => Layer[];
  readonly tfLayers: () => tf.layers.Layer[];
  readonly tkOptimizer: { optimizer: typeof adam | typeof sgd; lr: number };
  readonly tfOptimizer: () => tf.Optimizer;
}

function prepare(spec: Spec): Prepared {
  const size = spec.inputShape.reduce((a, b) => a * b, 1);
  const x = randomData(spec.batch * size, 21);
  const y = oneHot(spec.batch, 10);
  const tkX = tk.tensor(x, [spec.batch, ...spec.inputShape]);
  const tkY = tk.tensor(y, [spec.batch, 10]);
  const model = new Sequential({ layers: spec.tkLayers(), inputShape: spec.inputShape });
  model.compile({ optimizer: spec.tkOptimizer.optimizer, optimizerOptions: { lr: spec.tkOptimizer.lr }, loss: crossEntropyLoss });

  const tfX = tf.tensor(x, [spec.batch, ...spec.inputShape]);
  const tfY = tf.tensor(y, [spec.batch, 10]);
  const peer = tf.sequential({ layers: spec.tfLayers() });
  // logits + softmax cross-entropy on both sides (tensorkit's crossEntropy takes logits)
  peer.compile({ optimizer: spec.tfOptimizer(), loss: (yt: tf.Tensor, yp: tf.Tensor) => tf.losses.softmaxCrossEntropy(yt, yp) });
  return {
    async tensorkit() {
      const loss = trainOnBatch(model, tkX, tkY);
      await loss.data();
      loss.dispose();
    },
    async peer() {
      await peer.trainOnBatch(tfX, tfY);
    },
    dispose() {
      model.dispose();
      tk.dispose([tkX, tkY]);
      peer.dispose();
      tf.dispose([tfX, tfY]);
    },
  };
}

/** 784-256-128-10 MLP, Adam, batch 128 (issue #6's target: ≥ 4x tfjs-layers on tfjs-backend-cpu). */
export const mlpTrainStep: Benchmark = {
  name: 'train step MLP 784-256-128-10 adam b128',
  reps: 15,
  warmup: 3,
  prepare: () =>
    prepare({
      batch: 128,
      inputShape: [784],
      tkLayers: () => [dense({ units: 256, activation: tk.relu }), dense({ units: 128, activation: tk.relu }), dense({ units: 10 })],
      tfLayers: () => [
        tf.layers.dense({ units: 256, activation: 'relu', inputShape: [784] }),
        tf.layers.dense({ units: 128, activation: 'relu' }),
        tf.layers.dense({ units: 10 }),
      ],
      tkOptimizer: { optimizer: adam, lr: 1e-3 },
      tfOptimizer: () => tf.train.adam(1e-3),
    }),
};

/** 28x28x1 → conv3x3x16 → relu → maxpool2 → conv3x3x32 → relu → maxpool2 → dense 10, SGD, batch 64 (target ≥ 20x). */
export const cnnTrainStep: Benchmark = {
  name: 'train step CNN 28x28x1 c16-p-c32-p-d10 sgd b64',
  reps: 7,
  warmup: 1,
  prepare: () =>
    prepare({
      batch: 64,
      inputShape: [28, 28, 1],
      tkLayers: () => [
        conv2d({ filters: 16, kernelSize: 3, activation: tk.relu }),
        maxPool2d({ poolSize: 2 }),
        conv2d({ filters: 32, kernelSize: 3, activation: tk.relu }),
        maxPool2d({ poolSize: 2 }),
        flatten(),
        dense({ units: 10 }),
      ],
      tfLayers: () => [
        tf.layers.conv2d({ filters: 16, kernelSize: 3, activation: 'relu', inputShape: [28, 28, 1] }),
        tf.layers.maxPooling2d({ poolSize: 2 }),
        tf.layers.conv2d({ filters: 32, kernelSize: 3, activation: 'relu' }),
        tf.layers.maxPooling2d({ poolSize: 2 }),
        tf.layers.flatten(),
        tf.layers.dense({ units: 10 }),
      ],
      tkOptimizer: { optimizer: sgd, lr: 0.01 },
      tfOptimizer: () => tf.train.sgd(0.01),
    }),
};
