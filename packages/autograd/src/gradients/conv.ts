import { conv2d, conv2dBackpropFilter, conv2dBackpropInput, type Conv2DOptions } from '@tensorkit/tensor';
import type { Conv2DAttrs } from '@tensorkit/core';
import type { GradFunc } from '../gradient-types';

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

/*
 * conv2d is bilinear in (x, filter); its two backward kernels are the partial adjoints. Each
 * backward kernel's own gradients are again conv ops, which is what makes double backward
 * through conv nets work.
 */
export const CONV_GRADIENTS: Record<string, GradFunc> = {
  Conv2D: (dy, { inputs: [x, filter], attrs }) => {
    const o = optionsOf(attrs as Conv2DAttrs);
    return [conv2dBackpropInput(dy, filter!, x!.shape, o), conv2dBackpropFilter(x!, dy, filter!.shape, o)];
  },
  // dx = B_in(dy, W): d/d(dy) = conv2d(ddx, W); d/dW = B_filter(ddx, dy).
  Conv2DBackpropInput: (ddx, { inputs: [dy, filter], attrs }) => {
    const o = optionsOf(attrs as Conv2DAttrs);
    return [conv2d(ddx, filter!, o), conv2dBackpropFilter(ddx, dy!, filter!.shape, o)];
  },
  // dW = B_filter(x, dy): d/dx = B_in(dy, ddW); d/d(dy) = conv2d(x, ddW).
  Conv2DBackpropFilter: (ddw, { inputs: [x, dy], attrs }) => {
    const o = optionsOf(attrs as Conv2DAttrs);
    return [conv2dBackpropInput(dy!, ddw, x!.shape, o), conv2d(x!, ddw, o)];
  },
};
