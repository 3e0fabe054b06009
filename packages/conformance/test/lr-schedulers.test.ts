import { setBackend } from '@tensorkit/tensor';
import { beforeAll, describe, expect, it } from 'vitest';
import { LR_SCHEDULE_TOLERANCE, lrSchedulersExcluded, lrSchedulersHostTable } from '../src/cases/lr-schedulers';
import { compareWithOracle } from '../src/compare';
import { lrSchedulersFixture } from '../src/oracle';
import { conformanceCoverage } from '../src/suite';

/*
 * lr_schedulers.json holds float64 sequences; schedules are computed in JS doubles, so every case
 * runs here on the host at the oracle's 1e-12 (the one-element parameter only anchors the
 * optimizer's param group).
 */
describe('lr_schedulers.json (host, float64)', () => {
  beforeAll(async () => {
    await import('@tensorkit/backend-cpu/register');
    await setBackend('cpu');
  });

  it('has a host runner for every case, and the backend suite excludes exactly those op ids', () => {
    expect(lrSchedulersFixture.cases).toHaveLength(17);
    expect(lrSchedulersFixture.cases.filter((c) => lrSchedulersHostTable[c.op] === undefined).map((c) => c.name)).toEqual([]);
    const cov = conformanceCoverage().find((c) => c.family === 'lr_schedulers')!;
    expect(cov.uncovered).toEqual([]);
    expect(new Set(cov.excluded)).toEqual(new Set(Object.keys(lrSchedulersExcluded)));
  });

  for (const c of lrSchedulersFixture.cases) {
    it(c.name, () => {
      const actual = lrSchedulersHostTable[c.op]!(c);
      expect(Object.keys(actual).sort()).toEqual(Object.keys(c.outputs).sort());
      const failures = Object.entries(c.outputs)
        .map(([name, expected]) => compareWithOracle(actual[name]!, expected, LR_SCHEDULE_TOLERANCE, name))
        .filter((r) => !r.ok)
        .map((r) => r.message);
      expect(failures).toEqual([]);
    });
  }
});
