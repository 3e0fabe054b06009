import { computePool2DInfo, type AvgPool2DAttrs, type Pool2DAttrs, type Pool2DInfo } from '@tensorkit/core';
import { assertFloat, assertShape, defineWebGLKernel, inputAt } from '../kernel';
import { runFlat } from '../program';
import { windowsContaining } from '../windows';

/*
 * Pooling with PyTorch's geometry (ceil mode, dilation, asymmetric padding, countIncludePad,
 * divisorOverride), one output element per fragment. The backward kernels loop over the windows
 * that contain an input element, so no scatter is needed.
 */

function geometry(xShape: readonly number[], attrs: Pool2DAttrs, op: string): Pool2DInfo {
  return computePool2DInfo(xShape, attrs.poolSize, attrs.strides, attrs.pads, attrs.dilations, attrs.ceilMode, op);
}

const outShapeOf = (g: Pool2DInfo): number[] => [g.batch, g.outH, g.outW, g.channels];
const at = (h: number, w: number, c: number, b: string, y: string, x: string, ch: string): string => `((${b} * ${h} + ${y}) * ${w} + ${x}) * ${c} + ${ch}`;
const OUT_COORDS = (g: Pool2DInfo): string =>
  `int c = i % ${g.channels}; int q = i / ${g.channels}; int ox = q % ${g.outW}; q /= ${g.outW}; int oy = q % ${g.outH}; int b = q / ${g.outH};`;
const IN_COORDS = (g: Pool2DInfo): string =>
  `int c = i % ${g.channels}; int q = i / ${g.channels}; int ix = q % ${g.inW}; q /= ${g.inW}; int iy = q % ${g.inH}; int b = q / ${g.inH};`;

/** `int tkArgmax(b, oy, ox, c)`: the flat offset of a window's max in x (read by `getter`). */
function argmaxFunction(g: Pool2DInfo, getter: string): string {
  return `int tkArgmax(int b, int oy, int ox, int c) {
    int arg = -1; float best = -tkInf();
    for (int ky = 0; ky < ${g.kh}; ky++) {
      int iy = oy * ${g.strideH} - ${g.padTop} + ky * ${g.dilationH};
      if (iy < 0 || iy >= ${g.inH}) continue;
      for (int kx = 0; kx < ${g.kw}; kx++) {
        int ix = ox * ${g.strideW} - ${g.padLeft} + kx * ${g.dilationW};
        if (ix < 0 || ix >= ${g.inW}) continue;
        int p = ${at(g.inH, g.inW, g.channels, 'b', 'iy', 'ix', 'c')};
        float v = ${getter}(p);
        if (v > best || tkIsNaN(v) || arg < 0) { best = v; arg = p; }
      }
    }
    return arg;
  }`;
}

/** `float tkDivisor(oy, ox)`: PyTorch's average-pool divisor of a window. */
function divisorFunction(g: Pool2DInfo, attrs: AvgPool2DAttrs): string {
  if (attrs.divisorOverride > 0) return `float tkDivisor(int oy, int ox) { return ${attrs.divisorOverride}.0; }`;
  const count = (o: string, s: number, pad: number, d: number, k: number, size: number, padAfter: number): string =>
    `int n${o} = 0; int v${o} = 0; for (int j = 0; j < ${k}; j++) { int p = ${o} * ${s} - ${pad} + j * ${d}; if (p < ${size + padAfter}) n${o}++; if (p >= 0 && p < ${size}) v${o}++; }`;
  return `float tkDivisor(int oy, int ox) {
    ${count('oy', g.strideH, g.padTop, g.dilationH, g.kh, g.inH, g.padBottom)}
    ${count('ox', g.strideW, g.padLeft, g.dilationW, g.kw, g.inW, g.padRight)}
    return float(${attrs.countIncludePad ? 'noy * nox' : 'voy * vox'});
  }`;
}

/**
 * 2-D max pooling (NHWC), padding with -inf, with dilation and ceil mode; NaN wins, as in PyTorch.
 *
 * @example
 * ```ts
 * runKernel('MaxPool2D', [x], { poolSize: [2, 2], strides: [2, 2], pads: [0, 0, 0, 0], dilations: [1, 1], ceilMode: false });
 * ```
 */
export const maxPool2DWebGL = defineWebGLKernel('MaxPool2D', ({ inputs, attrs, backend }) => {
  const x = inputAt(inputs, 0, 'MaxPool2D');
  assertFloat(x, 'x', 'MaxPool2D');
  const g = geometry(x.shape, attrs, 'MaxPool2D');
  return runFlat(backend, {
    inputs: [x],
    outShape: outShapeOf(g),
    outDtype: 'float32',
    functions: argmaxFunction(g, 'getX0'),
    body: `${OUT_COORDS(g)} setOutput(getX0(tkArgmax(b, oy, ox, c)));`,
  });
});

