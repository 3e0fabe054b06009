import { noGrad } from '@tensorkit/autograd';
import { ShapeError, formatShape } from '@tensorkit/core';
import { add, div, mean, mul, ones, sqrt, square, sub, tidy, zeros, type Tensor, type Variable } from '@tensorkit/tensor';
import { Layer, type LayerOptions } from '../layer';
import { boolArg, numberArg, optionsOf } from './args';
import { layerPlugin } from './plugin';

/** Options of {@link batchNorm}. */
export interface BatchNormOptions extends LayerOptions {
  /** The running statistics' update weight: `running = (1 - m)·running + m·batch` (PyTorch's; Keras's 0.99 is 1 - m). Default 0.1. */
  momentum?: number;
  /** Added to the variance. Default 1e-5. */
  eps?: number;
  /** Learn a scale `weight` and shift `bias` per feature. Default true. */
  affine?: boolean;
  /** Keep running statistics for eval mode; without them eval mode uses batch statistics too. Default true. */
  trackRunningStats?: boolean;
}

/**
 * Batch normalization over the last (feature) axis, with PyTorch's semantics, for inputs
 * `[N, C]`, `[N, L, C]` and `[N, H, W, C]` (`BatchNorm1d`/`BatchNorm2d` in channels-last
 * layout). Training mode normalizes with the batch mean and biased variance and updates the
 * running statistics (buffers `runningMean`, `runningVar`) with the unbiased variance; eval
 * mode uses the running statistics. Create it with {@link batchNorm}.
 *
 * @example
 * ```ts
 * const bn = new BatchNorm();
 * bn.apply(randn([8, 4]));               // batch statistics; running statistics move by 10%
 * bn.eval().apply(randn([2, 4]));        // running statistics
 * ```
 */
export class BatchNorm extends Layer {
  readonly className = 'batchNorm';
  readonly momentum: number;
  readonly eps: number;
  readonly affine: boolean;
  readonly trackRunningStats: boolean;
  /** The scale `[C]` (when `affine`), once built. */
  weight: Variable | undefined;
  /** The shift `[C]` (when `affine`), once built. */
  bias: Variable | undefined;
  /** The running mean `[C]` (a buffer), once built. */
  runningMean: Variable | undefined;
  /** The running (unbiased) variance `[C]` (a buffer), once built. */
  runningVar: Variable | undefined;
  private features: number | undefined;

  constructor(options: BatchNormOptions = {}) {
    const o = optionsOf(options, 'batchNorm', ['momentum', 'eps', 'affine', 'trackRunningStats', 'inputShape']);
    super(o);
    this.momentum = numberArg(o.momentum ?? 0.1, 'momentum', 'batchNorm', 0, 1);
    this.eps = numberArg(o.eps ?? 1e-5, 'eps', 'batchNorm', 0);
    this.affine = boolArg(o.affine ?? true, 'affine', 'batchNorm');
    this.trackRunningStats = boolArg(o.trackRunningStats ?? true, 'trackRunningStats', 'batchNorm');
  }

  computeOutputShape(inputShape: readonly number[]): number[] {
    this.assertRank(inputShape, [2, 3, 4], '[N, C], [N, L, C] or [N, H, W, C] (features last)');
    if (this.features !== undefined) this.assertDim(inputShape, -1, this.features, 'features');
    return [...inputShape];
  }

  protected override buildWeights(inputShape: readonly number[]): void {
    const c = inputShape.at(-1)!;
    this.features = c;
    if (this.affine) {
      this.weight = this.addParameter('weight', ones([c]));
      this.bias = this.addParameter('bias', zeros([c]));
    }
    if (this.trackRunningStats) {
      this.runningMean = this.addBuffer('runningMean', zeros([c]));
      this.runningVar = this.addBuffer('runningVar', ones([c]));
    }
  }

  forward(x: Tensor): Tensor {
    const axes = x.shape.map((_, i) => i).slice(0, -1);
    const useBatch = this.training || !this.trackRunningStats;
    let mu: Tensor;
    let variance: Tensor;
    if (useBatch) {
      const count = x.size / x.shape.at(-1)!;
      if (this.training && count < 2) {
        throw new ShapeError('SHAPE_MISMATCH', `batchNorm: training needs more than 1 value per feature, got input ${formatShape(x.shape)}; use a larger batch or eval()`);
      }
      mu = mean(x, axes);
      variance = mean(square(sub(x, mu)), axes);
      if (this.training && this.trackRunningStats) this.updateRunningStats(mu, variance, count);
    } else {
      mu = this.runningMean!;
      variance = this.runningVar!;
    }
    const y = div(sub(x, mu), sqrt(add(variance, this.eps)));
    return this.affine ? add(mul(y, this.weight!), this.bias!) : y;
  }

  private updateRunningStats(mu: Tensor, biasedVar: Tensor, count: number): void {
    const m = this.momentum;
    noGrad(() =>
      tidy(() => {
        this.runningMean!.assign(add(mul(this.runningMean!, 1 - m), mul(mu, m)));
        this.runningVar!.assign(add(mul(this.runningVar!, 1 - m), mul(biasedVar, (m * count) / (count - 1))));
      }),
    );
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), momentum: this.momentum, eps: this.eps, affine: this.affine, trackRunningStats: this.trackRunningStats };
  }
}

/**
 * A batch-normalization layer over the last axis: `batchNorm({ momentum = 0.1, eps = 1e-5, affine, trackRunningStats })`.
 *
 * @example
 * ```ts
 * const block = new Sequential([conv2d({ filters: 16, kernelSize: 3, inputShape: [32, 32, 3] }), batchNorm(), activation({ activation: 'relu' })]);
 * ```
 */
export function batchNorm(options: BatchNormOptions = {}): BatchNorm {
  return new BatchNorm(options);
}

/**
 * The `batchNorm` layer plugin.
 *
 * @example
 * ```ts
 * lookup('layer', 'batchNorm');
 * ```
 */
export const batchNormLayer = /* @__PURE__ */ layerPlugin<BatchNormOptions>('batchNorm', (c) => new BatchNorm(c));
