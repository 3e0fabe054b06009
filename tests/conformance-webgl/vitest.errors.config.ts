import { defineConfig, mergeConfig, type Plugin } from 'vitest/config';
import base from './vitest.config';

/*
 * Measures the WebGL backend's error against the oracle, per tolerance category (the numbers in
 * README.md): `npx vitest run -c vitest.errors.config.ts test/conformance.test.ts` prints one
 * `TK_ERRORS {…}` line. It instruments the conformance package's sources as they are served
 * (the package itself stays unchanged): each comparison records, for float outputs, the largest
 * |actual − expected|, the largest |diff| / |expected| (where |expected| ≥ 1e-3) and the largest
 * share of the tolerance used, |diff| / (atol + rtol·|expected|), with the case that set it.
 */
const RECORD = `
const tkErrors: Record<string, Record<string, number | string>> = ((globalThis as Record<string, unknown>).__tkErrors ??= {}) as never;
function tkRecord(err: number, e: number, atol: number, rtol: number): void {
  if (!Number.isFinite(err) || !Number.isFinite(e)) return;
  const c = (globalThis as Record<string, unknown>).__tkCase as { category: string; name: string };
  const s = (tkErrors[c.category] ??= { maxAbs: 0, maxRel: 0, maxShare: 0, maxShareCase: '' });
  if (err > (s.maxAbs as number)) { s.maxAbs = err; s.maxAbsCase = c.name; }
  if (Math.abs(e) >= 1e-3 && err / Math.abs(e) > (s.maxRel as number)) { s.maxRel = err / Math.abs(e); s.maxRelCase = c.name; }
  const share = err / (atol + rtol * Math.abs(e));
  if (share > (s.maxShare as number)) { s.maxShare = share; s.maxShareCase = c.name; }
}
`;

function replaceOnce(code: string, from: string, to: string, file: string): string {
  if (!code.includes(from)) throw new Error(`vitest.errors.config.ts: '${from}' not found in ${file}; update the instrumentation`);
  return code.replace(from, to);
}

const instrument: Plugin = {
  name: 'tk-conformance-errors',
  enforce: 'pre',
  transform(code, id) {
    if (id.endsWith('/packages/conformance/src/compare.ts')) {
      const withHelper = `${code}\n${RECORD}`;
      return replaceOnce(withHelper, 'const allowed = atol + rtol * Math.abs(e);', 'const allowed = atol + rtol * Math.abs(e); if (wantDType === "float32") tkRecord(err, e, atol, rtol);', id);
    }
    if (id.endsWith('/packages/conformance/src/suite.ts')) {
      const tagged = replaceOnce(
        code,
        'const tol = resolveTolerance(runner.category, spec.file.family, c.name, options.tolerance);',
        'const tol = resolveTolerance(runner.category, spec.file.family, c.name, options.tolerance); (globalThis as Record<string, unknown>).__tkCase = { category: runner.category, name: `${spec.file.family}/${c.name} ${what}` };',
        id,
      );
      return replaceOnce(
        tagged,
        "it('frees every tensor and buffer the cases created', () => {",
        "it('frees every tensor and buffer the cases created', () => { console.log('TK_ERRORS ' + JSON.stringify((globalThis as Record<string, unknown>).__tkErrors));",
        id,
      );
    }
    return undefined;
  },
};

export default mergeConfig(base, defineConfig({ plugins: [instrument] }));
