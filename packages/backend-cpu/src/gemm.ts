/*
 * The one matrix-multiply routine of the CPU backend, shared by BatchMatMul and the conv kernels.
 * Goto-style blocking: B is packed into 4-column panels (KC x NC block), A into 4-row panels
 * (MC x KC block), and a 4x4 register-tiled micro-kernel runs over the packed panels. Packing reads
 * any strides, so transposed and sub-matrix operands cost nothing extra.
 */

const MR = 4;
const NR = 4;
const KC = 256;
const MC = 128;
const NC = 2048;

let packA = new Float64Array(MC * KC);
let packB = new Float64Array(KC * NC);
const edge = new Float64Array(MR * NR);

/** A strided matrix operand: element `(i, j)` is `data[offset + i * rowStride + j * colStride]`. */
export interface MatrixView {
  data: ArrayLike<number>;
  offset: number;
  rowStride: number;
  colStride: number;
}

/**
 * `C (+)= A · B` for an `m x k` view `a`, a `k x n` view `b` and a row-major `c` (leading dimension
 * `ldc`, starting at `cOffset`). With `accumulate` false, `C` is overwritten.
 *
 * @example
 * ```ts
 * const c = new Float32Array(4);
 * gemm(2, 2, 2, { data: a, offset: 0, rowStride: 2, colStride: 1 }, { data: b, offset: 0, rowStride: 2, colStride: 1 }, c, 0, 2, false);
 * ```
 */
export function gemm(
  m: number,
  n: number,
  k: number,
  a: MatrixView,
  b: MatrixView,
  c: Float32Array,
  cOffset: number,
  ldc: number,
  accumulate: boolean,
): void {
  if (m === 0 || n === 0) return;
  if (k === 0) {
    if (!accumulate) for (let i = 0; i < m; i++) c.fill(0, cOffset + i * ldc, cOffset + i * ldc + n);
    return;
  }
  for (let jc = 0; jc < n; jc += NC) {
    const nc = Math.min(NC, n - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = Math.min(KC, k - pc);
      packPanels(b, pc, jc, kc, nc, false);
      const add = accumulate || pc > 0;
      for (let ic = 0; ic < m; ic += MC) {
        const mc = Math.min(MC, m - ic);
        packPanels(a, ic, pc, mc, kc, true);
        macroKernel(mc, nc, kc, c, cOffset + ic * ldc + jc, ldc, add);
      }
    }
  }
}

/**
 * Packs a block of `v` into 4-wide panels, zero-padded. For A (`rowsArePanels`), the block is rows
 * `r0..r0+rows` x cols `c0..c0+cols`, panel `p` holds rows `4p..4p+3` interleaved per column. For B,
 * the block is rows (k) `r0..r0+rows` x cols `c0..c0+cols` and panel `p` holds columns `4p..4p+3`
 * interleaved per row.
 */
function packPanels(v: MatrixView, r0: number, c0: number, rows: number, cols: number, rowsArePanels: boolean): void {
  const { data, offset, rowStride, colStride } = v;
  // Panels run along the "wide" index w (rows of A, columns of B); the "deep" index d is k.
  const wide = rowsArePanels ? rows : cols;
  const deep = rowsArePanels ? cols : rows;
  const wStride = rowsArePanels ? rowStride : colStride;
  const dStride = rowsArePanels ? colStride : rowStride;
  const base = offset + r0 * rowStride + c0 * colStride;
  const panels = Math.ceil(wide / 4);
  const needed = panels * 4 * deep;
  if (rowsArePanels) {
    if (packA.length < needed) packA = new Float64Array(needed);
  } else if (packB.length < needed) packB = new Float64Array(needed);
  const out = rowsArePanels ? packA : packB;
  for (let p = 0; p < panels; p++) {
    const w0 = p * 4;
    const width = Math.min(4, wide - w0);
    let o = p * 4 * deep;
    let src = base + w0 * wStride;
    if (width === 4) {
      const s1 = wStride;
      const s2 = 2 * wStride;
      const s3 = 3 * wStride;
      for (let d = 0; d < deep; d++, src += dStride, o += 4) {
        out[o] = data[src]!;
        out[o + 1] = data[src + s1]!;
        out[o + 2] = data[src + s2]!;
        out[o + 3] = data[src + s3]!;
      }
    } else {
      for (let d = 0; d < deep; d++, src += dStride, o += 4) {
        for (let w = 0; w < 4; w++) out[o + w] = w < width ? data[src + w * wStride]! : 0;
      }
    }
  }
}

