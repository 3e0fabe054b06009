/**
 * {@link defineConformanceSuite}: declares the vitest blocks that run every case against one backend.
 */
import { getKernel } from '@tensorkit/core';
import { getBackend, memory, setBackend, type MemoryInfo } from '@tensorkit/tensor';
import { beforeAll, describe, expect, it } from 'vitest';
import { activationsTable } from './cases/activations';
import { higherOrderTable } from './cases/higher-order';
import { initExcluded } from './cases/init';
import { layersExcluded, layersTable } from './cases/layers';
import { lossesTable } from './cases/losses';
import { lrSchedulersExcluded } from './cases/lr-schedulers';
import { optimizersTable } from './cases/optimizers';
import { endToEndTable } from './cases/end-to-end';
import { tensorOpsTable } from './cases/tensor-ops';
import { compareWithOracle } from './compare';
import { REQUIRED_KERNELS } from './kernels';
import {
  activationsFixture, endToEndFixture, higherOrderFixture, initFixture, layersFixture, lossesFixture, lrSchedulersFixture,
  optimizersFixture, tensorOpsFixture, type OracleCase, type OracleFile,
} from './oracle';
import { runForward, runGrads, type CaseTable } from './runner';
import { resolveTolerance, type ToleranceOverrides } from './tolerance';

/** Options of {@link defineConformanceSuite}. */
export interface ConformanceOptions {
  /** The registered backend name to test (`'cpu'`, `'webgl'`). */
  readonly backend: string;
  /** Registers the backend and its kernels (e.g. `await import('@tensorkit/backend-cpu/register')`). Runs once, before every case. */
  readonly setup: () => Promise<void>;
  /**
   * Tolerance overrides for this backend, per category or per case; defaults are the oracle
   * README's. Document every override with the backend.
   */
  readonly tolerance?: ToleranceOverrides;
  /**
   * Cases known to fail on this backend (`"<family>/<case>"`, or `"<family>/<case> grads"`), each with the bug it is waiting
   * for. They run as `it.fails`, so the suite turns red as soon as one starts passing and its
   * entry must be removed. Never use this to hide a missing feature.
   */
  readonly knownFailures?: Readonly<Record<string, string>>;
}

/** One fixture file and how it is run. */
interface FileSpec {
  readonly file: OracleFile;
  readonly table: CaseTable;
  /** Op ids deliberately not run yet, with the issue that brings them. */
  readonly excluded: Readonly<Record<string, string>>;
}

const FILES: readonly FileSpec[] = [
  { file: tensorOpsFixture, table: tensorOpsTable, excluded: {} },
  { file: layersFixture, table: layersTable, excluded: layersExcluded },
  { file: higherOrderFixture, table: higherOrderTable, excluded: {} },
  { file: activationsFixture, table: activationsTable, excluded: {} },
  { file: initFixture, table: {}, excluded: initExcluded },
  { file: lossesFixture, table: lossesTable, excluded: {} },
  { file: optimizersFixture, table: optimizersTable, excluded: {} },
  { file: endToEndFixture, table: endToEndTable, excluded: {} },
  { file: lrSchedulersFixture, table: {}, excluded: lrSchedulersExcluded },
];

/**
 * Whether the suite checks a case's gradients: every case with oracle `grads` whose op has a
 * runner (the VJP of its `forward`, or its own `grads`), so none is skipped silently.
 */
function checksGrads(spec: FileSpec, c: OracleCase): boolean {
  return c.grads !== undefined && spec.table[c.op] !== undefined;
}

/** Runs one case forward (or its gradients) and compares every output (or grad) with the oracle. */
async function checkCase(spec: FileSpec, c: OracleCase, options: ConformanceOptions, what: 'forward' | 'grads'): Promise<void> {
  const runner = spec.table[c.op];
  if (runner === undefined) throw new Error(`no runner for op '${c.op}' (case ${spec.file.family}/${c.name})`);
  const tol = resolveTolerance(runner.category, spec.file.family, c.name, options.tolerance);
  const actual = what === 'forward' ? await runForward(runner, c) : await runGrads(runner, c);
  const expectedAll = (what === 'forward' ? c.outputs : c.grads) ?? {};
  const failures: string[] = [];
  for (const [name, expected] of Object.entries(expectedAll)) {
    const result = compareWithOracle(actual[name]!, expected, tol, what === 'forward' ? name : `grad of ${name}`);
    if (!result.ok) failures.push(result.message);
  }
  if (failures.length > 0) {
    expect.fail(`${spec.file.family}/${c.name} (${c.op}, ${what}) on '${options.backend}':\n${failures.join('\n')}`);
  }
}

