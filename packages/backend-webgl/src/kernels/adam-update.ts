import { ShapeError, formatShape, shapesEqual, type AdamUpdateAttrs, type TensorInfo } from '@tensorkit/core';
import type { WebGLBackend } from '../backend';
import { defineWebGLKernel } from '../kernel';
import { canPack, runPacked, withPackedInputs } from '../packed';
import { runFlat } from '../program';

type Output = 'param' | 'm' | 'v' | 'vMax';

const MAX_NAN = `
bvec4 tkIsNaN4(vec4 v) { return greaterThan(floatBitsToUint(v) & 0x7fffffffu, uvec4(0x7f800000u)); }
vec4 tkMaxNaN(vec4 a, vec4 b) { return mix(mix(max(a, b), a, tkIsNaN4(a)), b, tkIsNaN4(b)); }
float tkMaxNaN(float a, float b) { return tkIsNaN(a) || tkIsNaN(b) ? tkNaN() : max(a, b); }
`;

/**
 * GLSL computing one output of the step from `param, grad, m, v[, vMax]`, read as `x0…x4` of
 * type `T` (`float`, or `vec4` for four packed values), in the CPU kernel's order. Each output's
 * program recomputes the few multiply-adds it needs: cheaper than a pass per intermediate.
 */
function stepBody(output: Output, T: 'float' | 'vec4', l2: boolean, amsgrad: boolean): string {
  const g = `${T} g = ${l2 ? 'x1 + adamWeightDecay * x0' : 'x1'};`;
  const m = `${T} m = adamBeta1 * x2 + adamC1 * g;`;
  const v = `${T} v = adamBeta2 * x3 + adamC2 * g * g;`;
  switch (output) {
    case 'm':
      return `${g} ${m} setOutput(m);`;
    case 'v':
      return `${g} ${v} setOutput(v);`;
    case 'vMax':
      return `${g} ${v} setOutput(tkMaxNaN(x4, v));`;
    case 'param':
      return `${g} ${m} ${v} ${amsgrad ? 'v = tkMaxNaN(x4, v);' : ''} setOutput(x0 * adamParamScale - adamStepSize * m / (sqrt(v) + adamEpsHat));`;
  }
}

function runStep(backend: WebGLBackend, inputs: readonly TensorInfo[], output: Output, attrs: AdamUpdateAttrs): TensorInfo {
  const { beta1, beta2, stepSize, epsHat, weightDecay, paramScale, amsgrad } = attrs;
  const uniforms = {
    adamBeta1: beta1,
    adamBeta2: beta2,
    adamC1: 1 - beta1,
    adamC2: 1 - beta2,
    adamStepSize: stepSize,
    adamEpsHat: epsHat,
    adamWeightDecay: weightDecay,
    adamParamScale: paramScale,
  };
  const shape = inputs[0]!.shape;
  const l2 = weightDecay !== 0;
  if (canPack(shape)) {
    const body = stepBody(output, 'vec4', l2, amsgrad);
    return runPacked(backend, { inputs, outShape: shape, outDtype: 'float32', body, functions: MAX_NAN, uniforms });
  }
  const reads = inputs.map((_, k) => `float x${k} = getX${k}(i);`).join(' ');
  const body = `${reads} ${stepBody(output, 'float', l2, amsgrad)}`;
  return runFlat(backend, { inputs, outShape: shape, outDtype: 'float32', body, functions: MAX_NAN, uniforms });
}

/**
 * The fused Adam/AdamW update (core's `AdamUpdateAttrs`): one program per output (`param, m, v`,
 * plus `vMax` with amsgrad), each recomputing the shared multiply-adds, instead of about a dozen
 * elementwise passes. The programs work on tfjs's packed layout (four values per pixel), so
 * parameters and moments stay packed between steps and feed tfjs's packed matmul without
 * repacking. Step-dependent values are uniforms: one compiled shader serves every step.
 *
 * @example
 * ```ts
 * const [p, m, v] = runKernelMulti('AdamUpdate', [param, grad, m0, v0], attrs);
 * ```
 */
export const adamUpdateWebGL = defineWebGLKernel('AdamUpdate', ({ inputs, attrs, backend }) => {
  const expected = attrs.amsgrad ? 5 : 4;
  const shape = inputs[0]?.shape ?? [];
  if (inputs.length !== expected || inputs.some((t) => t.dtype !== 'float32' || !shapesEqual(t.shape, shape))) {
    throw new ShapeError(
      'SHAPE_MISMATCH',
      `AdamUpdate (webgl): expected ${expected} float32 tensors of one shape (param, grad, m, v${attrs.amsgrad ? ', vMax' : ''}), ` +
        `got ${inputs.map((t) => `${formatShape(t.shape)} ${t.dtype}`).join(', ')}`,
    );
  }
  const outputs: Output[] = attrs.amsgrad ? ['param', 'm', 'v', 'vMax'] : ['param', 'm', 'v'];
  if (!canPack(shape)) return outputs.map((o) => runStep(backend, inputs, o, attrs));
  return withPackedInputs(backend, inputs, (packed) => outputs.map((o) => runStep(backend, packed, o, attrs)));
});
