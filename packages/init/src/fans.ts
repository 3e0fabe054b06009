import { ShapeError, formatShape } from '@tensorkit/core';

/**
 * Fan-in and fan-out of a weight shape. See {@link computeFans}.
 *
 * @example
 * ```ts
 * const { fanIn, fanOut }: Fans = computeFans([3, 3, 16, 32]);
 * ```
 */
export interface Fans {
  readonly fanIn: number;
  readonly fanOut: number;
}

/**
 * Fan-in and fan-out of a tensorkit weight shape, by Keras's rule on channels-last layouts:
 * `fanIn = shape[−2]·rf` and `fanOut = shape[−1]·rf`, where the receptive field `rf` is the
 * product of the leading (spatial) dims. That covers dense kernels `[in, out]`, conv kernels
 * `[kh, kw, inC/groups, outC]` and transposed-conv kernels `[kh, kw, outC/groups, inC]`, and it
 * reproduces PyTorch's fans on the converted shapes, including PyTorch's transposed-conv
 * convention (`fanIn = outC/groups·kh·kw`). Like PyTorch, a shape with fewer than 2 dims has no
 * fans: a bias takes its bound from its weight's fan-in.
 *
 * @example
 * ```ts
 * computeFans([256, 64]);       // { fanIn: 256, fanOut: 64 }
 * computeFans([3, 3, 3, 16]);   // { fanIn: 27, fanOut: 144 }
 * ```
 */
export function computeFans(shape: readonly number[]): Fans {
  if (!Array.isArray(shape) || shape.some((d) => !Number.isInteger(d) || d < 0)) {
    throw new ShapeError('INVALID_SHAPE', `computeFans: shape must be an array of non-negative integers, got ${JSON.stringify(shape)}`);
  }
  if (shape.length < 2) {
    throw new ShapeError(
      'INVALID_SHAPE',
      `computeFans: fans need a weight with at least 2 dims ([in, out] or [kh, kw, inC, outC]), got ${formatShape(shape)}; ` +
        'a bias takes its bound from its weight (torchDefaultBias(shape, { fanIn }))',
    );
  }
  const rf = shape.slice(0, -2).reduce((a, b) => a * b, 1);
  return { fanIn: shape[shape.length - 2]! * rf, fanOut: shape[shape.length - 1]! * rf };
}
