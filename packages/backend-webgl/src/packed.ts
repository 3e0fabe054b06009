import { shapesEqual, sizeFromShape, type DType, type TensorInfo } from '@tensorkit/core';
import type { WebGLBackend } from './backend';
import { GLSL_PRELUDE } from './glsl';

/**
 * An elementwise program over tfjs's packed layout (2×2 values per RGBA texel, tfjs's matmul
 * layout): `body` sees `vec4 x0, x1, …`, input `k` at the output's texel (inputs have the
 * output's shape), and calls `setOutput(vec4)`. Four values per pixel instead of one, and no
 * unpacking of the packed operands tfjs's matmul produces and consumes.
 *
 * @example
 * ```ts
 * const p: PackedProgram = { inputs: [x], outShape: x.shape, outDtype: 'float32', body: 'setOutput(x0 * 2.0);' };
 * ```
 */
export interface PackedProgram {
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
 * Whether tfjs's packed samplers cover `shape`: ranks 1 to 4 (the ranks of parameters, whose
 * packed layout matmul shares); other ranks go through the flat programs.
 *
 * @example
 * ```ts
 * canPack([784, 256]); // true
 * ```
 */
export function canPack(shape: readonly number[]): boolean {
  return shape.length >= 1 && shape.length <= 4;
}

/**
 * Runs a {@link PackedProgram}; tfjs packs unpacked inputs first (uploading host data packed
 * directly), and the output stays packed until a flat program or a read unpacks it.
 *
 * @example
 * ```ts
 * const doubled = runPacked(backend, { inputs: [x], outShape: x.shape, outDtype: 'float32', body: 'setOutput(x0 * 2.0);' });
 * ```
 */
export function runPacked(backend: WebGLBackend, p: PackedProgram): TensorInfo {
  const names = p.inputs.map((_, k) => `x${k}`);
  const reads = names.map((n) => `vec4 ${n} = get${n.toUpperCase()}AtOutCoords();`).join(' ');
  const uniforms = p.uniforms ?? {};
  const program = {
    variableNames: names,
    outputShape: [...p.outShape],
    packedInputs: true,
    packedOutput: true,
    enableShapeUniforms: true,
    customUniforms: Object.keys(uniforms).map((name) => ({ name, type: 'float' as const })),
    userCode: `${GLSL_PRELUDE}\n${p.functions ?? ''}\nvoid main() {\n  ${reads}\n  ${p.body}\n}\n`,
  };
  const out = backend.runProgram(program, p.inputs, p.outDtype, Object.values(uniforms).map((v) => [v]));
  return { dataId: out.dataId, shape: p.outShape, dtype: p.outDtype };
}

/**
 * Runs `fn` on packed views of `inputs`: an input on the GPU in the flat layout is packed once
 * here (and the copy freed after), so several packed programs over it share one packing pass
 * (tfjs would pack it again for each program). Host data is left to tfjs, which uploads it packed.
 *
 * @example
 * ```ts
 * const [p, m] = withPackedInputs(backend, [a, b], (xs) => [runPacked(backend, { ... }), runPacked(backend, { ... })]);
 * ```
 */
export function withPackedInputs<T>(backend: WebGLBackend, inputs: readonly TensorInfo[], fn: (packed: TensorInfo[]) => T): T {
  const temps: TensorInfo[] = [];
  const packed = inputs.map((x) => {
    const data = backend.tfjs.texData.get(x.dataId);
    if (data === undefined || data.texture == null || data.isPacked === true) return x;
    const p = backend.tfjs.packTensor({ dataId: x.dataId, shape: [...x.shape], dtype: x.dtype });
    const info: TensorInfo = { dataId: p.dataId, shape: x.shape, dtype: x.dtype };
    temps.push(info);
    return info;
  });
  try {
    return fn(packed);
  } finally {
    for (const t of temps) backend.disposeTemp(t);
  }
}

/** Whether `x` is on the GPU in the packed layout (a matmul or packed program made it). */
function isPackedOnGpu(backend: WebGLBackend, x: TensorInfo): boolean {
  const data = backend.tfjs.texData.get(x.dataId);
  return data !== undefined && data.texture != null && data.isPacked === true;
}

/**
 * Whether tfjs's packed sampler reads `x` broadcast to `outShape` as we need: the same shape, a
 * single value, or a row vector along the last axis (a bias).
 */
function packedReadable(x: TensorInfo, outShape: readonly number[]): boolean {
  if (shapesEqual(x.shape, outShape) || sizeFromShape(x.shape) === 1) return true;
  return x.shape.length === 1 && outShape.length >= 2 && x.shape[0] === outShape[outShape.length - 1];
}

/**
 * Runs an elementwise function as a packed program when that avoids layout changes: some input is
 * already packed on the GPU (a matmul output, a parameter updated by `AdamUpdate`) and every input
 * is readable packed. Then the output stays packed (the next matmul takes it as is, and no pass
 * unpacks the matmul's output). `expr` is the same scalar GLSL expression as the flat program's,
 * over the scalars named in `params`, applied to each of the four lanes, so both layouts compute
 * identical values. Returns `undefined` when the flat program should run instead.
 *
 * @example
 * ```ts
 * const out = packedElementwise(backend, [a, b], outShape, 'float32', ['a', 'b'], 'a + b') ?? flatFallback();
 * ```
 */
export function packedElementwise(
  backend: WebGLBackend,
  inputs: readonly TensorInfo[],
  outShape: readonly number[],
  outDtype: DType,
  params: readonly string[],
  expr: string,
  functions = '',
): TensorInfo | undefined {
  if (!canPack(outShape) || sizeFromShape(outShape) === 0) return undefined;
  if (!inputs.some((x) => isPackedOnGpu(backend, x)) || !inputs.every((x) => packedReadable(x, outShape))) return undefined;
  const lane = (c: string): string => `tkLane(${inputs.map((_, k) => `x${k}.${c}`).join(', ')})`;
  return runPacked(backend, {
    inputs,
    outShape,
    outDtype,
    functions: `${functions}\nfloat tkLane(${params.map((p) => `float ${p}`).join(', ')}) { return ${expr}; }`,
    body: `setOutput(vec4(${['x', 'y', 'z', 'w'].map(lane).join(', ')}));`,
  });
}
