import type { AvgPool2DAttrs, Pool2DAttrs } from '@tensorkit/core';
import { runKernel } from '@tensorkit/tensor';
import type { GradFunc } from '../gradient-types';

/** The forward geometry of average pooling's attrs (without AvgPool2DGrad's `inputShape`). */
function avgAttrs(attrs: unknown): AvgPool2DAttrs {
  const { poolSize, strides, pads, dilations, ceilMode, countIncludePad, divisorOverride } = attrs as AvgPool2DAttrs;
  return { poolSize, strides, pads, dilations, ceilMode, countIncludePad, divisorOverride };
}

/*
 * Pooling gradients, calling the kernels directly with the saved attrs (see conv.ts for why).
 * AvgPool2DGrad is linear in dy and its adjoint is avgPool2d itself, so average pooling has
 * gradients of every order. MaxPool2DGrad has none yet: its adjoint selects dy at each window's
 * argmax, which needs a kernel of its own (it is listed as missing).
 */
export const POOL_GRADIENTS: Record<string, GradFunc> = {
  MaxPool2D: (dy, { inputs: [x], attrs }) => [runKernel('MaxPool2DGrad', [dy, x!], attrs as Pool2DAttrs)],
  AvgPool2D: (dy, { inputs: [x], attrs }) => [runKernel('AvgPool2DGrad', [dy], { ...avgAttrs(attrs), inputShape: x!.shape })],
  AvgPool2DGrad: (ddx, { attrs }) => [runKernel('AvgPool2D', [ddx], avgAttrs(attrs))],
};
