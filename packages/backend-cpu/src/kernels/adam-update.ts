import { ShapeError, formatShape, shapesEqual, type TensorInfo } from '@tensorkit/core';
import { defineCpuKernel } from '../util';

/**
 * The fused Adam/AdamW update: one pass over each parameter instead of about a dozen elementwise
 * kernels, each of which reads and writes the whole tensor. The math is core's
 * `AdamUpdateAttrs`, evaluated in float64 per element.
 *
 * @example
 * ```ts
 * const [p, m, v] = runKernelMulti('AdamUpdate', [param, grad, m0, v0], attrs);
 * ```
 */
export const adamUpdateCpu = defineCpuKernel('AdamUpdate', ({ inputs, attrs, backend }) => {
  const { beta1, beta2, stepSize, epsHat, weightDecay, paramScale, amsgrad } = attrs;
  const expected = amsgrad ? 5 : 4;
  const shape = inputs[0]?.shape ?? [];
  if (inputs.length !== expected || inputs.some((t) => t.dtype !== 'float32' || !shapesEqual(t.shape, shape))) {
    throw new ShapeError(
      'SHAPE_MISMATCH',
      `AdamUpdate (cpu): expected ${expected} float32 tensors of one shape (param, grad, m, v${amsgrad ? ', vMax' : ''}), ` +
        `got ${inputs.map((t) => `${formatShape(t.shape)} ${t.dtype}`).join(', ')}`,
    );
  }
  const [param, grad, m0, v0, vMax0] = inputs.map((t) => backend.values(t));
  const n = param!.length;
  const p = new Float32Array(n);
  const m = new Float32Array(n);
  const v = new Float32Array(n);
  const vMax = amsgrad ? new Float32Array(n) : undefined;
  const c1 = 1 - beta1;
  const c2 = 1 - beta2;
  for (let i = 0; i < n; i++) {
    const w = param![i]!;
    const g = grad![i]! + weightDecay * w;
    const mi = beta1 * m0![i]! + c1 * g;
    let vi = beta2 * v0![i]! + c2 * g * g;
    m[i] = mi;
    v[i] = vi;
    if (vMax) {
      vi = Math.max(vMax0![i]!, Math.fround(vi));
      vMax[i] = vi;
    }
    p[i] = w * paramScale - (stepSize * mi) / (Math.sqrt(vi) + epsHat);
  }
  const out: TensorInfo[] = [backend.makeOutput(p, shape, 'float32'), backend.makeOutput(m, shape, 'float32'), backend.makeOutput(v, shape, 'float32')];
  if (vMax) out.push(backend.makeOutput(vMax, shape, 'float32'));
  return out;
});
