/**
 * One Adam update over the parameters of a 784-256-128-10 MLP (three dense kernels and biases,
 * 235k floats), given precomputed gradients: tensorkit's `Adam.step` against tfjs's
 * `tf.train.adam(...).applyGradients`. Same hyperparameters (lr 1e-3, betas 0.9/0.999, eps
 * 1e-8); a run reads every updated parameter back.
 */
import * as tf from '@tensorflow/tfjs-core';
import { Adam } from '@tensorkit/optim';
import * as tk from '@tensorkit/tensor';
import { randomData } from './random-data';
import type { Benchmark, Prepared } from './harness';

const SHAPES: readonly (readonly number[])[] = [[784, 256], [256], [256, 128], [128], [128, 10], [10]];

function prepare(): Prepared {
  const values = SHAPES.map((s, i) => randomData(s.reduce((a, b) => a * b, 1), 21 + i));
  const gradients = SHAPES.map((s, i) => randomData(s.reduce((a, b) => a * b, 1), 41 + i).map((v) => v * 0.01));

  const tkVars = SHAPES.map((s, i) => tk.tidy(() => tk.variable(tk.tensor(values[i]!, s), { name: `p${i}` })));
  const tkGrads = new Map(tkVars.map((v, i) => [v, tk.tensor(gradients[i]!, SHAPES[i]!)]));
  const tkAdam = new Adam(tkVars, { lr: 1e-3 });

  const tfVars = SHAPES.map((s, i) => tf.variable(tf.tensor(values[i]!, [...s]), true, `adam_bench_p${i}_${Date.now()}`));
  const tfGrads = tfVars.map((v, i) => ({ name: v.name, tensor: tf.tensor(gradients[i]!, [...SHAPES[i]!]) }));
  const tfAdam = tf.train.adam(1e-3, 0.9, 0.999, 1e-8);

  return {
    async tensorkit() {
      tkAdam.step(tkGrads);
      for (const v of tkVars) await v.data();
    },
    async peer() {
      tfAdam.applyGradients(tfGrads);
      for (const v of tfVars) await v.data();
    },
    dispose() {
      tkAdam.dispose();
      tk.dispose([tkVars, [...tkGrads.values()]]);
      tfAdam.dispose();
      tf.dispose([...tfVars, ...tfGrads.map((g) => g.tensor)]);
    },
  };
}

/** The Adam-update benchmark. */
export const adamStep: Benchmark = { name: 'Adam update, 784-256-128-10 MLP', reps: 25, warmup: 3, prepare };
