import { isTensorkitError, type TensorInfo } from '@tensorkit/core';
import { createWebGLBackend, webglKernels, type WebGLBackend } from '@tensorkit/backend-webgl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/*
 * Bad input reaching the kernels directly (the ops check most of it first): every family
 * answers with a TensorkitError naming the kernel, the backend and the shapes.
 */
let backend: WebGLBackend;
beforeAll(async () => {
  backend = await createWebGLBackend();
});
afterAll(() => backend.destroy());

function info(values: number[], shape: number[], dtype: 'float32' | 'int32' = 'float32'): TensorInfo {
  const data = dtype === 'float32' ? Float32Array.from(values) : Int32Array.from(values);
  return { dataId: backend.write(data, shape, dtype), shape, dtype };
}

function run(name: string, inputs: TensorInfo[], attrs: object): TensorInfo {
  const k = webglKernels.find((c) => c.kernelName === name)!;
  return k.kernelFunc({ inputs, attrs: attrs as never, backend }) as TensorInfo;
}

function expectError(fn: () => unknown, code: string, pattern: RegExp): void {
  try {
    fn();
  } catch (e) {
    expect(isTensorkitError(e), String(e)).toBe(true);
    expect((e as { code: string }).code).toBe(code);
    expect((e as Error).message).toMatch(pattern);
    return;
  }
  expect.fail('no error thrown');
}

describe('webgl kernels reject bad input', () => {
  it('binary: mixed dtypes', () => {
    expectError(() => run('Add', [info([1], [1]), info([1], [1], 'int32')], {}), 'DTYPE_MISMATCH', /Add \(webgl\).*float32 and int32/);
  });
  it('BatchMatMul: inner dimensions', () => {
    expectError(
      () => run('BatchMatMul', [info([1, 2, 3, 4, 5, 6], [1, 2, 3]), info([1, 2], [1, 2, 1])], { transposeA: false, transposeB: false }),
      'SHAPE_MISMATCH',
      /BatchMatMul \(webgl\): cannot multiply \[1,2,3\] by \[1,2,1\]/,
    );
  });
  it('Transpose: perm of the wrong rank', () => {
    expectError(() => run('Transpose', [info([1, 2], [1, 2])], { perm: [0] }), 'SHAPE_MISMATCH', /Transpose \(webgl\): perm \[0\]/);
  });
  it('Slice: out of bounds', () => {
    expectError(() => run('Slice', [info([1, 2], [2])], { begin: [1], size: [2], step: [1] }), 'SHAPE_MISMATCH', /Slice \(webgl\)/);
  });
  it('Gather: float indices', () => {
    expectError(() => run('Gather', [info([1, 2], [2]), info([0], [1])], { axis: 0 }), 'DTYPE_MISMATCH', /indices must be int32/);
  });
  it('Conv2D: channel mismatch', () => {
    expectError(
      () => run('Conv2D', [info(new Array(8).fill(1), [1, 2, 2, 2]), info(new Array(3).fill(1), [1, 1, 3, 1])], { strides: [1, 1], pads: [0, 0, 0, 0], dilations: [1, 1], groups: 1 }),
      'SHAPE_MISMATCH',
      /Conv2D/,
    );
  });
  it('MaxPool2DGrad: dy of the wrong shape', () => {
    const attrs = { poolSize: [2, 2], strides: [2, 2], pads: [0, 0, 0, 0], dilations: [1, 1], ceilMode: false };
    expectError(() => run('MaxPool2DGrad', [info([1, 2], [1, 1, 2, 1]), info([1, 2, 3, 4], [1, 2, 2, 1])], attrs), 'SHAPE_MISMATCH', /dy has shape \[1,1,2,1\]/);
  });
  it('an out-of-range gather index reads as NaN, never as a neighbour', async () => {
    const out = run('Gather', [info([1, 2, 3], [3]), info([0, 5, -1], [3], 'int32')], { axis: 0 });
    const values = Array.from((await backend.read(out.dataId)) as Float32Array);
    expect(values[0]).toBe(1);
    expect(values.slice(1).every(Number.isNaN)).toBe(true);
  });
});
