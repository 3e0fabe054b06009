import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import '../src/setup';
import type { Experiment, ExperimentResult } from '../src/experiments/types';

/** Runs an experiment in fast mode into a temporary folder, quietly. */
export function runFast(experiment: Experiment): Promise<ExperimentResult> {
  const outDir = mkdtempSync(join(tmpdir(), `tk-${experiment.name}-`));
  return experiment.run({ fast: true, outDir, log: () => {} });
}
