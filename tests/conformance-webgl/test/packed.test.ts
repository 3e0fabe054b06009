import { ARITHMETIC_KERNELS, COMPARISON_KERNELS, UNARY_KERNELS, type DType, type TensorInfo } from '@tensorkit/core';
import { createWebGLBackend, webglKernels, type WebGLBackend } from '@tensorkit/backend-webgl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/*
 * Elementwise kernels run as packed programs when an operand is already packed on the GPU (a
 * matmul output, an Adam-updated parameter). The packed program applies the flat program's
 * scalar expression to each lane, so both layouts must give the same values bit for bit,
 * special values included, for same-shape, scalar and bias (row vector) operands, odd sizes
 * (padded texels) and int32.
 */
let backend: WebGLBackend;
beforeAll(async () => {
  backend = await createWebGLBackend();
});
afterAll(() => backend.destroy());

const SPECIAL = [0, -0, 1, -1, 2.5, -2.5, 0.5, 1.5, 3, -7, 1e-30, 1e30, 100, -100, NaN, Infinity, -Infinity, 6.5, 0.1, -0.3];
const floats = (n: number, shift: number): number[] => Array.from({ length: n }, (_, i) => SPECIAL[(i + shift) % SPECIAL.length]!);
const ints = (n: number, shift: number): number[] => Array.from({ length: n }, (_, i) => ((i * 7 + shift) % 11) - 5);

function upload(values: number[], shape: number[], dtype: DType, packed: boolean): TensorInfo {
  const data = dtype === 'int32' ? Int32Array.from(values) : Float32Array.from(values);
  const info: TensorInfo = { dataId: backend.write(data, shape, dtype), shape, dtype };
  backend.tfjs.uploadToGPU(info.dataId);
  if (!packed) return info;
  const p = backend.tfjs.packTensor({ dataId: info.dataId, shape, dtype });
  backend.dispose(info.dataId);
  return { dataId: p.dataId, shape, dtype };
}

function run(name: string, inputs: TensorInfo[]): TensorInfo {
  const k = webglKernels.find((c) => c.kernelName === name)!;
  return k.kernelFunc({ inputs, attrs: {} as never, backend }) as TensorInfo;
}

async function bits(info: TensorInfo): Promise<number[]> {
  const values = (await backend.read(info.dataId)) as Float32Array | Int32Array | Uint8Array;
  backend.dispose(info.dataId);
  return Array.from(values, (v) => (Number.isNaN(v) ? NaN : v)).map((v) => (Object.is(v, -0) ? -1e-99 : v));
}

interface Operand {
  values: number[];
  shape: number[];
}

/** The kernel on flat inputs and on the same inputs with `packedAt` packed: equal values. */
async function samePacked(name: string, operands: Operand[], dtype: DType, packedAt: number): Promise<void> {
  const flat = operands.map((o) => upload(o.values, o.shape, dtype, false));
  const mixed = operands.map((o, k) => upload(o.values, o.shape, dtype, k === packedAt));
  const [want, got] = [await bits(run(name, flat)), await bits(run(name, mixed))];
  expect(got, `${name} ${dtype} ${operands.map((o) => JSON.stringify(o.shape)).join(' ')}`).toEqual(want);
  for (const t of [...flat, ...mixed]) backend.dispose(t.dataId);
}

describe('packed elementwise programs compute what the flat ones do', () => {
  it.each(UNARY_KERNELS)('%s', async (name) => {
    await samePacked(name, [{ values: floats(15, 0), shape: [3, 5] }], 'float32', 0);
    await samePacked(name, [{ values: floats(7, 3), shape: [7] }], 'float32', 0);
  });

  it.each([...ARITHMETIC_KERNELS, ...COMPARISON_KERNELS])('%s: same shape, scalar and bias operands', async (name) => {
    const a = { values: floats(15, 0), shape: [3, 5] };
    const cases: [Operand, number][] = [
      [{ values: floats(15, 5), shape: [3, 5] }, 1],
      [{ values: [2.5], shape: [] }, 0],
      [{ values: floats(5, 9), shape: [5] }, 0],
      [{ values: floats(5, 9), shape: [5] }, 1],
    ];
    for (const [b, packedAt] of cases) {
      await samePacked(name, [a, b], 'float32', packedAt);
    }
  });

  it.each(['Add', 'Sub', 'Mul', 'Div', 'Pow', 'Mod', 'Maximum'])('%s on int32', async (name) => {
    await samePacked(name, [{ values: ints(15, 0), shape: [3, 5] }, { values: ints(15, 4), shape: [3, 5] }], 'int32', 0);
  });
});
