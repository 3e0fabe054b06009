import { ArgumentError, normalizeAxis, type DType, type ReductionKernelName, type TensorInfo } from '@tensorkit/core';
import type { WebGLBackend } from '../backend';
import { coordNames, coordsOf, offsetExpr, rowMajorStrides } from '../glsl';
import { defineWebGLKernel, inputAt, type WebGLKernel } from '../kernel';
import { runFlat } from '../program';

/**
 * The one reduction program: each output element folds `step` (GLSL updating `acc` from `v`, with
 * the loop index `r`) over its reduced block, starting from `init`, and outputs `result`.
 */
function reduceProgram(
  backend: WebGLBackend,
  x: TensorInfo,
  axes: readonly number[],
  fold: { init: string; step: string; result?: string },
  dtype: DType,
): TensorInfo {
  const shape = x.shape;
  const strides = rowMajorStrides(shape);
  const kept = shape.map((_, k) => k).filter((k) => !axes.includes(k));
  const outShape = kept.map((k) => shape[k]!);
  const redShape = axes.map((a) => shape[a]!);
  const reduced = redShape.reduce((p, d) => p * d, 1);
  const base = offsetExpr(coordNames(kept.length, 'o'), kept.map((k) => strides[k]!));
  const inner = offsetExpr(coordNames(axes.length, 'q'), axes.map((a) => strides[a]!));
  return runFlat(backend, {
    inputs: [x],
    outShape,
    outDtype: dtype,
    body: `${coordsOf(outShape, 'i', 'o')} int base = ${base}; float acc = ${fold.init};
      for (int r = 0; r < ${reduced}; r++) { ${coordsOf(redShape, 'r', 'q')} float v = getX0(base + ${inner}); ${fold.step} }
      setOutput(${fold.result ?? 'acc'});`,
  });
}

const FOLDS: Record<ReductionKernelName, readonly [{ init: string; step: string }, (d: DType) => DType]> = {
  Sum: [{ init: '0.0', step: 'acc += v;' }, (d) => (d === 'float32' ? d : 'int32')],
  Prod: [{ init: '1.0', step: 'acc *= v;' }, (d) => (d === 'float32' ? d : 'int32')],
  Max: [{ init: '-tkInf()', step: 'if (v > acc || tkIsNaN(v)) acc = v;' }, (d) => d],
  Min: [{ init: 'tkInf()', step: 'if (v < acc || tkIsNaN(v)) acc = v;' }, (d) => d],
  All: [{ init: '1.0', step: 'if (v == 0.0) acc = 0.0;' }, () => 'bool'],
  Any: [{ init: '0.0', step: 'if (v != 0.0) acc = 1.0;' }, () => 'bool'],
};

function normalizeAxes(axes: readonly number[], rank: number, kernel: string): number[] {
  return [...new Set(axes.map((a) => normalizeAxis(a, rank, kernel)))].sort((a, b) => a - b);
}

function reduction<K extends ReductionKernelName>(name: K): WebGLKernel<K> {
  const [fold, outDtype] = FOLDS[name];
  return defineWebGLKernel(name, ({ inputs, attrs, backend }) => {
    const x = inputAt(inputs, 0, name);
    return reduceProgram(backend, x, normalizeAxes(attrs.axes, x.shape.length, name), fold, outDtype(x.dtype));
  });
}

/** Sum over `axes` (bool/int32 give int32). @example `runKernel('Sum', [x], { axes: [0] })` */
export const sumWebGL = reduction('Sum');
/** Product over `axes`. @example `runKernel('Prod', [x], { axes: [1] })` */
export const prodWebGL = reduction('Prod');
/** Max over `axes`; NaN propagates. @example `runKernel('Max', [x], { axes: [0, 1] })` */
export const maxWebGL = reduction('Max');
/** Min over `axes`; NaN propagates. @example `runKernel('Min', [x], { axes: [1] })` */
export const minWebGL = reduction('Min');
/** Logical and over `axes`; bool. @example `runKernel('All', [x], { axes: [0] })` */
export const allWebGL = reduction('All');
/** Logical or over `axes`; bool. @example `runKernel('Any', [x], { axes: [0] })` */
export const anyWebGL = reduction('Any');

/** Index of the max (or min) along one axis; first occurrence on ties, NaN counts as extreme. */
function argProgram(kernel: string, backend: WebGLBackend, x: TensorInfo, axisAttr: number, max: boolean): TensorInfo {
  const axis = normalizeAxis(axisAttr, x.shape.length, kernel);
  if (x.shape[axis] === 0) {
    throw new ArgumentError('INVALID_ARGUMENT', `${kernel} (webgl): axis ${axis} of shape [${x.shape.join(',')}] is empty`);
  }
  const better = max ? 'v > best' : 'v < best';
  return reduceProgram(
    backend,
    x,
    [axis],
    {
      init: '0.0; float best = 0.0',
      step: `if (r == 0 || (!tkIsNaN(best) && (tkIsNaN(v) || ${better}))) { best = v; acc = float(r); }`,
    },
    'int32',
  );
}

/** Index of the max along `axis` (int32). @example `runKernel('ArgMax', [x], { axis: -1 })` */
export const argMaxWebGL = defineWebGLKernel('ArgMax', ({ inputs, attrs, backend }) =>
  argProgram('ArgMax', backend, inputAt(inputs, 0, 'ArgMax'), attrs.axis, true),
);
/** Index of the min along `axis` (int32). @example `runKernel('ArgMin', [x], { axis: 0 })` */
export const argMinWebGL = defineWebGLKernel('ArgMin', ({ inputs, attrs, backend }) =>
  argProgram('ArgMin', backend, inputAt(inputs, 0, 'ArgMin'), attrs.axis, false),
);

/**
 * Every reduction kernel.
 *
 * @example
 * ```ts
 * use(reductionWebGLKernels);
 * ```
 */
export const reductionWebGLKernels = [sumWebGL, prodWebGL, maxWebGL, minWebGL, allWebGL, anyWebGL, argMaxWebGL, argMinWebGL] as const;