/**
 * The gradient of `MaxPool2D`: inputs `[dy, x]`; each `dy` goes to its window's argmax, accumulating.
 *
 * @example
 * ```ts
 * runKernel('MaxPool2DGrad', [dy, x], { poolSize: [2, 2], strides: [2, 2], pads: [0, 0, 0, 0], dilations: [1, 1], ceilMode: false });
 * ```
 */
export const maxPool2DGradWebGL = defineWebGLKernel('MaxPool2DGrad', ({ inputs, attrs, backend }) => {
  const dy = inputAt(inputs, 0, 'MaxPool2DGrad');
  const x = inputAt(inputs, 1, 'MaxPool2DGrad');
  assertFloat(x, 'x', 'MaxPool2DGrad');
  const g = geometry(x.shape, attrs, 'MaxPool2DGrad');
  assertShape(dy, outShapeOf(g), 'dy', 'MaxPool2DGrad');
  return runFlat(backend, {
    inputs: [dy, x],
    outShape: x.shape,
    outDtype: 'float32',
    functions: argmaxFunction(g, 'getX1'),
    body: `${IN_COORDS(g)} float acc = 0.0;
      ${windowsContaining(g, `if (tkArgmax(b, oy, ox, c) == i) acc += getX0(${at(g.outH, g.outW, g.channels, 'b', 'oy', 'ox', 'c')});`)}
      setOutput(acc);`,
  });
});

/**
 * 2-D average pooling (NHWC), zero padding, PyTorch's divisor rules.
 *
 * @example
 * ```ts
 * runKernel('AvgPool2D', [x], { poolSize: [3, 3], strides: [2, 2], pads: [1, 1, 1, 1], dilations: [1, 1], ceilMode: true, countIncludePad: true, divisorOverride: 0 });
 * ```
 */
export const avgPool2DWebGL = defineWebGLKernel('AvgPool2D', ({ inputs, attrs, backend }) => {
  const x = inputAt(inputs, 0, 'AvgPool2D');
  assertFloat(x, 'x', 'AvgPool2D');
  const g = geometry(x.shape, attrs, 'AvgPool2D');
  return runFlat(backend, {
    inputs: [x],
    outShape: outShapeOf(g),
    outDtype: 'float32',
    functions: divisorFunction(g, attrs),
    body: `${OUT_COORDS(g)} float acc = 0.0;
      for (int ky = 0; ky < ${g.kh}; ky++) {
        int iy = oy * ${g.strideH} - ${g.padTop} + ky * ${g.dilationH};
        if (iy < 0 || iy >= ${g.inH}) continue;
        for (int kx = 0; kx < ${g.kw}; kx++) {
          int ix = ox * ${g.strideW} - ${g.padLeft} + kx * ${g.dilationW};
          if (ix < 0 || ix >= ${g.inW}) continue;
          acc += getX0(${at(g.inH, g.inW, g.channels, 'b', 'iy', 'ix', 'c')});
        }
      }
      setOutput(acc / tkDivisor(oy, ox));`,
  });
});

/**
 * The gradient of `AvgPool2D`: input `[dy]`, output `inputShape`.
 *
 * @example
 * ```ts
 * runKernel('AvgPool2DGrad', [dy], { inputShape: [1, 4, 4, 1], poolSize: [2, 2], strides: [2, 2], pads: [0, 0, 0, 0], dilations: [1, 1], ceilMode: false, countIncludePad: true, divisorOverride: 0 });
 * ```
 */
export const avgPool2DGradWebGL = defineWebGLKernel('AvgPool2DGrad', ({ inputs, attrs, backend }) => {
  const dy = inputAt(inputs, 0, 'AvgPool2DGrad');
  assertFloat(dy, 'dy', 'AvgPool2DGrad');
  const g = geometry(attrs.inputShape, attrs, 'AvgPool2DGrad');
  assertShape(dy, outShapeOf(g), 'dy', 'AvgPool2DGrad');
  return runFlat(backend, {
    inputs: [dy],
    outShape: [...attrs.inputShape],
    outDtype: 'float32',
    functions: divisorFunction(g, attrs),
    body: `${IN_COORDS(g)} float acc = 0.0;
      ${windowsContaining(g, `acc += getX0(${at(g.outH, g.outW, g.channels, 'b', 'oy', 'ox', 'c')}) / tkDivisor(oy, ox);`)}
      setOutput(acc);`,
  });
});

/**
 * The pooling kernels.
 *
 * @example
 * ```ts
 * use(poolWebGLKernels);
 * ```
 */
export const poolWebGLKernels = [maxPool2DWebGL, maxPool2DGradWebGL, avgPool2DWebGL, avgPool2DGradWebGL] as const;
