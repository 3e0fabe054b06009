/**
 * The benchmark list. Each entry prepares the same inputs for tensorkit and TensorFlow.js and
 * times one run of each, result read back included. Add new benchmarks (an Adam update, a
 * training step) as entries of {@link BENCHMARKS}.
 */
import * as tf from '@tensorflow/tfjs-core';
import * as tk from '@tensorkit/tensor';
import { adamStep } from './adam-step';
import type { Benchmark, Prepared } from './harness';
import { mlpGradStep } from './mlp-grad';
import { randomData } from './random-data';
import { cnnTrainStep, mlpTrainStep } from './train-steps';

export { randomData };

/**
 * A benchmark of a function of float32 inputs: `tkFn` and `tfFn` compute the same thing on
 * inputs of `shapes`; each run reads the result and disposes it.
 */
function binaryOrUnary(
  name: string,
  shapes: readonly (readonly number[])[],
  tkFn: (...xs: tk.Tensor[]) => tk.Tensor,
  tfFn: (...xs: tf.Tensor[]) => tf.Tensor,
  extra: Pick<Benchmark, 'reps' | 'warmup' | 'flops'>,
): Benchmark {
  return {
    name,
    ...extra,
    prepare(): Prepared {
      const data = shapes.map((s, i) => randomData(s.reduce((a, b) => a * b, 1), i + 1));
      const tkIn = data.map((d, i) => tk.tensor(d, shapes[i]!));
      const tfIn = data.map((d, i) => tf.tensor(d, [...shapes[i]!]));
      return {
        async tensorkit() {
          const y = tkFn(...tkIn);
          await y.data();
          y.dispose();
        },
        async peer() {
          const y = tfFn(...tfIn);
          await y.data();
          y.dispose();
        },
        dispose() {
          tk.dispose(tkIn);
          tf.dispose(tfIn);
        },
      };
    },
  };
}

const matMul = (n: number, reps: number): Benchmark =>
  binaryOrUnary(`matMul ${n}x${n}`, [[n, n], [n, n]], (a, b) => tk.matMul(a!, b!), (a, b) => tf.matMul(a!, b!), {
    reps,
    warmup: n >= 1024 ? 1 : 2,
    flops: 2 * n * n * n,
  });

/** 2^20 floats, for the elementwise ops and the reduction. */
const N = 1 << 20;

/** Every benchmark, in the order printed. */
export const BENCHMARKS: readonly Benchmark[] = [
  matMul(128, 15),
  matMul(256, 15),
  matMul(512, 9),
  matMul(1024, 7),
  binaryOrUnary(`relu ${N}`, [[N]], (x) => tk.relu(x!), (x) => tf.relu(x!), { reps: 15 }),
  binaryOrUnary(`sigmoid ${N}`, [[N]], (x) => tk.sigmoid(x!), (x) => tf.sigmoid(x!), { reps: 15 }),
  binaryOrUnary(`sum ${N}`, [[N]], (x) => tk.sum(x!), (x) => tf.sum(x!), { reps: 15 }),
  mlpGradStep,
  adamStep,
  mlpTrainStep,
  cnnTrainStep,
];