/** Runs the 4x4 micro-kernel over every (A panel, B panel) pair of the packed blocks. */
function macroKernel(mc: number, nc: number, kc: number, c: Float32Array, cBase: number, ldc: number, add: boolean): void {
  const ap = packA;
  const bp = packB;
  for (let jp = 0; jp < nc; jp += NR) {
    const nr = Math.min(NR, nc - jp);
    const bStart = jp * kc;
    for (let ip = 0; ip < mc; ip += MR) {
      const mr = Math.min(MR, mc - ip);
      let pa = ip * kc;
      let pb = bStart;
      let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
      let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
      let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
      let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
      for (let p = 0; p < kc; p++, pa += 4, pb += 4) {
        const b0 = bp[pb]!, b1 = bp[pb + 1]!, b2 = bp[pb + 2]!, b3 = bp[pb + 3]!;
        let a = ap[pa]!;
        c00 += a * b0; c01 += a * b1; c02 += a * b2; c03 += a * b3;
        a = ap[pa + 1]!;
        c10 += a * b0; c11 += a * b1; c12 += a * b2; c13 += a * b3;
        a = ap[pa + 2]!;
        c20 += a * b0; c21 += a * b1; c22 += a * b2; c23 += a * b3;
        a = ap[pa + 3]!;
        c30 += a * b0; c31 += a * b1; c32 += a * b2; c33 += a * b3;
      }
      const ci = cBase + ip * ldc + jp;
      if (mr === MR && nr === NR) {
        const r1 = ci + ldc, r2 = r1 + ldc, r3 = r2 + ldc;
        if (add) {
          c[ci] = c[ci]! + c00; c[ci + 1] = c[ci + 1]! + c01; c[ci + 2] = c[ci + 2]! + c02; c[ci + 3] = c[ci + 3]! + c03;
          c[r1] = c[r1]! + c10; c[r1 + 1] = c[r1 + 1]! + c11; c[r1 + 2] = c[r1 + 2]! + c12; c[r1 + 3] = c[r1 + 3]! + c13;
          c[r2] = c[r2]! + c20; c[r2 + 1] = c[r2 + 1]! + c21; c[r2 + 2] = c[r2 + 2]! + c22; c[r2 + 3] = c[r2 + 3]! + c23;
          c[r3] = c[r3]! + c30; c[r3 + 1] = c[r3 + 1]! + c31; c[r3 + 2] = c[r3 + 2]! + c32; c[r3 + 3] = c[r3 + 3]! + c33;
        } else {
          c[ci] = c00; c[ci + 1] = c01; c[ci + 2] = c02; c[ci + 3] = c03;
          c[r1] = c10; c[r1 + 1] = c11; c[r1 + 2] = c12; c[r1 + 3] = c13;
          c[r2] = c20; c[r2 + 1] = c21; c[r2 + 2] = c22; c[r2 + 3] = c23;
          c[r3] = c30; c[r3 + 1] = c31; c[r3 + 2] = c32; c[r3 + 3] = c33;
        }
      } else {
        edge[0] = c00; edge[1] = c01; edge[2] = c02; edge[3] = c03;
        edge[4] = c10; edge[5] = c11; edge[6] = c12; edge[7] = c13;
        edge[8] = c20; edge[9] = c21; edge[10] = c22; edge[11] = c23;
        edge[12] = c30; edge[13] = c31; edge[14] = c32; edge[15] = c33;
        for (let i = 0; i < mr; i++) {
          for (let j = 0; j < nr; j++) {
            const idx = ci + i * ldc + j;
            c[idx] = add ? c[idx]! + edge[i * 4 + j]! : edge[i * 4 + j]!;
          }
        }
      }
    }
  }
}
