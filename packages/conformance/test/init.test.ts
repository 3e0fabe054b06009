import { describe, expect, it } from 'vitest';
import { INIT_TOLERANCE, initExcluded, initHostTable, tensorkitWeightShape } from '../src/cases/init';
import { compareWithOracle } from '../src/compare';
import { conformanceCoverage } from '../src/suite';
import { initFixture } from '../src/oracle';

/*
 * init.json is shape arithmetic in float64 (no samples, no backend), so its cases run here on
 * the host, at the oracle's 1e-12 tolerance for JS doubles and exactly for the int fans.
 */
describe('init.json (host, float64)', () => {
  it('has a host runner for every case, and the backend suite excludes exactly those op ids', () => {
    expect(initFixture.cases).toHaveLength(128);
    expect(initFixture.cases.filter((c) => initHostTable[c.op] === undefined).map((c) => c.name)).toEqual([]);
    const cov = conformanceCoverage().find((c) => c.family === 'init')!;
    expect(cov.uncovered).toEqual([]);
    expect(new Set(cov.excluded)).toEqual(new Set(Object.keys(initExcluded)));
  });

  it('converts PyTorch weight shapes with fromTorch conventions (ConvTranspose2d keeps PyTorch fan_in = out/g·k·k)', () => {
    expect(tensorkitWeightShape({ layer: 'Linear', weight_shape: [5, 3] })).toEqual([3, 5]);
    expect(tensorkitWeightShape({ layer: 'Conv2d', weight_shape: [4, 4, 5, 5] })).toEqual([5, 5, 4, 4]);
    expect(tensorkitWeightShape({ layer: 'ConvTranspose2d', weight_shape: [4, 6, 2, 2] })).toEqual([2, 2, 6, 4]);
  });

  for (const c of initFixture.cases) {
    it(c.name, () => {
      const actual = initHostTable[c.op]!(c.params);
      expect(Object.keys(actual).sort()).toEqual(Object.keys(c.outputs).sort());
      const failures = Object.entries(c.outputs)
        .map(([name, expected]) => compareWithOracle(actual[name]!, expected, INIT_TOLERANCE, name))
        .filter((r) => !r.ok)
        .map((r) => r.message);
      expect(failures).toEqual([]);
    });
  }
});
