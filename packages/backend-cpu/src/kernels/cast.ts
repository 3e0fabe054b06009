import { allocValues } from '@tensorkit/core';
import { defineCpuKernel, inputAt } from '../util';

/**
 * Converts dtypes as PyTorch does: float to int32 truncates toward zero (NaN becomes 0), anything
 * to bool is `x != 0`.
 *
 * @example
 * ```ts
 * runKernel('Cast', [x], { dtype: 'int32' });
 * ```
 */
export const castCpu = defineCpuKernel('Cast', ({ inputs, attrs, backend }) => {
  const x = inputAt(inputs, 0, 'Cast');
  const xs = backend.values(x);
  const dtype = attrs.dtype;
  const out = allocValues(dtype, xs.length);
  if (dtype === 'bool') {
    for (let i = 0; i < xs.length; i++) out[i] = xs[i] !== 0 ? 1 : 0;
  } else {
    // Int32Array stores truncate toward zero (ToInt32); Float32Array stores round.
    out.set(xs);
  }
  return backend.makeOutput(out, x.shape, dtype);
});
