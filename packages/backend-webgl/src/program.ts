import { sizeFromShape, type DType, type TensorInfo } from '@tensorkit/core';
import type { WebGLBackend } from './backend';
import { GLSL_PRELUDE } from './glsl';

/**
 * A program over the flat (row-major) output: `body` sees `int i`, the output's flat index, reads
 * input `k` with `getXk(int flatIndex)`, and calls `setOutput(float)`.
 *
 * @example
 * ```ts
 * const p: FlatProgram = { inputs: [x], outShape: x.shape, outDtype: 'float32', body: 'setOutput(getX0(i) * 2.0);' };
 * ```
 */
export interface FlatProgram {
  readonly inputs: readonly TensorInfo[];
  readonly outShape: readonly number[];
  readonly outDtype: DType;
  readonly body: string;
  /** GLSL functions placed before `main`. */
  readonly functions?: string;
  /** `uniform float` values the body reads by name; they change without recompiling the shader. */
  readonly uniforms?: Readonly<Record<string, number>>;
}

/**
 * Runs a {@link FlatProgram}. Inputs and output are viewed as 1-D, so programs work for any rank
 * and compute their own indices; packed inputs (tfjs's matmul layout) are unpacked first.
 *
 * @example
 * ```ts
 * const doubled = runFlat(backend, { inputs: [x], outShape: x.shape, outDtype: 'float32', body: 'setOutput(getX0(i) * 2.0);' });
 * ```
 */
export function runFlat(backend: WebGLBackend, p: FlatProgram): TensorInfo {
  const size = sizeFromShape(p.outShape);
  const temps: TensorInfo[] = [];
  const flat = p.inputs.map((x) => {
    const data = backend.tfjs.texData.get(x.dataId);
    if (data?.isPacked === true && data.texture != null) {
      const unpacked = backend.tfjs.unpackTensor({ dataId: x.dataId, shape: [...data.shape], dtype: x.dtype });
      const info: TensorInfo = { dataId: unpacked.dataId, shape: unpacked.shape, dtype: x.dtype };
      temps.push(info);
      return { dataId: info.dataId, shape: [sizeFromShape(x.shape)], dtype: x.dtype };
    }
    return { dataId: x.dataId, shape: [sizeFromShape(x.shape)], dtype: x.dtype };
  });
  const program = {
    variableNames: p.inputs.map((_, k) => `x${k}`),
    outputShape: [size],
    enableShapeUniforms: true,
    customUniforms: Object.keys(p.uniforms ?? {}).map((name) => ({ name, type: 'float' as const })),
    userCode: `${GLSL_PRELUDE}\n${p.functions ?? ''}\nvoid main() {\n  int i = getOutputCoords();\n  ${p.body}\n}\n`,
  };
  try {
    const out = backend.runProgram(program, flat, p.outDtype, Object.values(p.uniforms ?? {}).map((v) => [v]));
    return { dataId: out.dataId, shape: p.outShape, dtype: p.outDtype };
  } finally {
    for (const t of temps) backend.disposeTemp(t);
  }
}
