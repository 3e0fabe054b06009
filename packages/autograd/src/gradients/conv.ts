import { runKernel, type Tensor } from '@tensorkit/tensor';
import type { Conv2DAttrs } from '@tensorkit/core';
import { needsInputGrad, type GradFunc, type SavedTensors } from '../gradient-types';

/*
 * The gradients call the kernels directly: the saved attrs are already validated geometry, and
 * going through the public ops (option parsing, padding modes) would pull that code into every
 * app that trains anything, convolutional or not.
 */

/** The shared geometry of a conv kernel's attrs (without its backward kernels' output shapes). */
function geometryOf({ attrs }: SavedTensors<Conv2DAttrs>): Conv2DAttrs {
  const { strides, pads, dilations, groups } = attrs;
  return { strides, pads, dilations, groups };
}

/** The gradients of a two-input kernel, each computed only when needed (see `needsInputGrad`). */
function bothGrads(saved: SavedTensors<unknown>, first: () => Tensor, second: () => Tensor): (Tensor | null)[] {
  return [needsInputGrad(saved, 0) ? first() : null, needsInputGrad(saved, 1) ? second() : null];
}

/*
 * conv2d is bilinear in (x, filter); its two backward kernels are the partial adjoints. Each
 * backward kernel's own gradients are again conv kernels, which is what makes double backward
 * through conv nets work.
 */
export const CONV_GRADIENTS: Record<string, GradFunc> = {
  Conv2D: (dy, saved) => {
    const [x, filter] = saved.inputs;
    const g = geometryOf(saved);
    return bothGrads(
      saved,
      () => runKernel('Conv2DBackpropInput', [dy, filter!], { ...g, inputShape: x!.shape }),
      () => runKernel('Conv2DBackpropFilter', [x!, dy], { ...g, filterShape: filter!.shape }),
    );
  },
  // dx = B_in(dy, W): d/d(dy) = conv2d(ddx, W); d/dW = B_filter(ddx, dy).
  Conv2DBackpropInput: (ddx, saved) => {
    const [dy, filter] = saved.inputs;
    const g = geometryOf(saved);
    return bothGrads(
      saved,
      () => runKernel('Conv2D', [ddx, filter!], g),
      () => runKernel('Conv2DBackpropFilter', [ddx, dy!], { ...g, filterShape: filter!.shape }),
    );
  },
  // dW = B_filter(x, dy): d/dx = B_in(dy, ddW); d/d(dy) = conv2d(x, ddW).
  Conv2DBackpropFilter: (ddw, saved) => {
    const [x, dy] = saved.inputs;
    const g = geometryOf(saved);
    return bothGrads(
      saved,
      () => runKernel('Conv2DBackpropInput', [dy!, ddw], { ...g, inputShape: x!.shape }),
      () => runKernel('Conv2D', [x!, ddw], g),
    );
  },
};
