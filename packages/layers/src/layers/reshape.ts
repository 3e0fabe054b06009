import { ShapeError, formatShape } from '@tensorkit/core';
import { reshape as reshapeOp, type Tensor } from '@tensorkit/tensor';
import { Layer, type LayerOptions } from '../layer';
import { optionsOf, shapeArg } from './args';
import { layerPlugin } from './plugin';

/** Options of {@link reshape}. */
export interface ReshapeOptions extends LayerOptions {
  /** The shape of each sample, without the batch axis; one `-1` is inferred. Required. */
  targetShape: readonly number[];
}

/**
 * Reshapes each sample to `targetShape`, keeping the batch axis. Create it with {@link reshape}.
 *
 * @example
 * ```ts
 * new Reshape({ targetShape: [7, 7, 16] }).apply(zeros([2, 784])).shape; // [2, 7, 7, 16]
 * ```
 */
export class Reshape extends Layer {
  readonly className = 'reshape';
  /** The per-sample target shape (may hold one `-1`). */
  readonly targetShape: number[];

  constructor(options: ReshapeOptions) {
    const o = optionsOf(options, 'reshape', ['targetShape', 'inputShape']);
    super(o);
    this.targetShape = shapeArg(o.targetShape, 'targetShape', 'reshape', true);
  }

  computeOutputShape(inputShape: readonly number[]): number[] {
    this.assertMinRank(inputShape, 1, '[batch, ...]');
    const size = inputShape.slice(1).reduce((a, b) => a * b, 1);
    const known = this.targetShape.reduce((a, b) => (b === -1 ? a : a * b), 1);
    const fits = this.targetShape.includes(-1) ? size % known === 0 : size === known;
    if (inputShape.slice(1).includes(-1)) return [inputShape[0]!, ...this.targetShape];
    if (!fits) {
      throw new ShapeError(
        'SHAPE_MISMATCH',
        `reshape: each sample of ${formatShape(inputShape)} has ${size} values, which do not fit the target shape ${formatShape(this.targetShape)}`,
      );
    }
    return [inputShape[0]!, ...this.targetShape.map((d) => (d === -1 ? size / known : d))];
  }

  forward(x: Tensor): Tensor {
    return reshapeOp(x, this.computeOutputShape(x.shape));
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), targetShape: [...this.targetShape] };
  }
}

/**
 * A layer that reshapes each sample: `reshape({ targetShape })`.
 *
 * @example
 * ```ts
 * const toImage = reshape({ targetShape: [28, 28, 1], inputShape: [784] });
 * ```
 */
export function reshape(options: ReshapeOptions): Reshape {
  return new Reshape(options);
}

/**
 * The `reshape` layer plugin.
 *
 * @example
 * ```ts
 * lookup('layer', 'reshape');
 * ```
 */
export const reshapeLayer = /* @__PURE__ */ layerPlugin<ReshapeOptions>('reshape', (c) => new Reshape(c));
