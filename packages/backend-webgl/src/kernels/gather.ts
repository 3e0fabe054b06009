import { ShapeError, formatShape, normalizeAxis, sizeFromShape, type DType } from '@tensorkit/core';
import { coordNames, coordsOf, offsetExpr, rowMajorStrides } from '../glsl';
import { assertIndices, assertShape, defineWebGLKernel, inputAt } from '../kernel';
import { runFlat } from '../program';

/*
 * Indices are data on the GPU, so they cannot be checked before the kernel runs without a stall.
 * An out-of-range index reads as NaN (0 for int32/bool), never as a neighbouring element, and
 * contributes nothing to the scatter-add adjoints.
 */
const missing = (dtype: DType): string => (dtype === 'float32' ? 'tkNaN()' : '0.0');

/** `[outer, n, inner]` sizes around `axis`. */
function around(shape: readonly number[], axis: number): [number, number, number] {
  return [sizeFromShape(shape.slice(0, axis)), shape[axis]!, sizeFromShape(shape.slice(axis + 1))];
}

/**
 * Selects entries along `axis` by an int32 index tensor of any rank; output shape
 * `x.shape[:axis] + indices.shape + x.shape[axis+1:]`.
 *
 * @example
 * ```ts
 * runKernel('Gather', [x, indices], { axis: 0 });
 * ```
 */
export const gatherWebGL = defineWebGLKernel('Gather', ({ inputs, attrs, backend }) => {
  const x = inputAt(inputs, 0, 'Gather');
  const indices = inputAt(inputs, 1, 'Gather');
  assertIndices(indices, 'Gather');
  const axis = normalizeAxis(attrs.axis, x.shape.length, 'Gather');
  const [, n, inner] = around(x.shape, axis);
  const count = sizeFromShape(indices.shape);
  const shape = [...x.shape.slice(0, axis), ...indices.shape, ...x.shape.slice(axis + 1)];
  return runFlat(backend, {
    inputs: [x, indices],
    outShape: shape,
    outDtype: x.dtype,
    body: `int t = i % ${inner}; int q = i / ${inner}; int j = q % ${count}; int o = q / ${count};
      int k = int(getX1(j));
      setOutput(k < 0 || k >= ${n} ? ${missing(x.dtype)} : getX0((o * ${n} + k) * ${inner} + t));`,
  });
});

/**
 * The adjoint of `Gather`: scatter-adds `dy` into zeros of `shape` (repeated indices accumulate).
 * Each output element loops over the indices, so no atomic adds are needed.
 *
 * @example
 * ```ts
 * runKernel('GatherGrad', [indices, dy], { axis: 0, shape: [5, 3] });
 * ```
 */
export const gatherGradWebGL = defineWebGLKernel('GatherGrad', ({ inputs, attrs, backend }) => {
  const indices = inputAt(inputs, 0, 'GatherGrad');
  const dy = inputAt(inputs, 1, 'GatherGrad');
  assertIndices(indices, 'GatherGrad');
  const { shape } = attrs;
  const axis = normalizeAxis(attrs.axis, shape.length, 'GatherGrad');
  assertShape(dy, [...shape.slice(0, axis), ...indices.shape, ...shape.slice(axis + 1)], 'dy', 'GatherGrad');
  const [, n, inner] = around(shape, axis);
  const count = sizeFromShape(indices.shape);
  return runFlat(backend, {
    inputs: [indices, dy],
    outShape: shape,
    outDtype: dy.dtype,
    body: `int t = i % ${inner}; int q = i / ${inner}; int m = q % ${n}; int o = q / ${n};
      float acc = 0.0;
      for (int j = 0; j < ${count}; j++) { if (int(getX0(j)) == m) acc += getX1((o * ${count} + j) * ${inner} + t); }
      setOutput(acc);`,
  });
});

