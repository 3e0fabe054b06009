import { ArgumentError, ShapeError, formatShape } from '@tensorkit/core';
import { isTensor, noGradScope, zerosLike, type Tensor } from '@tensorkit/tensor';
import { recordNode } from './tape';

/**
 * What the function given to {@link customGrad} returns: the value, and how to compute the
 * gradient of each input from the upstream gradient. `saved` holds the inputs and the value as
 * the tape retained them; use those (not tensors a `tidy` may have freed).
 *
 * @example
 * ```ts
 * const result: CustomGradResult = { value: y, gradFunc: (dy, { inputs: [x] }) => [mul(dy, x!)] };
 * ```
 */
export interface CustomGradResult {
  value: Tensor;
  gradFunc: (dy: Tensor, saved: { inputs: readonly Tensor[]; value: Tensor }) => Tensor | readonly Tensor[];
}

/**
 * Defines a function with its own gradient. The forward computation is not recorded; instead,
 * `gradFunc` is called in the backward pass (and is itself recorded, so higher-order gradients
 * go through it). `gradFunc` must return one gradient per input, shaped like it.
 *
 * @example
 * ```ts
 * // A straight-through estimator: round in the forward pass, identity in the backward pass.
 * const roundSTE = customGrad((x) => ({ value: round(x), gradFunc: (dy) => [dy] }));
 * grad((x) => sum(roundSTE(x)))(tensor([0.4, 1.6])); // [1, 1]
 * ```
 */
export function customGrad(f: (...inputs: Tensor[]) => CustomGradResult): (...inputs: Tensor[]) => Tensor {
  if (typeof f !== 'function') throw new ArgumentError('INVALID_ARGUMENT', `customGrad: expected a function, got ${typeof f}`);
  return (...inputs) => {
    if (!inputs.every(isTensor)) throw new ArgumentError('INVALID_ARGUMENT', 'customGrad: every input must be a Tensor');
    const result = noGradScope(() => f(...inputs));
    if (!result || !isTensor(result.value) || typeof result.gradFunc !== 'function') {
      throw new ArgumentError('INVALID_ARGUMENT', 'customGrad: the function must return { value: Tensor, gradFunc: (dy, saved) => gradients }');
    }
    const { value, gradFunc } = result;
    recordNode({ kernelName: 'customGrad', inputs, attrs: {}, outputs: [value] }, (dys, saved) => {
      const dy = dys[0] ?? zerosLike(saved.outputs[0]!);
      const raw = gradFunc(dy, { inputs: saved.inputs, value: saved.outputs[0]! });
      const grads = isTensor(raw) ? [raw] : [...raw];
      if (grads.length !== inputs.length) {
        throw new ArgumentError(
          'INVALID_ARGUMENT',
          `customGrad: gradFunc returned ${grads.length} gradient(s) for ${inputs.length} input(s); return one per input, in order`,
        );
      }
      grads.forEach((g, i) => {
        const x = saved.inputs[i]!;
        if (!isTensor(g) || g.shape.length !== x.shape.length || g.shape.some((d, k) => d !== x.shape[k])) {
          throw new ShapeError(
            'SHAPE_MISMATCH',
            `customGrad: gradient ${i} has shape ${isTensor(g) ? formatShape(g.shape) : typeof g} but input ${i} is ${formatShape(x.shape)}`,
          );
        }
      });
      return grads;
    });
    return value;
  };
}
