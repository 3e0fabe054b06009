/**
 * The primitive kernel set (DESIGN.md §4) a backend must register: every name declared in
 * `@tensorkit/core`'s `KernelAttrMap`.
 */
import {
  ARITHMETIC_KERNELS, COMPARISON_KERNELS, REDUCTION_KERNELS, UNARY_KERNELS, type ArithmeticKernelName,
  type ComparisonKernelName, type KernelName, type ReductionKernelName, type UnaryKernelName,
} from '@tensorkit/core';

type ListedKernelName = UnaryKernelName | ArithmeticKernelName | ComparisonKernelName | ReductionKernelName;

/**
 * Every key of `KernelAttrMap` outside core's runtime lists, marked `required` (part of the
 * primitive set) or `optional` (a fused kernel a backend may add for speed). `satisfies` makes
 * this exhaustive: when core declares a new kernel, this file stops compiling until the kernel is
 * classified here, so no primitive is silently left out of conformance.
 */
const OTHER_KERNELS = {
  LeakyRelu: 'required',
  HardTanh: 'required',
  Clamp: 'required',
  Step: 'required',
  Where: 'required',
  Cast: 'required',
  ArgMax: 'required',
  ArgMin: 'required',
  BatchMatMul: 'required',
  Transpose: 'required',
  Slice: 'required',
  Concat: 'required',
  Pad: 'required',
  Tile: 'required',
  BroadcastTo: 'required',
  Gather: 'required',
  GatherGrad: 'required',
  TakeAlongAxis: 'required',
  TakeAlongAxisGrad: 'required',
  Conv2D: 'required',
  Conv2DBackpropInput: 'required',
  Conv2DBackpropFilter: 'required',
  MaxPool2D: 'required',
  MaxPool2DGrad: 'required',
  AvgPool2D: 'required',
  AvgPool2DGrad: 'required',
  AdamUpdate: 'optional',
} as const satisfies Record<Exclude<KernelName, ListedKernelName>, 'required' | 'optional'>;

/** The kernel names every backend must register, sorted. */
export const REQUIRED_KERNELS: readonly KernelName[] = [
  ...UNARY_KERNELS,
  ...ARITHMETIC_KERNELS,
  ...COMPARISON_KERNELS,
  ...REDUCTION_KERNELS,
  ...(Object.keys(OTHER_KERNELS) as (keyof typeof OTHER_KERNELS)[]).filter((k) => OTHER_KERNELS[k] === 'required'),
].sort();
