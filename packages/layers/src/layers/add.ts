import { ArgumentError, ShapeError, formatShape } from '@tensorkit/core';
import { add as addOp, type Tensor } from '@tensorkit/tensor';
import { Layer, type LayerOptions } from '../layer';
import { optionsOf } from './args';
import { layerPlugin } from './plugin';

/** Options of {@link add}. */
export type AddOptions = LayerOptions;

/**
 * Sums two or more inputs of the same shape (Keras's `Add` merge layer), for models written as
 * a `Module` subclass: `this.merge.apply(a, b)`. Create it with {@link add}.
 *
 * @example
 * ```ts
 * new Add().apply(ones([2, 3]), ones([2, 3])); // all 2
 * ```
 */
export class Add extends Layer {
  readonly className = 'add';

  constructor(options: AddOptions = {}) {
    super(optionsOf(options, 'add', ['inputShape']));
  }

  computeOutputShape(inputShape: readonly number[]): number[] {
    return [...inputShape];
  }

  forward(...inputs: Tensor[]): Tensor {
    if (inputs.length < 2) throw new ArgumentError('INVALID_ARGUMENT', `add: expected at least 2 inputs, got ${inputs.length}`);
    const first = inputs[0]!;
    const bad = inputs.find((t) => formatShape(t.shape) !== formatShape(first.shape));
    if (bad !== undefined) {
      throw new ShapeError('SHAPE_MISMATCH', `add: every input must have the same shape, got ${inputs.map((t) => formatShape(t.shape)).join(', ')}`);
    }
    return inputs.slice(1).reduce((sum, t) => addOp(sum, t), first);
  }
}

/**
 * A merge layer that sums its inputs: `add().apply(a, b, ...)`.
 *
 * @example
 * ```ts
 * class Block extends Module {
 *   conv = this.addModule('conv', conv2d({ filters: 8, kernelSize: 3, padding: 1 }));
 *   merge = this.addModule('merge', add());
 *   forward(x: Tensor): Tensor { return this.merge.apply(x, this.conv.apply(x)); }
 * }
 * ```
 */
export function add(options: AddOptions = {}): Add {
  return new Add(options);
}

/**
 * The `add` layer plugin.
 *
 * @example
 * ```ts
 * lookup('layer', 'add');
 * ```
 */
export const addLayer = /* @__PURE__ */ layerPlugin<AddOptions>('add', (c) => new Add(c));
