import {
  ShapeError, computeBroadcastView, computeSliceView, computeTileView, computeTransposeView, formatShape, normalizeAxis, sizeFromShape,
  type StridedView, type TensorInfo,
} from '@tensorkit/core';
import type { WebGLBackend } from '../backend';
import { coordNames, coordsOf, glslFloat, offsetExpr, rowMajorStrides } from '../glsl';
import { defineWebGLKernel, inputAt } from '../kernel';
import { runFlat } from '../program';

/**
 * Reads `x` through a strided view (`offset + Σ coord·stride`) into a new tensor of `shape`:
 * transpose, slice, broadcast and tile are all this one program.
 */
function viewProgram(backend: WebGLBackend, x: TensorInfo, view: StridedView): TensorInfo {
  const { shape, strides, offset } = view;
  const out = runFlat(backend, {
    inputs: [x],
    outShape: shape,
    outDtype: x.dtype,
    body: `${coordsOf(shape, 'i', 'c')} setOutput(getX0(${offsetExpr(coordNames(shape.length), strides, offset)}));`,
  });
  // Tile's view has two axes per output axis, laid out exactly like the tiled result.
  return view.outShape.length === shape.length ? out : { ...out, shape: view.outShape };
}

/**
 * Permutes the axes: output axis `i` is input axis `perm[i]`.
 *
 * @example
 * ```ts
 * runKernel('Transpose', [x], { perm: [1, 0] });
 * ```
 */
export const transposeWebGL = defineWebGLKernel('Transpose', ({ inputs, attrs, backend }) => {
  const x = inputAt(inputs, 0, 'Transpose');
  return viewProgram(backend, x, computeTransposeView(x.shape, attrs.perm, 'Transpose (webgl)'));
});

/**
 * `x[begin : begin + size*step : step]` per axis (positive steps).
 *
 * @example
 * ```ts
 * runKernel('Slice', [x], { begin: [0, 1], size: [2, 2], step: [1, 2] });
 * ```
 */
export const sliceWebGL = defineWebGLKernel('Slice', ({ inputs, attrs, backend }) => {
  const x = inputAt(inputs, 0, 'Slice');
  return viewProgram(backend, x, computeSliceView(x.shape, attrs.begin, attrs.size, attrs.step, 'Slice (webgl)'));
});

/**
 * Broadcasts `x` to `shape` (NumPy rules).
 *
 * @example
 * ```ts
 * runKernel('BroadcastTo', [x], { shape: [4, 3] });
 * ```
 */
export const broadcastToWebGL = defineWebGLKernel('BroadcastTo', ({ inputs, attrs, backend }) => {
  const x = inputAt(inputs, 0, 'BroadcastTo');
  return viewProgram(backend, x, computeBroadcastView(x.shape, attrs.shape, 'BroadcastTo (webgl)'));
});

/**
 * Repeats `x` `reps[i]` times along axis `i` (`reps` has `x`'s rank).
 *
 * @example
 * ```ts
 * runKernel('Tile', [x], { reps: [2, 1] });
 * ```
 */
export const tileWebGL = defineWebGLKernel('Tile', ({ inputs, attrs, backend }) => {
  const x = inputAt(inputs, 0, 'Tile');
  return viewProgram(backend, x, computeTileView(x.shape, attrs.reps, 'Tile (webgl)'));
});

/**
 * Pads with `constantValue`; `paddings[i]` is `[before, after]` for axis `i`.
 *
 * @example
 * ```ts
 * runKernel('Pad', [x], { paddings: [[1, 1], [0, 2]], constantValue: 0 });
 * ```
 */
