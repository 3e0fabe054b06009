/*
 * `npm run demo`: a few tensor computations on the CPU backend. The examples issue replaces this
 * with the MNIST training job.
 */
import '@tensorkit/backend-cpu/register';
import {
  add, getBackend, matMul, memory, randn, relu, setSeed, softmax, sum, tensor, tidy,
} from '@tensorkit/tensor';

setSeed(0);
const x = tensor([[1, 2, 3], [4, 5, 6]]);
const w = randn([3, 4], { std: 0.5 });
const b = tensor([0.1, 0.2, 0.3, 0.4]);

console.log(`backend: ${getBackend()}`);
console.log(`x =\n${x.toString()}`);
console.log(`w = randn([3, 4], { std: 0.5 }) with seed 0 =\n${w.toString()}`);
const logits = tidy(() => relu(add(matMul(x, w), b)));
console.log(`relu(x @ w + b) =\n${logits.toString()}`);
const probs = softmax(logits);
console.log(`softmax(...) =\n${probs.toString()}`);
console.log(`row sums = ${Array.from(await sum(probs, 1).data()).map((v) => v.toFixed(6)).join(', ')}`);
const times = tidy(() => {
  const a = randn([512, 512]);
  return Array.from({ length: 5 }, () => {
    const t0 = performance.now();
    matMul(a, a).dataSync();
    return performance.now() - t0;
  });
}).sort((p, q) => p - q);
const ms = times[2]!; // the median of 5, the first (JIT warm-up) included
console.log(`matMul 512x512: median ${ms.toFixed(1)} ms of 5 runs (${((2 * 512 ** 3) / ms / 1e6).toFixed(2)} GFLOP/s)`);
console.log(`live tensors: ${memory().numTensors}`);
