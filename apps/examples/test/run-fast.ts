/*
 * Runs an experiment the way CI does (fast mode, plots into a temporary folder) and checks what
 * every experiment owes: PNG plots that exist, a one-line verdict, and no tensors left behind.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { memory } from '@tensorkit/tensor';
import '../src/setup';
import type { Experiment, ExperimentResult } from '../src/experiments/types';

export async function runFast(experiment: Experiment): Promise<ExperimentResult> {
  const outDir = mkdtempSync(join(tmpdir(), `tk-${experiment.name}-`));
  const before = memory().numTensors;
  const result = await experiment.run({ fast: true, outDir, log: () => {} });
  expect(memory().numTensors).toBe(before);
  expect(result.verdict).not.toContain('\n');
  expect(result.plots.length).toBeGreaterThan(0);
  for (const plot of result.plots) {
    expect(plot.startsWith(outDir)).toBe(true);
    expect([...readFileSync(plot).subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  }
  return result;
}
