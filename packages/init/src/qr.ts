/*
 * Householder QR of a tall m×n matrix (m >= n) in float64 on the host, for `orthogonal`. The
 * matrices are weight-sized, so a plain O(m·n²) loop is fast enough, and Householder keeps Q
 * orthogonal to machine precision where Gram-Schmidt would drift.
 */

/**
 * The thin Q (m×n, row-major) of `a` (m×n, row-major), with each column's sign flipped so that
 * R's diagonal is positive: that choice makes Q uniformly (Haar) distributed when `a` is
 * Gaussian, as PyTorch's and Keras's `orthogonal` do.
 */
export function orthonormalColumns(a: Float64Array, m: number, n: number): Float64Array {
  const r = Float64Array.from(a);
  const vs: Float64Array[] = [];
  const diag = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    let norm2 = 0;
    for (let i = k; i < m; i++) norm2 += r[i * n + k]! ** 2;
    const x0 = r[k * n + k]!;
    const alpha = x0 >= 0 ? -Math.sqrt(norm2) : Math.sqrt(norm2);
    const v = new Float64Array(m - k);
    for (let i = k; i < m; i++) v[i - k] = r[i * n + k]!;
    v[0] = x0 - alpha;
    diag[k] = alpha;
    vs.push(v);
    reflect(v, r, k, n, k, n);
  }
  const q = new Float64Array(m * n);
  for (let j = 0; j < n; j++) q[j * n + j] = 1;
  for (let k = n - 1; k >= 0; k--) reflect(vs[k]!, q, k, n, 0, n);
  for (let j = 0; j < n; j++) {
    if (diag[j]! < 0) for (let i = 0; i < m; i++) q[i * n + j] = -q[i * n + j]!;
  }
  return q;
}

/** Applies `I − 2vvᵀ/(vᵀv)` to rows `row0..` of columns `[c0, c1)` of the m×`cols` matrix `x`. */
function reflect(v: Float64Array, x: Float64Array, row0: number, cols: number, c0: number, c1: number): void {
  let vv = 0;
  for (const e of v) vv += e * e;
  if (vv === 0) return;
  for (let j = c0; j < c1; j++) {
    let dot = 0;
    for (let i = 0; i < v.length; i++) dot += v[i]! * x[(row0 + i) * cols + j]!;
    const f = (2 * dot) / vv;
    for (let i = 0; i < v.length; i++) x[(row0 + i) * cols + j] = x[(row0 + i) * cols + j]! - f * v[i]!;
  }
}
