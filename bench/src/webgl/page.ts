/**
 * The browser side of `npm run bench:webgl`: tensorkit's WebGL backend against tfjs-backend-webgl
 * in the same page (two WebGL contexts). `main.ts` bundles this file, opens it in headless
 * Chromium and calls `window.runWebGLBench()`.
 */
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-webgl';
import { runBenchmark, type Result } from '../harness';
import { matMulBench, mlpStep, startBackends } from './benchmarks';

async function runWebGLBench(): Promise<{ renderer: string; results: Result[] }> {
  const renderer = await startBackends();
  const results: Result[] = [];
  for (const b of [matMulBench(256), matMulBench(512), matMulBench(1024), mlpStep]) results.push(await runBenchmark(b));
  return { renderer, results };
}

(globalThis as { runWebGLBench?: typeof runWebGLBench }).runWebGLBench = runWebGLBench;
