/**
 * `npm run bench` (from the repository root): tensorkit's CPU backend against
 * `@tensorflow/tfjs-backend-cpu`, in one Node process. Prints a table of medians and the ratio
 * tfjs/tensorkit (above 1, tensorkit is faster); `npm run bench -- --json` prints the same data
 * as JSON on stdout (progress goes to stderr). `--filter <text>` runs only the benchmarks whose
 * name contains the text. `--threads <n>` sets the threads tensorkit's CPU backend may use for
 * large products (default: its own, the number of cores up to 4; tfjs-backend-cpu always uses
 * one), so `--threads 1` compares one core with one core.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorkit/backend-cpu/register';
import { getCpuThreads, setCpuThreads } from '@tensorkit/backend-cpu';
import * as tk from '@tensorkit/tensor';
import { BENCHMARKS } from './benchmarks';
import { formatTable, runBenchmark, type Result } from './harness';

async function main(argv: readonly string[]): Promise<void> {
  const json = argv.includes('--json');
  const filterAt = argv.indexOf('--filter');
  const filter = filterAt >= 0 ? argv[filterAt + 1] : undefined;
  const threadsAt = argv.indexOf('--threads');
  if (threadsAt >= 0) setCpuThreads(Number(argv[threadsAt + 1]));

  await tk.setBackend('cpu');
  await tf.setBackend('cpu');
  await tf.ready();

  const selected = BENCHMARKS.filter((b) => filter === undefined || b.name.includes(filter));
  const results: Result[] = [];
  for (const b of selected) {
    const r = await runBenchmark(b);
    process.stderr.write(`${b.name}: tensorkit ${r.tensorkit_ms.toFixed(2)} ms, tfjs ${r.peer_ms.toFixed(2)} ms\n`);
    results.push(r);
  }

  if (json) {
    const rows = results.map(({ name, tensorkit_ms, peer_ms, ratio }) => ({ name, tensorkit_ms, peer_ms, ratio }));
    process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
  } else {
    process.stdout.write(
      `tensorkit (cpu, ${getCpuThreads()} thread(s) for large products) vs @tensorflow/tfjs-backend-cpu ${tf.version_core} ` +
        `(1 thread), Node ${process.version}: ` +
        `median ms per run, result read included; ratio = tfjs/tensorkit (> 1: tensorkit is faster)\n\n` +
        `${formatTable(results)}\n`,
    );
  }
}

main(process.argv.slice(2)).catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
});
