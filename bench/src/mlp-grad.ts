/**
 * One gradient step of a 784-256-10 MLP (dense + bias, ReLU, softmax cross-entropy over one-hot
 * labels, batch 128): tensorkit's `variableGrads` against `tf.variableGrads`. Both compute the
 * loss the same way, `-mean(sum(oneHot · logSoftmax(logits), 1))`, and a run reads the loss and
 * every gradient back.
 */
import * as tf from '@tensorflow/tfjs-core';
// tfjs-core registers no gradient by itself: its Node users get them from the @tensorflow/tfjs
// bundle (tfjs-core's own register_all_gradients is ESM that Node cannot load). tensorkit needs no
// such import.
import '@tensorflow/tfjs';
import { variableGrads } from '@tensorkit/autograd';
import * as tk from '@tensorkit/tensor';
import { randomData } from './random-data';
import type { Benchmark, Prepared } from './harness';

const BATCH = 128;
const SIZES = [784, 256, 10] as const;

/** Class labels 0…9, deterministic, as one-hot rows (what a data loader hands a training step). */
function oneHotLabels(): Float32Array {
  const classes = SIZES[2];
  const out = new Float32Array(BATCH * classes);
  for (let i = 0; i < BATCH; i++) out[i * classes + ((i * 7 + 3) % classes)] = 1;
  return out;
}

/** Weights scaled like PyTorch's default init (uniform ±1/√fan_in), so the logits stay moderate. */
function weightData(fanIn: number, n: number, seed: number): Float32Array {
  const bound = 1 / Math.sqrt(fanIn);
  return randomData(n, seed).map((v) => v * bound);
}

/** The same parameters and batch for both libraries. */
function data(): { x: Float32Array; y: Float32Array; params: { data: Float32Array; shape: number[] }[] } {
  const [i, h, o] = SIZES;
  return {
    x: randomData(BATCH * i, 11),
    y: oneHotLabels(),
    params: [
      { data: weightData(i, i * h, 12), shape: [i, h] },
      { data: weightData(i, h, 13), shape: [h] },
      { data: weightData(h, h * o, 14), shape: [h, o] },
      { data: weightData(h, o, 15), shape: [o] },
    ],
  };
}

function prepare(): Prepared {
  const d = data();
  const tkX = tk.tensor(d.x, [BATCH, SIZES[0]]);
  const tkY = tk.tensor(d.y, [BATCH, SIZES[2]]);
  const tkVars = d.params.map((p) => tk.tidy(() => tk.variable(tk.tensor(p.data, p.shape))));
  const [w1, b1, w2, b2] = tkVars as [tk.Variable, tk.Variable, tk.Variable, tk.Variable];
  const tkLoss = (): tk.Tensor => {
    const hidden = tk.relu(tk.add(tk.matMul(tkX, w1), b1));
    const logits = tk.add(tk.matMul(hidden, w2), b2);
    return tk.neg(tk.mean(tk.sum(tk.mul(tkY, tk.logSoftmax(logits, -1)), 1)));
  };

  const tfX = tf.tensor(d.x, [BATCH, SIZES[0]]);
  const tfY = tf.tensor(d.y, [BATCH, SIZES[2]]);
  const tfVars = d.params.map((p) => tf.tidy(() => tf.variable(tf.tensor(p.data, p.shape))));
  const [v1, c1, v2, c2] = tfVars as [tf.Variable, tf.Variable, tf.Variable, tf.Variable];
  const tfLoss = (): tf.Scalar => {
    const hidden = tf.relu(tf.add(tf.matMul(tfX, v1), c1));
    const logits = tf.add(tf.matMul(hidden, v2), c2);
    return tf.neg(tf.mean(tf.sum(tf.mul(tfY, tf.logSoftmax(logits, -1)), 1)));
  };

  return {
    async tensorkit() {
      const { value, grads } = variableGrads(tkLoss);
      await value.data();
      for (const g of grads.values()) await g.data();
      tk.dispose([value, ...grads.values()]);
    },
    async peer() {
      const { value, grads } = tf.variableGrads(tfLoss);
      await value.data();
      for (const g of Object.values(grads)) await g.data();
      tf.dispose([value, ...Object.values(grads)]);
    },
    dispose() {
      tk.dispose([tkX, tkY, ...tkVars]);
      tf.dispose([tfX, tfY, ...tfVars]);
    },
  };
}

/** The MLP gradient step benchmark (issue #3's target: tensorkit ≥ 3x tfjs-backend-cpu). */
export const mlpGradStep: Benchmark = {
  name: `MLP grad step ${SIZES.join('-')} b${BATCH}`,
  reps: 21,
  warmup: 3,
  // The products a step needs: both layers forward and dW; dX of layer 2 only (the batch needs none).
  flops: 2 * BATCH * (2 * SIZES[0] * SIZES[1] + 3 * SIZES[1] * SIZES[2]),
  prepare,
};
