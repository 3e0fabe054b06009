import { computeConv2DInfo, type Conv2DAttrs, type Conv2DInfo } from '@tensorkit/core';
import { assertFloat, assertShape, defineWebGLKernel, inputAt } from '../kernel';
import { runFlat } from '../program';
import { windowsContaining } from '../windows';

/*
 * Direct convolutions with PyTorch's geometry (groups, dilation, asymmetric padding), one output
 * element per fragment. tfjs's conv programs have no groups and pad symmetrically, so these are
 * our own. Layouts: x `[b, h, w, c]`, filter `[kh, kw, inC/groups, outC]`, both row-major.
 */

function geometry(xShape: readonly number[], filterShape: readonly number[], attrs: Conv2DAttrs, op: string): Conv2DInfo {
  return computeConv2DInfo(xShape, filterShape, attrs.strides, attrs.pads, attrs.dilations, attrs.groups, op);
}

const xAt = (g: Conv2DInfo, b: string, y: string, x: string, c: string): string => `((${b} * ${g.inH} + ${y}) * ${g.inW} + ${x}) * ${g.inC} + ${c}`;
const dyAt = (g: Conv2DInfo, b: string, y: string, x: string, c: string): string => `((${b} * ${g.outH} + ${y}) * ${g.outW} + ${x}) * ${g.outC} + ${c}`;
const wAt = (g: Conv2DInfo, ky: string, kx: string, c: string, oc: string): string => `((${ky} * ${g.kw} + ${kx}) * ${g.inCPerGroup} + ${c}) * ${g.outC} + ${oc}`;

/**
 * 2-D convolution (cross-correlation, as PyTorch), NHWC.
 *
 * @example
 * ```ts
 * runKernel('Conv2D', [x, filter], { strides: [1, 1], pads: [1, 1, 1, 1], dilations: [1, 1], groups: 1 });
 * ```
 */
export const conv2DWebGL = defineWebGLKernel('Conv2D', ({ inputs, attrs, backend }) => {
  const x = inputAt(inputs, 0, 'Conv2D');
  const filter = inputAt(inputs, 1, 'Conv2D');
  assertFloat(x, 'x', 'Conv2D');
  assertFloat(filter, 'filter', 'Conv2D');
  const g = geometry(x.shape, filter.shape, attrs, 'Conv2D');
  return runFlat(backend, {
    inputs: [x, filter],
    outShape: [g.batch, g.outH, g.outW, g.outC],
    outDtype: 'float32',
    body: `int oc = i % ${g.outC}; int q = i / ${g.outC}; int ox = q % ${g.outW}; q /= ${g.outW}; int oy = q % ${g.outH}; int b = q / ${g.outH};
      int c0 = (oc / ${g.outCPerGroup}) * ${g.inCPerGroup};
      float acc = 0.0;
      for (int ky = 0; ky < ${g.kh}; ky++) {
        int iy = oy * ${g.strideH} - ${g.padTop} + ky * ${g.dilationH};
        if (iy < 0 || iy >= ${g.inH}) continue;
        for (int kx = 0; kx < ${g.kw}; kx++) {
          int ix = ox * ${g.strideW} - ${g.padLeft} + kx * ${g.dilationW};
          if (ix < 0 || ix >= ${g.inW}) continue;
          for (int c = 0; c < ${g.inCPerGroup}; c++) acc += getX0(${xAt(g, 'b', 'iy', 'ix', 'c0 + c')}) * getX1(${wAt(g, 'ky', 'kx', 'c', 'oc')});
        }
      }
      setOutput(acc);`,
  });
});

/**
 * The gradient of `Conv2D` with respect to its input: inputs `[dy, filter]`, output `inputShape`.
 *
 * @example
 * ```ts
 * runKernel('Conv2DBackpropInput', [dy, filter], { inputShape: [1, 5, 5, 3], strides: [1, 1], pads: [0, 0, 0, 0], dilations: [1, 1], groups: 1 });
 * ```
 */
