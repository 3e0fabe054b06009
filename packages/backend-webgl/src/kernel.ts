import {
  CORE_VERSION,
  DTypeError,
  ShapeError,
  formatShape,
  type KernelArgs,
  type KernelConfig,
  type KernelName,
  type TensorInfo,
} from '@tensorkit/core';
import { PACKAGE_NAME, type WebGLBackend } from './backend';

/**
 * A WebGL kernel config: the tfjs-core shape, with the backend typed as {@link WebGLBackend}.
 *
 * @example
 * ```ts
 * const k: WebGLKernel<'Add'> = addWebGL;
 * ```
 */
export type WebGLKernel<K extends KernelName> = KernelConfig<K, WebGLBackend>;

/**
 * Builds a WebGL kernel plugin object for `kernelName`. The kernel refuses to run on a lost
 * context (a `BackendError`), so a result is never silently wrong.
 *
 * @example
 * ```ts
 * const myNeg = defineWebGLKernel('Neg', ({ inputs: [x], backend }) => unary(backend, x!, '-x', 'same'));
 * ```
 */
export function defineWebGLKernel<K extends KernelName>(
  kernelName: K,
  kernelFunc: (args: KernelArgs<K, WebGLBackend>) => TensorInfo | TensorInfo[],
): WebGLKernel<K> {
  return {
    kind: 'kernel',
    kernelName,
    backendName: 'webgl',
    kernelFunc: (args) => {
      args.backend.assertUsable(kernelName);
      return kernelFunc(args);
    },
    package: PACKAGE_NAME,
    coreVersion: CORE_VERSION,
  };
}

/** Input `i` of a kernel, or a clear error when it is missing. @internal */
export function inputAt(inputs: readonly TensorInfo[], i: number, kernel: string): TensorInfo {
  const x = inputs[i];
  if (x === undefined) {
    throw new ShapeError('SHAPE_MISMATCH', `${kernel} (webgl): expected at least ${i + 1} input(s), got ${inputs.length}`);
  }
  return x;
}

/** Throws unless `a` and `b` have the same dtype. @internal */
export function assertSameDtype(a: TensorInfo, b: TensorInfo, kernel: string): void {
  if (a.dtype !== b.dtype) {
    throw new DTypeError('DTYPE_MISMATCH', `${kernel} (webgl): operands must have one dtype, got ${a.dtype} and ${b.dtype}; cast one of them first`);
  }
}

/** Throws unless `x` is float32. @internal */
export function assertFloat(x: TensorInfo, what: string, kernel: string): void {
  if (x.dtype !== 'float32') {
    throw new DTypeError('DTYPE_MISMATCH', `${kernel} (webgl): ${what} must be float32, got ${x.dtype}; cast it first`);
  }
}

/** Throws unless `x.shape` equals `want`. @internal */
export function assertShape(x: TensorInfo, want: readonly number[], what: string, kernel: string): void {
  if (x.shape.length !== want.length || x.shape.some((d, i) => d !== want[i])) {
    throw new ShapeError('SHAPE_MISMATCH', `${kernel} (webgl): ${what} has shape ${formatShape(x.shape)}, expected ${formatShape(want)}`);
  }
}

/** Throws unless indices are int32. @internal */
export function assertIndices(indices: TensorInfo, kernel: string): void {
  if (indices.dtype !== 'int32') {
    throw new DTypeError('DTYPE_MISMATCH', `${kernel} (webgl): indices must be int32, got ${indices.dtype}; cast them first`);
  }
}