export const padWebGL = defineWebGLKernel('Pad', ({ inputs, attrs, backend }) => {
  const x = inputAt(inputs, 0, 'Pad');
  const { paddings, constantValue } = attrs;
  if (paddings.length !== x.shape.length || paddings.some(([b, a]) => b < 0 || a < 0)) {
    throw new ShapeError('SHAPE_MISMATCH', `Pad (webgl): paddings ${JSON.stringify(paddings)} must be non-negative pairs, one per axis of ${formatShape(x.shape)}`);
  }
  const shape = x.shape.map((d, i) => d + paddings[i]![0] + paddings[i]![1]);
  const fill = glslFloat(constantValue);
  if (sizeFromShape(x.shape) === 0) return runFlat(backend, { inputs: [], outShape: shape, outDtype: x.dtype, body: `setOutput(${fill});` });
  const coords = coordNames(shape.length);
  const inside = x.shape.map((d, k) => `c${k} >= ${paddings[k]![0]} && c${k} < ${paddings[k]![0] + d}`);
  const strides = rowMajorStrides(x.shape);
  const offset = -paddings.reduce((p, [b], k) => p + b * strides[k]!, 0);
  return runFlat(backend, {
    inputs: [x],
    outShape: shape,
    outDtype: x.dtype,
    body: `${coordsOf(shape, 'i', 'c')} setOutput(${inside.join(' && ') || 'true'} ? getX0(${offsetExpr(coords, strides, offset)}) : ${fill});`,
  });
});

/** tfjs binds one texture unit per input; stay well under WebGL2's minimum of 16. */
const MAX_CONCAT_INPUTS = 12;

function concatProgram(backend: WebGLBackend, parts: readonly TensorInfo[], axis: number): TensorInfo {
  if (parts.length > MAX_CONCAT_INPUTS) {
    const groups: TensorInfo[] = [];
    for (let g = 0; g < parts.length; g += MAX_CONCAT_INPUTS) groups.push(concatProgram(backend, parts.slice(g, g + MAX_CONCAT_INPUTS), axis));
    const out = concatProgram(backend, groups, axis);
    for (const t of groups) backend.disposeTemp(t);
    return out;
  }
  const first = parts[0]!;
  const shape = [...first.shape];
  shape[axis] = parts.reduce((p, t) => p + t.shape[axis]!, 0);
  const live = parts.filter((t) => sizeFromShape(t.shape) > 0);
  const coords = coordNames(shape.length);
  let start = 0;
  const branches = live.map((t, k) => {
    const end = start + t.shape[axis]!;
    const local = coords.map((c, d) => (d === axis ? `(${c} - ${start})` : c));
    const read = `setOutput(getX${k}(${offsetExpr(local, rowMajorStrides(t.shape))}));`;
    const branch = k === live.length - 1 ? `{ ${read} }` : `if (c${axis} < ${end}) { ${read} } else `;
    start = end;
    return branch;
  });
  return runFlat(backend, { inputs: live, outShape: shape, outDtype: first.dtype, body: `${coordsOf(shape, 'i', 'c')} ${branches.join('')}` });
}

/**
 * Concatenates any number of inputs along `axis`.
 *
 * @example
 * ```ts
 * runKernel('Concat', [a, b, c], { axis: 1 });
 * ```
 */
export const concatWebGL = defineWebGLKernel('Concat', ({ inputs, attrs, backend }) => {
  const first = inputAt(inputs, 0, 'Concat');
  const rank = first.shape.length;
  const axis = normalizeAxis(attrs.axis, rank, 'Concat');
  for (const t of inputs) {
    if (t.shape.length !== rank || t.dtype !== first.dtype || t.shape.some((d, i) => i !== axis && d !== first.shape[i])) {
      throw new ShapeError(
        'SHAPE_MISMATCH',
        `Concat (webgl): inputs ${inputs.map((u) => `${formatShape(u.shape)} ${u.dtype}`).join(', ')} must share dtype and every dimension but axis ${axis}`,
      );
    }
  }
  return concatProgram(backend, inputs, axis);
});

/**
 * Every layout kernel: transpose, slice, broadcast, tile, pad, concat.
 *
 * @example
 * ```ts
 * use(transformWebGLKernels);
 * ```
 */
export const transformWebGLKernels = [transposeWebGL, sliceWebGL, broadcastToWebGL, tileWebGL, padWebGL, concatWebGL] as const;
