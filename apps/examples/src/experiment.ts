/*
 * `npm run experiment -- <name> [--fast]` runs one experiment, prints its progress and its
 * verdict, and writes its plots to apps/examples/out/<name>/. `--list` lists the experiments.
 */
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import './setup';
import { experiments, findExperiment } from './experiments/index';

const OUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'out');

function usage(): string {
  const width = Math.max(...experiments.map((e) => e.name.length));
  return [
    'usage: npm run experiment -- <name> [--fast]   (or --list, or all)',
    '',
    ...experiments.map((e) => `  ${e.name.padEnd(width)}  ${e.title}`),
  ].join('\n');
}

async function runOne(name: string, fast: boolean): Promise<boolean> {
  const experiment = findExperiment(name);
  if (!experiment) {
    console.error(`unknown experiment '${name}'.\n\n${usage()}`);
    return false;
  }
  const outDir = join(OUT, experiment.name);
  console.log(`${experiment.name}: ${experiment.title}${fast ? ' (fast mode)' : ''}`);
  const t0 = performance.now();
  const result = await experiment.run({ fast, outDir, log: (line) => console.log(`  ${line}`) });
  for (const plot of result.plots) console.log(`  plot: ${relative(process.cwd(), plot)}`);
  console.log(`  time: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  console.log(`verdict: ${result.verdict}`);
  return true;
}

async function main(argv: string[]): Promise<number> {
  const fast = argv.includes('--fast');
  const names = argv.filter((a) => !a.startsWith('--'));
  if (argv.includes('--list') || argv.includes('--help') || names.length === 0) {
    console.log(usage());
    return names.length === 0 && !argv.includes('--list') && !argv.includes('--help') ? 1 : 0;
  }
  const targets = names.includes('all') ? experiments.map((e) => e.name) : names;
  for (const name of targets) {
    if (!(await runOne(name, fast))) return 1;
  }
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
