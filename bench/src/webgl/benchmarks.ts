/**
 * The benchmarks of `npm run bench:webgl`: matMul and a 784-256-128-10 MLP Adam training step, on
 * tensorkit's WebGL backend and on tfjs-backend-webgl (both must be started first: `startBackends`).
 */
import * as tf from '@tensorflow/tfjs-core';
import { variableGrads } from '@tensorkit/autograd';
import { webglBackend, webglKernels } from '@tensorkit/backend-webgl';
import { use, type KernelConfig } from '@tensorkit/core';
import { Adam } from '@tensorkit/optim';
import * as tk from '@tensorkit/tensor';
import type { Benchmark, Prepared } from '../harness';
import { randomData } from '../random-data';

export function matMulBench(n: number): Benchmark {
  return {
    name: `matMul ${n}x${n}`,
    reps: 11,
    warmup: 2,
    flops: 2 * n * n * n,
    prepare(): Prepared {
      const a = randomData(n * n, 1);
      const b = randomData(n * n, 2);
      const tka = tk.tensor(a, [n, n]);
      const tkb = tk.tensor(b, [n, n]);
      const tfa = tf.tensor(a, [n, n]);
      const tfb = tf.tensor(b, [n, n]);
      return {
        async tensorkit() {
          const c = tk.matMul(tka, tkb);
          await c.data();
          c.dispose();
        },
        async peer() {
          const c = tf.matMul(tfa, tfb);
          await c.data();
          c.dispose();
        },
        dispose() {
          tk.dispose([tka, tkb]);
          tf.dispose([tfa, tfb]);
        },
      };
    },
  };
}

const BATCH = 128;
const SIZES = [784, 256, 128, 10] as const;

/** One training step of a 784-256-128-10 MLP: forward, cross-entropy, gradients, Adam; the loss is read. */
export const mlpStep: Benchmark = {
  name: `MLP Adam step ${SIZES.join('-')} b${BATCH}`,
  reps: 15,
  warmup: 3,
  flops: 2 * BATCH * 3 * (SIZES[0] * SIZES[1] + SIZES[1] * SIZES[2] + SIZES[2] * SIZES[3]),
  prepare(): Prepared {
    const x = randomData(BATCH * SIZES[0], 11);
    const y = new Float32Array(BATCH * SIZES[3]);
    for (let i = 0; i < BATCH; i++) y[i * SIZES[3] + ((i * 7 + 3) % SIZES[3])] = 1;
    const params = [0, 1, 2].flatMap((l) => {
      const [i, o] = [SIZES[l]!, SIZES[l + 1]!];
      const bound = 1 / Math.sqrt(i);
      return [
        { data: randomData(i * o, 20 + l).map((v) => v * bound), shape: [i, o] },
        { data: randomData(o, 30 + l).map((v) => v * bound), shape: [o] },
      ];
    });

    const tkX = tk.tensor(x, [BATCH, SIZES[0]]);
    const tkY = tk.tensor(y, [BATCH, SIZES[3]]);
    const tkVars = params.map((p) => tk.tidy(() => tk.variable(tk.tensor(p.data, p.shape))));
    const tkAdam = new Adam(tkVars, { lr: 1e-3 });
    const tkLoss = (): tk.Tensor => {
      let h: tk.Tensor = tkX;
      for (let l = 0; l < 3; l++) {
        h = tk.add(tk.matMul(h, tkVars[2 * l]!), tkVars[2 * l + 1]!);
        if (l < 2) h = tk.relu(h);
      }
      return tk.neg(tk.mean(tk.sum(tk.mul(tkY, tk.logSoftmax(h, -1)), 1)));
    };

    const tfX = tf.tensor(x, [BATCH, SIZES[0]]);
    const tfY = tf.tensor(y, [BATCH, SIZES[3]]);
    const tfVars = params.map((p, i) => tf.variable(tf.tensor(p.data, p.shape), true, `webgl_bench_p${i}_${Date.now()}`));
    const tfAdam = tf.train.adam(1e-3, 0.9, 0.999, 1e-8);
    const tfLoss = (): tf.Scalar => {
      let h: tf.Tensor = tfX;
      for (let l = 0; l < 3; l++) {
        h = tf.add(tf.matMul(h, tfVars[2 * l]!), tfVars[2 * l + 1]!);
        if (l < 2) h = tf.relu(h);
      }
      return tf.neg(tf.mean(tf.sum(tf.mul(tfY, tf.logSoftmax(h, -1)), 1)));
    };

    return {
      async tensorkit() {
        const { value, grads } = variableGrads(tkLoss);
        tkAdam.step(grads);
        tk.dispose([...grads.values()]);
        await value.data();
        value.dispose();
      },
      async peer() {
        const { value, grads } = tf.variableGrads(tfLoss);
        tfAdam.applyGradients(grads as tf.NamedTensorMap as Parameters<typeof tfAdam.applyGradients>[0]);
        tf.dispose(Object.values(grads));
        await value.data();
        value.dispose();
      },
      dispose() {
        tkAdam.dispose();
        tfAdam.dispose();
        tk.dispose([tkX, tkY, ...tkVars]);
        tf.dispose([tfX, tfY, ...tfVars]);
      },
    };
  },
};

/**
 * Starts both backends (tfjs's first, so each gets its own context); `kernels` lets the profiler
 * register wrapped kernels. Returns the renderer's name.
 */
export async function startBackends(kernels: readonly KernelConfig[] = webglKernels): Promise<string> {
  await tf.setBackend('webgl');
  await tf.ready();
  use(webglBackend, kernels);
  await tk.setBackend('webgl');
  const gl = new OffscreenCanvas(1, 1).getContext('webgl2')!;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return renderer;
}
