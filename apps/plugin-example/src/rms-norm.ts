import { ArgumentError, CORE_VERSION } from '@tensorkit/core';
import { mean, mul, ones, rsqrt, add, square, type Tensor, type Variable } from '@tensorkit/tensor';
import { Layer, type LayerOptions, type LayerPlugin } from '@tensorkit/layers';
import { PACKAGE } from './package-name';

/** Options of {@link rmsNorm}. */
export interface RMSNormOptions extends LayerOptions {
  /** Added to the mean square. Default 1e-6. */
  eps?: number;
}

/**
 * RMS normalization (Zhang & Sennrich, 2019): `x / sqrt(mean(x², last axis) + eps) * weight`,
 * a learned scale per feature and no centring. A layer plugin, so a saved model that uses it
 * loads by name once the plugin is registered.
 *
 * @example
 * ```ts
 * new RMSNorm().apply(randn([2, 8])).shape; // [2, 8]
 * ```
 */
export class RMSNorm extends Layer {
  readonly className = 'rmsNorm';
  readonly eps: number;
  /** The per-feature scale, once built. */
  weight: Variable | undefined;

  constructor(options: RMSNormOptions = {}) {
    const { eps = 1e-6, ...rest } = options;
    const unknown = Object.keys(rest).filter((k) => k !== 'inputShape');
    if (unknown.length > 0) throw new ArgumentError('INVALID_ARGUMENT', `rmsNorm: unknown option(s) ${unknown.join(', ')}; accepted: eps, inputShape`);
    if (typeof eps !== 'number' || !(eps > 0)) throw new ArgumentError('INVALID_ARGUMENT', `rmsNorm: eps must be a positive number, got ${String(eps)}`);
    super(rest);
    this.eps = eps;
  }

  computeOutputShape(inputShape: readonly number[]): number[] {
    this.assertMinRank(inputShape, 1, '[..., features]');
    if (this.weight) this.assertDim(inputShape, -1, this.weight.shape[0]!, 'features');
    return [...inputShape];
  }

  protected override buildWeights(inputShape: readonly number[]): void {
    this.weight = this.addParameter('weight', ones([inputShape.at(-1)!]));
  }

  forward(x: Tensor): Tensor {
    return mul(mul(x, rsqrt(add(mean(square(x), -1, true), this.eps))), this.weight!);
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), eps: this.eps };
  }
}

/**
 * An RMS-normalization layer: `rmsNorm({ eps = 1e-6 })`.
 *
 * @example
 * ```ts
 * new Sequential([dense({ units: 16 }), rmsNorm(), dense({ units: 1 })]);
 * ```
 */
export function rmsNorm(options: RMSNormOptions = {}): RMSNorm {
  return new RMSNorm(options);
}

/**
 * The `rmsNorm` layer plugin: `loadModel` rebuilds the layer from its saved config through it.
 *
 * @example
 * ```ts
 * use(rmsNormLayer);
 * ```
 */
export const rmsNormLayer: LayerPlugin = {
  kind: 'layer', name: 'rmsNorm', package: PACKAGE, coreVersion: CORE_VERSION,
  create: (config) => new RMSNorm(config as RMSNormOptions),
};