function checkTakeShapes(kernel: string, xShape: readonly number[], indShape: readonly number[], axis: number): void {
  if (indShape.length !== xShape.length || indShape.some((d, i) => i !== axis && d > xShape[i]!)) {
    throw new ShapeError(
      'SHAPE_MISMATCH',
      `${kernel} (webgl): indices ${formatShape(indShape)} must have the rank of x ${formatShape(xShape)} and be no larger on axes other than ${axis}`,
    );
  }
}

/**
 * `torch.gather`: `out[..., j, ...] = x[..., indices[..., j, ...], ...]` along `axis`; output shape is
 * `indices.shape`.
 *
 * @example
 * ```ts
 * runKernel('TakeAlongAxis', [x, indices], { axis: 1 });
 * ```
 */
export const takeAlongAxisWebGL = defineWebGLKernel('TakeAlongAxis', ({ inputs, attrs, backend }) => {
  const x = inputAt(inputs, 0, 'TakeAlongAxis');
  const indices = inputAt(inputs, 1, 'TakeAlongAxis');
  assertIndices(indices, 'TakeAlongAxis');
  const axis = normalizeAxis(attrs.axis, x.shape.length, 'TakeAlongAxis');
  checkTakeShapes('TakeAlongAxis', x.shape, indices.shape, axis);
  const strides = rowMajorStrides(x.shape);
  const coords = coordNames(x.shape.length).map((c, d) => (d === axis ? 'k' : c));
  return runFlat(backend, {
    inputs: [x, indices],
    outShape: indices.shape,
    outDtype: x.dtype,
    body: `${coordsOf(indices.shape, 'i', 'c')} int k = int(getX1(i));
      setOutput(k < 0 || k >= ${x.shape[axis]} ? ${missing(x.dtype)} : getX0(${offsetExpr(coords, strides)}));`,
  });
});

/**
 * The adjoint of `TakeAlongAxis`: scatter-adds `dy` (shaped like `indices`) into zeros of `shape`.
 *
 * @example
 * ```ts
 * runKernel('TakeAlongAxisGrad', [indices, dy], { axis: 1, shape: [2, 5] });
 * ```
 */
export const takeAlongAxisGradWebGL = defineWebGLKernel('TakeAlongAxisGrad', ({ inputs, attrs, backend }) => {
  const indices = inputAt(inputs, 0, 'TakeAlongAxisGrad');
  const dy = inputAt(inputs, 1, 'TakeAlongAxisGrad');
  assertIndices(indices, 'TakeAlongAxisGrad');
  const { shape } = attrs;
  const axis = normalizeAxis(attrs.axis, shape.length, 'TakeAlongAxisGrad');
  assertShape(dy, indices.shape, 'dy', 'TakeAlongAxisGrad');
  checkTakeShapes('TakeAlongAxisGrad', shape, indices.shape, axis);
  const indStrides = rowMajorStrides(indices.shape);
  const coords = coordNames(shape.length).map((c, d) => (d === axis ? 'j' : c));
  const outside = shape.map((_, d) => (d === axis ? '' : `c${d} >= ${indices.shape[d]}`)).filter((s) => s !== '');
  return runFlat(backend, {
    inputs: [indices, dy],
    outShape: shape,
    outDtype: dy.dtype,
    body: `${coordsOf(shape, 'i', 'c')} float acc = 0.0;
      if (!(${outside.join(' || ') || 'false'})) {
        for (int j = 0; j < ${indices.shape[axis]}; j++) {
          int p = ${offsetExpr(coords, indStrides)};
          if (int(getX0(p)) == c${axis}) acc += getX1(p);
        }
      }
      setOutput(acc);`,
  });
});

/**
 * The gather/scatter kernels.
 *
 * @example
 * ```ts
 * use(gatherWebGLKernels);
 * ```
 */
export const gatherWebGLKernels = [gatherWebGL, gatherGradWebGL, takeAlongAxisWebGL, takeAlongAxisGradWebGL] as const;
