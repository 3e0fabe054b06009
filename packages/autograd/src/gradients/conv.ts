import { conv2d, conv2dBackpropFilter, conv2dBackpropInput, type Conv2DOptions, type Tensor } from '@tensorkit/tensor';
import type { Conv2DAttrs } from '@tensorkit/core';
import { needsInputGrad, type GradFunc, type SavedTensors } from '../gradient-types';

/** The op options that reproduce a kernel's geometry. */
function optionsOf(attrs: Conv2DAttrs): Conv2DOptions {
  const [top, bottom, left, right] = attrs.pads;
  return {
    strides: attrs.strides as [number, number],
    padding: [[top, bottom], [left, right]],
    dilation: attrs.dilations as [number, number],
    groups: attrs.groups,
  };
}

/** The gradients of a two-input kernel, each computed only when needed (see `needsInputGrad`). */
function bothGrads(saved: SavedTensors, first: () => Tensor, second: () => Tensor): (Tensor | null)[] {
  return [needsInputGrad(saved, 0) ? first() : null, needsInputGrad(saved, 1) ? second() : null];
}

/*
 * conv2d is bilinear in (x, filter); its two backward kernels are the partial adjoints. Each
 * backward kernel's own gradients are again conv ops, which is what makes double backward
 * through conv nets work.
 */
export const CONV_GRADIENTS: Record<string, GradFunc> = {
  Conv2D: (dy, saved) => {
    const [x, filter] = saved.inputs;
    const o = optionsOf(saved.attrs as Conv2DAttrs);
    return bothGrads(
      saved,
      () => conv2dBackpropInput(dy, filter!, x!.shape, o),
      () => conv2dBackpropFilter(x!, dy, filter!.shape, o),
    );
  },
  // dx = B_in(dy, W): d/d(dy) = conv2d(ddx, W); d/dW = B_filter(ddx, dy).
  Conv2DBackpropInput: (ddx, saved) => {
    const [dy, filter] = saved.inputs;
    const o = optionsOf(saved.attrs as Conv2DAttrs);
    return bothGrads(
      saved,
      () => conv2d(ddx, filter!, o),
      () => conv2dBackpropFilter(ddx, dy!, filter!.shape, o),
    );
  },
  // dW = B_filter(x, dy): d/dx = B_in(dy, ddW); d/d(dy) = conv2d(x, ddW).
  Conv2DBackpropFilter: (ddw, saved) => {
    const [x, dy] = saved.inputs;
    const o = optionsOf(saved.attrs as Conv2DAttrs);
    return bothGrads(
      saved,
      () => conv2dBackpropInput(dy!, ddw, x!.shape, o),
      () => conv2d(x!, ddw, o),
    );
  },
};
