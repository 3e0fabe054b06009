/** A number for a verdict line: 3 significant digits, exponent notation when very large or small. */
export function fmt(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? 'inf' : '-inf';
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e4 || a < 1e-3)) return v.toExponential(1);
  return String(Number(v.toPrecision(3)));
}

/** `xs` as chart points `[index + offset, x]` (epochs or steps). */
export function curve(xs: readonly number[], offset = 1): [number, number][] {
  return xs.map((y, i) => [i + offset, y]);
}
