/**
 * Comparison with the oracle: `|actual − expected| ≤ atol + rtol·|expected|` elementwise (as
 * `numpy.allclose`), exact shape equality, and exact equality for integer and boolean tensors.
 */
import type { HostTensor } from './from-torch';
import type { OracleTensor } from './oracle';

/** A tolerance pair. */
export interface Tolerance {
  readonly rtol: number;
  readonly atol: number;
}

/** Exact comparison, used for int and bool tensors whatever the category. */
export const EXACT: Tolerance = { rtol: 0, atol: 0 };

/** The outcome of a comparison; `message` explains a failure with observed vs expected numbers. */
export interface Comparison {
  readonly ok: boolean;
  readonly message: string;
  /** Largest `|a − e|`. */
  readonly maxAbsError: number;
  /** Number of elements outside the tolerance. */
  readonly mismatches: number;
}

const fmt = (v: number): string => (Number.isInteger(v) ? String(v) : v.toPrecision(9));

/**
 * Compares `actual` with the oracle's `expected`. Integer and bool expectations are compared
 * exactly (and the actual dtype must be int32 or bool respectively); float expectations with `tol`.
 *
 * @example
 * ```ts
 * compareWithOracle({ shape: [1], data: [1.000001], dtype: 'float32' }, { shape: [1], data: [1] }, { rtol: 1e-5, atol: 1e-6 }).ok; // true
 * ```
 */
export function compareWithOracle(actual: HostTensor, expected: OracleTensor, tol: Tolerance, label = 'out'): Comparison {
  const fail = (message: string): Comparison => ({ ok: false, message: `${label}: ${message}`, maxAbsError: Infinity, mismatches: -1 });
  const aShape = `[${actual.shape.join(', ')}]`;
  const eShape = `[${expected.shape.join(', ')}]`;
  if (aShape !== eShape) return fail(`shape ${aShape}, expected ${eShape}`);
  const wantDType = expected.dtype === 'int64' ? 'int32' : expected.dtype === 'bool' ? 'bool' : 'float32';
  if (actual.dtype !== wantDType) return fail(`dtype ${actual.dtype}, expected ${wantDType} (oracle ${expected.dtype ?? 'float64'})`);
  if (actual.data.length !== expected.data.length) {
    return fail(`${actual.data.length} values for shape ${aShape}, expected ${expected.data.length}`);
  }
  const { rtol, atol } = wantDType === 'float32' ? tol : EXACT;
  let maxAbsError = 0;
  let mismatches = 0;
  const lines: string[] = [];
  for (let i = 0; i < expected.data.length; i++) {
    const a = actual.data[i]!;
    const e = expected.data[i]!;
    const err = Math.abs(a - e);
    const allowed = atol + rtol * Math.abs(e);
    if (!(err <= allowed)) {
      // NaN lands here too.
      mismatches++;
      if (lines.length < 8) lines.push(`  [${i}] got ${fmt(a)}, expected ${fmt(e)} (|diff| ${err.toExponential(3)} > ${allowed.toExponential(3)})`);
    }
    if (err > maxAbsError || Number.isNaN(err)) maxAbsError = Number.isNaN(err) ? Infinity : err;
  }
  if (mismatches === 0) return { ok: true, message: `${label}: ok`, maxAbsError, mismatches };
  const more = mismatches > lines.length ? `\n  … ${mismatches - lines.length} more` : '';
  return {
    ok: false,
    message:
      `${label}: ${mismatches} of ${expected.data.length} values outside rtol ${rtol} / atol ${atol} ` +
      `(max |diff| ${maxAbsError.toExponential(3)}), shape ${eShape}:\n${lines.join('\n')}${more}`,
    maxAbsError,
    mismatches,
  };
}