/**
 * Declares the conformance suite for one backend: every primitive kernel is registered, and
 * every oracle case (all of `tensor_ops.json` and `higher_order.json`; the conv and pool cases of
 * `layers.json`) matches PyTorch within its tolerance, gradients included. Call it at the top level
 * of a test file of a leaf package.
 *
 * @example
 * ```ts
 * import { defineConformanceSuite } from '@tensorkit/conformance';
 *
 * defineConformanceSuite({
 *   backend: 'cpu',
 *   setup: async () => {
 *     await import('@tensorkit/backend-cpu/register');
 *   },
 * });
 * ```
 */
export function defineConformanceSuite(options: ConformanceOptions): void {
  const { backend } = options;
  const known = options.knownFailures ?? {};
  /** A test, or an `it.fails` when it is a known failure of this backend. */
  const declare = (key: string, title: string, test: () => Promise<void>): void => {
    const bug = known[key];
    if (bug === undefined) it(title, test);
    else it.fails(`${title} [known failure: ${bug}]`, test);
  };

  describe(`conformance of backend '${backend}'`, () => {
    let baseline: MemoryInfo | undefined;
    beforeAll(async () => {
      await options.setup();
      await setBackend(backend);
      baseline = memory();
    });

    it('is the active backend', () => {
      expect(getBackend()).toBe(backend);
    });

    it('registers every primitive kernel declared in @tensorkit/core', () => {
      const missing = REQUIRED_KERNELS.filter((name) => getKernel(backend, name) === undefined);
      expect(missing, `kernels missing from backend '${backend}'`).toEqual([]);
    });

    it('knownFailures names only existing cases', () => {
      const all = new Set(FILES.flatMap((s) => s.file.cases.flatMap((c) => [`${s.file.family}/${c.name}`, `${s.file.family}/${c.name} grads`])));
      expect(Object.keys(known).filter((k) => !all.has(k))).toEqual([]);
    });

    for (const spec of FILES) {
      const { family } = spec.file;
      describe(`${family}.json`, () => {
        it('has a runner (or a documented exclusion) for every case', () => {
          const uncovered = spec.file.cases
            .filter((c) => spec.table[c.op] === undefined && spec.excluded[c.op] === undefined)
            .map((c) => `${c.name} (${c.op})`);
          expect(uncovered).toEqual([]);
        });

        for (const c of spec.file.cases) {
          if (spec.excluded[c.op] !== undefined && spec.table[c.op] === undefined) continue;
          declare(`${family}/${c.name}`, c.name, () => checkCase(spec, c, options, 'forward'));
          if (checksGrads(spec, c)) {
            declare(`${family}/${c.name} grads`, `${c.name} grads`, () => checkCase(spec, c, options, 'grads'));
          }
        }
      });
    }

    it('frees every tensor and buffer the cases created', () => {
      const now = memory();
      expect({ numTensors: now.numTensors, numDataBuffers: now.numDataBuffers }).toEqual({
        numTensors: baseline?.numTensors,
        numDataBuffers: baseline?.numDataBuffers,
      });
      if (now.backend && baseline?.backend && now.backend.unreliable !== true) {
        expect(now.backend.numDataIds, `data held by backend '${backend}'`).toBe(baseline.backend.numDataIds);
      }
    });
  });
}

/** What {@link conformanceCoverage} reports for one fixture file. */
export interface FileCoverage {
  readonly family: string;
  /** Op ids with a runner. */
  readonly run: string[];
  /** Op ids deliberately excluded (with the issue that brings them). */
  readonly excluded: string[];
  /** Op ids with neither: the suite fails on them. */
  readonly uncovered: string[];
  /** Names of the cases whose oracle `grads` the suite checks. */
  readonly gradsChecked: string[];
  /** Names of the cases with oracle `grads` that are not checked (their op is excluded or uncovered). */
  readonly gradsNotChecked: string[];
}

/** The op ids of each fixture the suite runs, and those it excludes (for reports and tests). */
export function conformanceCoverage(): FileCoverage[] {
  return FILES.map((spec) => {
    const { file, table, excluded } = spec;
    const ops = [...new Set(file.cases.map((c) => c.op))];
    const withGrads = file.cases.filter((c) => c.grads !== undefined);
    return {
      family: file.family,
      run: ops.filter((op) => table[op] !== undefined),
      excluded: ops.filter((op) => table[op] === undefined && excluded[op] !== undefined),
      uncovered: ops.filter((op) => table[op] === undefined && excluded[op] === undefined),
      gradsChecked: withGrads.filter((c) => checksGrads(spec, c)).map((c) => c.name),
      gradsNotChecked: withGrads.filter((c) => !checksGrads(spec, c)).map((c) => c.name),
    };
  });
}
