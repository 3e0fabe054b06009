import { ShapeError } from './errors';
import { computeStrides, formatShape } from './shape';

/**
 * A strided slice as a view of row-major data: the output shape, the element offset of its first
 * element, and the input stride of each output axis.
 *
 * @example
 * ```ts
 * const view: SliceView = { shape: [2], offset: 1, strides: [2] };
 * ```
 */
export interface SliceView {
  shape: number[];
  offset: number;
  strides: number[];
}

/**
 * The view a `Slice` kernel reads (`{ begin, size, step }` per axis; missing axes are whole),
 * checked against the input shape. Backends share it so they agree on bounds and layout.
 *
 * @example
 * ```ts
 * computeSliceView([4, 6], [1, 0], [2, 3], [1, 2], 'Slice (cpu)');
 * // { shape: [2, 3], offset: 6, strides: [6, 2] }
 * ```
 */
export function computeSliceView(
  xShape: readonly number[],
  begin: readonly number[],
  size: readonly number[],
  step: readonly number[],
  kernel: string,
): SliceView {
  const inputStrides = computeStrides(xShape);
  const view: SliceView = { shape: [], offset: 0, strides: [] };
  for (let i = 0; i < xShape.length; i++) {
    const b = begin[i] ?? 0;
    const s = step[i] ?? 1;
    const n = size[i] ?? xShape[i]! - b;
    if (b < 0 || n < 0 || s < 1 || (n > 0 && b + (n - 1) * s >= xShape[i]!)) {
      throw new ShapeError(
        'SHAPE_MISMATCH',
        `${kernel}: begin ${b}, size ${n}, step ${s} on axis ${i} is out of bounds for shape ${formatShape(xShape)}`,
      );
    }
    view.offset += b * inputStrides[i]!;
    view.shape.push(n);
    view.strides.push(inputStrides[i]! * s);
  }
  return view;
}