export const conv2DBackpropInputWebGL = defineWebGLKernel('Conv2DBackpropInput', ({ inputs, attrs, backend }) => {
  const dy = inputAt(inputs, 0, 'Conv2DBackpropInput');
  const filter = inputAt(inputs, 1, 'Conv2DBackpropInput');
  assertFloat(dy, 'dy', 'Conv2DBackpropInput');
  const g = geometry(attrs.inputShape, filter.shape, attrs, 'Conv2DBackpropInput');
  assertShape(dy, [g.batch, g.outH, g.outW, g.outC], 'dy', 'Conv2DBackpropInput');
  return runFlat(backend, {
    inputs: [dy, filter],
    outShape: [...attrs.inputShape],
    outDtype: 'float32',
    body: `int ic = i % ${g.inC}; int q = i / ${g.inC}; int ix = q % ${g.inW}; q /= ${g.inW}; int iy = q % ${g.inH}; int b = q / ${g.inH};
      int grp = ic / ${g.inCPerGroup}; int c = ic - grp * ${g.inCPerGroup}; int oc0 = grp * ${g.outCPerGroup};
      float acc = 0.0;
      ${windowsContaining(g, `for (int o = 0; o < ${g.outCPerGroup}; o++) acc += getX0(${dyAt(g, 'b', 'oy', 'ox', 'oc0 + o')}) * getX1(${wAt(g, 'ky', 'kx', 'c', 'oc0 + o')});`)}
      setOutput(acc);`,
  });
});

/**
 * The gradient of `Conv2D` with respect to its filter: inputs `[x, dy]`, output `filterShape`.
 *
 * @example
 * ```ts
 * runKernel('Conv2DBackpropFilter', [x, dy], { filterShape: [3, 3, 3, 8], strides: [1, 1], pads: [1, 1, 1, 1], dilations: [1, 1], groups: 1 });
 * ```
 */
export const conv2DBackpropFilterWebGL = defineWebGLKernel('Conv2DBackpropFilter', ({ inputs, attrs, backend }) => {
  const x = inputAt(inputs, 0, 'Conv2DBackpropFilter');
  const dy = inputAt(inputs, 1, 'Conv2DBackpropFilter');
  assertFloat(x, 'x', 'Conv2DBackpropFilter');
  const g = geometry(x.shape, attrs.filterShape, attrs, 'Conv2DBackpropFilter');
  assertShape(dy, [g.batch, g.outH, g.outW, g.outC], 'dy', 'Conv2DBackpropFilter');
  return runFlat(backend, {
    inputs: [x, dy],
    outShape: [...attrs.filterShape],
    outDtype: 'float32',
    body: `int oc = i % ${g.outC}; int q = i / ${g.outC}; int c = q % ${g.inCPerGroup}; q /= ${g.inCPerGroup}; int kx = q % ${g.kw}; int ky = q / ${g.kw};
      int ic = (oc / ${g.outCPerGroup}) * ${g.inCPerGroup} + c;
      float acc = 0.0;
      for (int b = 0; b < ${g.batch}; b++) {
        for (int oy = 0; oy < ${g.outH}; oy++) {
          int iy = oy * ${g.strideH} - ${g.padTop} + ky * ${g.dilationH};
          if (iy < 0 || iy >= ${g.inH}) continue;
          for (int ox = 0; ox < ${g.outW}; ox++) {
            int ix = ox * ${g.strideW} - ${g.padLeft} + kx * ${g.dilationW};
            if (ix < 0 || ix >= ${g.inW}) continue;
            acc += getX0(${xAt(g, 'b', 'iy', 'ix', 'ic')}) * getX1(${dyAt(g, 'b', 'oy', 'ox', 'oc')});
          }
        }
      }
      setOutput(acc);`,
  });
});

/**
 * The convolution kernels.
 *
 * @example
 * ```ts
 * use(convWebGLKernels);
 * ```
 */
export const convWebGLKernels = [conv2DWebGL, conv2DBackpropInputWebGL, conv2DBackpropFilterWebGL] as const;
