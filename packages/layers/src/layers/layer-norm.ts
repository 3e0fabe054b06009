import { ArgumentError } from '@tensorkit/core';
import { add, div, mean, mul, ones, sqrt, square, sub, zeros, type Tensor, type Variable } from '@tensorkit/tensor';
import { Layer, type LayerOptions } from '../layer';
import { boolArg, numberArg, optionsOf, shapeArg } from './args';
import { layerPlugin } from './plugin';

/** Options of {@link layerNorm}. */
export interface LayerNormOptions extends LayerOptions {
  /** The trailing axes to normalize over, e.g. `[C]` or `[H, W, C]`. Default: the last axis, taken from the first input. */
  normalizedShape?: number | readonly number[];
  /** Added to the variance. Default 1e-5. */
  eps?: number;
  /** Learn a `weight` and `bias` of `normalizedShape`. Default true. */
  elementwiseAffine?: boolean;
}

/**
 * Layer normalization (PyTorch's `nn.LayerNorm`): each sample is normalized over its trailing
 * `normalizedShape` axes with the biased variance, then scaled and shifted elementwise. Training
 * and eval modes are the same. Create it with {@link layerNorm}.
 *
 * @example
 * ```ts
 * new LayerNorm({ normalizedShape: [4] }).apply(randn([2, 3, 4])).shape; // [2, 3, 4]
 * ```
 */
export class LayerNorm extends Layer {
  readonly className = 'layerNorm';
  readonly eps: number;
  readonly elementwiseAffine: boolean;
  /** The normalized trailing shape (known once given or built). */
  normalizedShape: number[] | undefined;
  /** The scale, once built (when `elementwiseAffine`). */
  weight: Variable | undefined;
  /** The shift, once built (when `elementwiseAffine`). */
  bias: Variable | undefined;

  constructor(options: LayerNormOptions = {}) {
    const o = optionsOf(options, 'layerNorm', ['normalizedShape', 'eps', 'elementwiseAffine', 'inputShape']);
    super(o);
    const ns = o.normalizedShape;
    this.normalizedShape = ns === undefined ? undefined : shapeArg(typeof ns === 'number' ? [ns] : ns, 'normalizedShape', 'layerNorm');
    if (this.normalizedShape?.length === 0) throw new ArgumentError('INVALID_ARGUMENT', 'layerNorm: normalizedShape must have at least one axis');
    this.eps = numberArg(o.eps ?? 1e-5, 'eps', 'layerNorm', 0);
    this.elementwiseAffine = boolArg(o.elementwiseAffine ?? true, 'elementwiseAffine', 'layerNorm');
  }

  computeOutputShape(inputShape: readonly number[]): number[] {
    const ns = this.normalizedShape ?? [inputShape.at(-1)!];
    this.assertMinRank(inputShape, ns.length, `[..., ${ns.join(', ')}]`);
    ns.forEach((d, i) => this.assertDim(inputShape, i - ns.length, d, `normalized axis ${i - ns.length} of size`));
    return [...inputShape];
  }

  protected override buildWeights(inputShape: readonly number[]): void {
    this.normalizedShape ??= [inputShape.at(-1)!];
    if (this.elementwiseAffine) {
      this.weight = this.addParameter('weight', ones(this.normalizedShape));
      this.bias = this.addParameter('bias', zeros(this.normalizedShape));
    }
  }

  forward(x: Tensor): Tensor {
    const k = this.normalizedShape!.length;
    const axes = x.shape.map((_, i) => i).slice(x.rank - k);
    const mu = mean(x, axes, true);
    const centered = sub(x, mu);
    const y = div(centered, sqrt(add(mean(square(centered), axes, true), this.eps)));
    return this.elementwiseAffine ? add(mul(y, this.weight!), this.bias!) : y;
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      ...(this.normalizedShape ? { normalizedShape: [...this.normalizedShape] } : {}),
      eps: this.eps,
      elementwiseAffine: this.elementwiseAffine,
    };
  }
}

/**
 * A layer-normalization layer: `layerNorm({ normalizedShape, eps = 1e-5, elementwiseAffine = true })`.
 *
 * @example
 * ```ts
 * const norm = layerNorm({ normalizedShape: 512 });
 * ```
 */
export function layerNorm(options: LayerNormOptions = {}): LayerNorm {
  return new LayerNorm(options);
}

/**
 * The `layerNorm` layer plugin.
 *
 * @example
 * ```ts
 * lookup('layer', 'layerNorm');
 * ```
 */
export const layerNormLayer = /* @__PURE__ */ layerPlugin<LayerNormOptions>('layerNorm', (c) => new LayerNorm(c));
