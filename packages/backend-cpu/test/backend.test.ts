import {
  ARITHMETIC_KERNELS,
  COMPARISON_KERNELS,
  CORE_VERSION,
  REDUCTION_KERNELS,
  UNARY_KERNELS,
  getKernel,
  isTensorkitError,
  listKernels,
  lookup,
  type KernelName,
} from '@tensorkit/core';
import { describe, expect, it } from 'vitest';
import { CpuBackend, CpuData, convKernels, cpuBackend, cpuBaseKernels, cpuKernels, poolKernels } from '../src/index';

/** The primitive kernel set `KernelAttrMap` declares (the non-family ones listed by hand). */
const ALL_KERNELS: KernelName[] = [
  ...UNARY_KERNELS, ...ARITHMETIC_KERNELS, ...COMPARISON_KERNELS, ...REDUCTION_KERNELS,
  'LeakyRelu', 'HardTanh', 'Clamp', 'Step', 'Where', 'Cast', 'ArgMax', 'ArgMin', 'BatchMatMul',
  'Transpose', 'Slice', 'Concat', 'Pad', 'Tile', 'BroadcastTo', 'Gather', 'GatherGrad', 'TakeAlongAxis',
  'TakeAlongAxisGrad', 'Conv2D', 'Conv2DBackpropInput', 'Conv2DBackpropFilter', 'MaxPool2D', 'MaxPool2DGrad',
  'AvgPool2D', 'AvgPool2DGrad',
];
/** Optional fused kernels core declares; the CPU backend may provide them on top of the primitives. */
const FUSED_KERNELS: string[] = ['AdamUpdate'];

function expectPrimitiveSet(names: readonly string[]): void {
  expect(names.filter((n) => !ALL_KERNELS.includes(n as KernelName) && !FUSED_KERNELS.includes(n))).toEqual([]);
  expect(ALL_KERNELS.filter((n) => !names.includes(n))).toEqual([]);
}

describe('CpuBackend storage', () => {
  it('keeps the written array without copying and counts memory', async () => {
    const b = new CpuBackend();
    const values = new Float32Array([1, 2, 3]);
    const id = b.write(values, [3], 'float32');
    expect(id).toBeInstanceOf(CpuData);
    expect(b.readSync(id)).toBe(values);
    expect(await b.read(id)).toBe(values);
    const id2 = b.write(new Uint8Array(5), [5], 'bool');
    expect(b.memory()).toEqual({ numDataIds: 2, numBytes: 17 });
    b.dispose(id);
    b.dispose(id);
    expect(b.memory()).toEqual({ numDataIds: 1, numBytes: 5 });
    expect((id as CpuData).values).toBeUndefined();
    expect(() => b.readSync(id)).toThrow(/disposed/);
    await expect(b.read(id)).rejects.toThrow(/disposed/);
    b.dispose(id2);
    expect(b.memory()).toEqual({ numDataIds: 0, numBytes: 0 });
  });

  it('makeOutput returns a TensorInfo over the given array', () => {
    const b = new CpuBackend();
    const v = new Int32Array([4, 5]);
    const info = b.makeOutput(v, [2], 'int32');
    expect(info.shape).toEqual([2]);
    expect(info.dtype).toBe('int32');
    expect(b.values(info)).toBe(v);
  });

  it('rejects foreign data handles with a TensorkitError', () => {
    const b = new CpuBackend();
    let err: unknown;
    try {
      b.readSync({});
    } catch (e) {
      err = e;
    }
    expect(isTensorkitError(err, 'INVALID_ARGUMENT')).toBe(true);
  });
});

describe('plugins', () => {
  it('describes the backend plugin', () => {
    expect(cpuBackend).toMatchObject({ kind: 'backend', name: 'cpu', priority: 1, package: '@tensorkit/backend-cpu', coreVersion: CORE_VERSION });
    expect(cpuBackend.create()).toBeInstanceOf(CpuBackend);
  });

  it('implements every kernel declared in core, once each', () => {
    const names = cpuKernels.map((k) => k.kernelName);
    expect(new Set(names).size).toBe(names.length);
    expectPrimitiveSet(names);
    for (const k of cpuKernels) {
      expect(k).toMatchObject({ kind: 'kernel', backendName: 'cpu', package: '@tensorkit/backend-cpu', coreVersion: CORE_VERSION });
    }
  });

  it('cpuBaseKernels is every kernel but the conv and pool families, which complete it to cpuKernels', () => {
    const names = (ks: readonly { kernelName: string }[]) => ks.map((k) => k.kernelName).sort();
    const convPool = names([...convKernels, ...poolKernels]);
    expect(convPool).toEqual(['AvgPool2D', 'AvgPool2DGrad', 'Conv2D', 'Conv2DBackpropFilter', 'Conv2DBackpropInput', 'MaxPool2D', 'MaxPool2DGrad']);
    expect(names(cpuBaseKernels)).toEqual(names(cpuKernels).filter((n) => !convPool.includes(n)));
    expect(names(cpuBaseKernels)).toEqual(expect.arrayContaining(['BatchMatMul', 'Relu', 'Gather', 'AdamUpdate', 'Concat']));
  });

  it('registers everything through the ./register entry', async () => {
    await import('../src/register');
    expect(lookup('backend', 'cpu')).toBe(cpuBackend);
    expectPrimitiveSet(listKernels('cpu'));
    expect(listKernels('cpu')).toHaveLength(cpuKernels.length);
    expect(getKernel('cpu', 'BatchMatMul')?.kernelName).toBe('BatchMatMul');
  });
});
