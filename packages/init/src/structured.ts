import { ShapeError, formatShape } from '@tensorkit/core';
import * as tk from '@tensorkit/tensor';
import type { Tensor } from '@tensorkit/tensor';
import { numberOption, optionsOf } from './options';
import type { InitOptions } from './plugin';
import { orthonormalColumns } from './qr';
import { checkShape, seedOf } from './shape';

/** Options of {@link orthogonal} and {@link identity}. */
export interface GainOptions extends InitOptions {
  /** A scale factor applied to the result. Default 1. */
  gain?: number;
}

/**
 * A (semi-)orthogonal weight (Saxe et al. 2013): the shape is viewed as a matrix
 * `rows × cols` with `cols = shape[−1]` (the output axis in tensorkit layouts) and `rows` the
 * product of the others; a Gaussian matrix's QR gives `W` with orthonormal columns
 * (`WᵀW = I`) when `rows ≥ cols`, or orthonormal rows (`WWᵀ = I`) otherwise, times `gain`.
 * The Q factor's signs are fixed so that `W` is uniformly (Haar) distributed, as in PyTorch.
 *
 * @example
 * ```ts
 * const w = orthogonal([64, 32], { seed: 0 });   // matMul(w, w, { transposeA: true }) ≈ eye(32)
 * orthogonal([3, 3, 16, 16], { gain: calculateGain('relu') });
 * ```
 */
export function orthogonal(shape: readonly number[], options?: GainOptions): Tensor {
  const o = optionsOf(options, 'orthogonal', ['gain', 'seed']);
  const gain = numberOption(o.gain, 1, 'gain', 'orthogonal');
  const seed = seedOf(o.seed, 'orthogonal');
  checkShape(shape, 'orthogonal');
  if (shape.length < 2) {
    throw new ShapeError('INVALID_SHAPE', `orthogonal: needs a weight with at least 2 dims, got ${formatShape(shape)}`);
  }
  const cols = shape[shape.length - 1]!;
  const rows = shape.slice(0, -1).reduce((a, b) => a * b, 1);
  if (rows * cols === 0) return tk.zeros(shape);
  const [m, n] = rows >= cols ? [rows, cols] : [cols, rows];
  const gaussian = tk.randn([m, n], seed === undefined ? {} : { seed });
  const q = orthonormalColumns(Float64Array.from(gaussian.dataSync()), m, n);
  gaussian.dispose();
  const w = new Float32Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) w[i * cols + j] = gain * (rows >= cols ? q[i * n + j]! : q[j * n + i]!);
  }
  return tk.tensor(w, shape);
}

/**
 * The identity matrix, `identity([in, out]) = gain·I` (ones on the main diagonal of a
 * possibly rectangular `[in, out]` kernel, PyTorch's `eye_`), so a dense layer starts as a
 * pass-through. Only 2-D shapes.
 *
 * @example
 * ```ts
 * identity([2, 3]); // [[1, 0, 0], [0, 1, 0]]
 * ```
 */
export function identity(shape: readonly number[], options?: GainOptions): Tensor {
  const o = optionsOf(options, 'identity', ['gain', 'seed']);
  const gain = numberOption(o.gain, 1, 'gain', 'identity');
  checkShape(shape, 'identity');
  if (shape.length !== 2) {
    throw new ShapeError('INVALID_SHAPE', `identity: needs a 2-D [in, out] shape, got ${formatShape(shape)}; use orthogonal for conv kernels`);
  }
  return tk.tidy(() => tk.mul(tk.eye(shape[0]!, shape[1]!), gain));
}
