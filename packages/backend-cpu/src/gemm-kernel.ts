/*
 * The single-threaded GEMM kernel: Goto-style blocking, B packed into 4-column panels (KC x NC),
 * A into 4-row panels (MC x KC), and a 4x4 register-tiled micro-kernel over the packed panels.
 * Packing reads any strides, so transposed and sub-matrix operands cost nothing extra.
 *
 * `gemmKernel` is self-contained (it references nothing outside its own body) because the
 * optional worker threads (./parallel.ts) run its source text.
 */

/**
 * A strided matrix operand: element `(i, j)` is `data[offset + i * rowStride + j * colStride]`.
 *
 * @example
 * ```ts
 * const aT: MatrixView = { data: a, offset: 0, rowStride: 1, colStride: m }; // a stored [k, m], read as [m, k]
 * ```
 */
export interface MatrixView {
  data: ArrayLike<number>;
  offset: number;
  rowStride: number;
  colStride: number;
}

/**
 * Packing buffers, grown on demand and reused (one set per thread).
 *
 * @example
 * ```ts
 * const scratch: GemmScratch = createGemmScratch();
 * ```
 */
export interface GemmScratch {
  packA: Float64Array;
  packB: Float64Array;
  edge: Float64Array;
}

/**
 * Creates empty packing buffers for {@link gemmKernel}.
 *
 * @example
 * ```ts
 * const scratch = createGemmScratch();
 * ```
 */
export function createGemmScratch(): GemmScratch {
  return { packA: new Float64Array(0), packB: new Float64Array(0), edge: new Float64Array(16) };
}

/**
 * The single-threaded GEMM: `C (+)= A · B` for an `m x k` view `a`, a `k x n` view `b`, and a
 * row-major `c` (leading dimension `ldc`, starting at `cOffset`). It must not reference anything
 * outside its own body (workers run its source).
 *
 * `packedB` (of {@link packedBSize} elements) lets threads share one packing of B: with
 * `packOnly`, B is packed into it and nothing is multiplied; otherwise B is read from it.
 *
 * @example
 * ```ts
 * gemmKernel(2, 2, 2, aView, bView, c, 0, 2, false, createGemmScratch());
 * ```
 */
export function gemmKernel(
  m: number,
  n: number,
  k: number,
  a: MatrixView,
  b: MatrixView,
  c: Float32Array,
  cOffset: number,
  ldc: number,
  accumulate: boolean,
  scratch: GemmScratch,
  packedB?: Float64Array,
  packOnly?: boolean,
): void {
  const KC = 256;
  const MC = 128;
  const NC = 2048;
  if ((m === 0 && !packOnly) || n === 0) return;
  if (k === 0) {
    if (!accumulate) for (let i = 0; i < m; i++) c.fill(0, cOffset + i * ldc, cOffset + i * ldc + n);
    return;
  }

  /**
   * Packs a block of `v` into 4-wide zero-padded panels along the "wide" index (rows of A, columns
   * of B), interleaved along the "deep" index k.
   */
  function pack(v: MatrixView, r0: number, c0: number, rows: number, cols: number, isA: boolean): Float64Array {
    const { data, offset, rowStride, colStride } = v;
    const wide = isA ? rows : cols;
    const deep = isA ? cols : rows;
    const wStride = isA ? rowStride : colStride;
    const dStride = isA ? colStride : rowStride;
    const base = offset + r0 * rowStride + c0 * colStride;
    const panels = Math.ceil(wide / 4);
    const needed = panels * 4 * deep;
    if (isA && scratch.packA.length < needed) scratch.packA = new Float64Array(needed);
    if (!isA && scratch.packB.length < needed) scratch.packB = new Float64Array(needed);
    const out = isA ? scratch.packA : scratch.packB;
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
    return out;
  }

  /** The 4x4 register-tiled micro-kernel over every (A panel, B panel) pair of the packed blocks. */
  function macro(ap: Float64Array, bp: Float64Array, bBase: number, mc: number, nc: number, kc: number, cBase: number, add: boolean): void {
    const edge = scratch.edge;
    for (let jp = 0; jp < nc; jp += 4) {
      const nr = Math.min(4, nc - jp);
      const bStart = bBase + jp * kc;
      for (let ip = 0; ip < mc; ip += 4) {
        const mr = Math.min(4, mc - ip);
        let pa = ip * kc;
        let pb = bStart;
        let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
        let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
        let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
        let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
        for (let p = 0; p < kc; p++, pa += 4, pb += 4) {
          const b0 = bp[pb]!, b1 = bp[pb + 1]!, b2 = bp[pb + 2]!, b3 = bp[pb + 3]!;
          let x = ap[pa]!;
          c00 += x * b0; c01 += x * b1; c02 += x * b2; c03 += x * b3;
          x = ap[pa + 1]!;
          c10 += x * b0; c11 += x * b1; c12 += x * b2; c13 += x * b3;
          x = ap[pa + 2]!;
          c20 += x * b0; c21 += x * b1; c22 += x * b2; c23 += x * b3;
          x = ap[pa + 3]!;
          c30 += x * b0; c31 += x * b1; c32 += x * b2; c33 += x * b3;
        }
        const ci = cBase + ip * ldc + jp;
        if (mr === 4 && nr === 4) {
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

  let bOffset = 0; // where block (jc, pc) starts in packedB
  for (let jc = 0; jc < n; jc += NC) {
    const nc = Math.min(NC, n - jc);
    for (let pc = 0; pc < k; pc += KC) {
      const kc = Math.min(KC, k - pc);
      const blockSize = Math.ceil(nc / 4) * 4 * kc;
      const shared = packedB !== undefined && !packOnly;
      const bp = shared ? packedB : pack(b, pc, jc, kc, nc, false);
      const bBase = shared ? bOffset : 0;
      if (packOnly && packedB) packedB.set(bp.subarray(0, blockSize), bOffset);
      bOffset += blockSize;
      if (packOnly) continue;
      const add = accumulate || pc > 0;
      for (let ic = 0; ic < m; ic += MC) {
        const mc = Math.min(MC, m - ic);
        macro(pack(a, ic, pc, mc, kc, true), bp, bBase, mc, nc, kc, cOffset + ic * ldc + jc, add);
      }
    }
  }
}

/**
 * The number of elements of B packed for {@link gemmKernel} (`k` rows, `n` columns padded to 4).
 *
 * @example
 * ```ts
 * packedBSize(3, 5); // 24
 * ```
 */
export function packedBSize(n: number, k: number): number {
  return Math.ceil(n / 4) * 4 * k;
}
