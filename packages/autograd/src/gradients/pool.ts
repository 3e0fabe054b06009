import type { AvgPool2DAttrs, Pool2DAttrs } from '@tensorkit/core';
import { avgPool2d, avgPool2dGrad, maxPool2dGrad, type AvgPool2DOptions, type MaxPool2DOptions } from '@tensorkit/tensor';
import type { GradFunc } from '../gradient-types';

function maxOptions(a: Pool2DAttrs): MaxPool2DOptions {
  return {
    poolSize: a.poolSize as [number, number],
    strides: a.strides as [number, number],
    padding: [a.pads[0], a.pads[2]],
    dilation: a.dilations as [number, number],
    ceilMode: a.ceilMode,
  };
}

function avgOptions(a: AvgPool2DAttrs): AvgPool2DOptions {
  const { dilation: _unused, ...base } = maxOptions(a);
  return { ...base, countIncludePad: a.countIncludePad, ...(a.divisorOverride > 0 ? { divisorOverride: a.divisorOverride } : {}) };
}

/*
 * Pooling gradients. AvgPool2DGrad is linear in dy and its adjoint is avgPool2d itself, so
 * average pooling has gradients of every order. MaxPool2DGrad has none yet: its adjoint selects
 * dy at each window's argmax, which needs a kernel of its own (it is listed as missing).
 */
export const POOL_GRADIENTS: Record<string, GradFunc> = {
  MaxPool2D: (dy, { inputs: [x], attrs }) => [maxPool2dGrad(dy, x!, maxOptions(attrs as Pool2DAttrs))],
  AvgPool2D: (dy, { inputs: [x], attrs }) => [avgPool2dGrad(dy, x!.shape, avgOptions(attrs as AvgPool2DAttrs))],
  AvgPool2DGrad: (ddx, { attrs }) => [avgPool2d(ddx, avgOptions(attrs as AvgPool2DAttrs))],
};
