/**
 * `@tensorkit/losses`: every loss is `loss(yTrue, yPred, options)`, **label first** (Keras and
 * tfjs order; PyTorch writes `loss(input, target)`), with PyTorch's math and defaults and
 * `reduction: 'mean' | 'sum' | 'none'`. Each loss is a function and a plugin object
 * (`<name>Loss`); `import '@tensorkit/losses/register'` registers them all, aliases included.
 *
 * @packageDocumentation
 */
import type { LossPlugin } from './plugin';

export { expectedInput, type LossInput, type LossPlugin } from './plugin';
export type { Reduction } from './reduce';
export { setLossValueChecks, type LossValueChecks } from './value-checks';
export {
  binaryCrossEntropy, binaryCrossEntropyWithLogits, binaryCrossEntropyLoss, binaryCrossEntropyWithLogitsLoss,
  type BinaryCrossEntropyOptions,
} from './bce';
export { crossEntropy, nll, crossEntropyLoss, nllLoss, type CrossEntropyOptions, type NllOptions } from './cross-entropy';
export {
  categoricalCrossEntropy, sparseCategoricalCrossEntropy, categoricalCrossEntropyLoss, sparseCategoricalCrossEntropyLoss,
  type CategoricalCrossEntropyOptions, type SparseCategoricalCrossEntropyOptions,
} from './keras-categorical';
export { klDivergence, klDivergenceLoss, type KlDivergenceOptions } from './kl';
export {
  meanSquaredError, meanAbsoluteError, meanAbsolutePercentageError, logCosh, huber, smoothL1, quantile,
  meanSquaredErrorLoss, meanAbsoluteErrorLoss, meanAbsolutePercentageErrorLoss, logCoshLoss, huberLoss, smoothL1Loss, quantileLoss,
  type ReductionOptions, type HuberOptions, type SmoothL1Options, type QuantileOptions,
} from './regression';
export {
  hinge, squaredHinge, exponential, hingeEmbedding, multiMarginHinge,
  hingeLoss, squaredHingeLoss, exponentialLoss, hingeEmbeddingLoss, multiMarginHingeLoss,
  type HingeEmbeddingOptions, type MultiMarginHingeOptions,
} from './margin';
export { focal, categoricalFocal, focalLoss, categoricalFocalLoss, type FocalOptions, type CategoricalFocalOptions } from './focal';
export { poissonNll, poissonNllLoss, type PoissonNllOptions } from './poisson';
export { cosineEmbedding, cosineEmbeddingLoss, type CosineEmbeddingOptions } from './cosine';
export { losses } from './all';

declare module '@tensorkit/core' {
  /** Every loss of `@tensorkit/losses`, by canonical name and alias. */
  interface LossRegistry {
    binaryCrossEntropy: LossPlugin;
    bce: LossPlugin;
    logLoss: LossPlugin;
    binaryCrossentropy: LossPlugin;
    binaryCrossEntropyWithLogits: LossPlugin;
    bceWithLogits: LossPlugin;
    crossEntropy: LossPlugin;
    softmaxCrossEntropy: LossPlugin;
    nll: LossPlugin;
    nllLoss: LossPlugin;
    negativeLogLikelihood: LossPlugin;
    categoricalCrossEntropy: LossPlugin;
    categoricalCrossentropy: LossPlugin;
    sparseCategoricalCrossEntropy: LossPlugin;
    sparseCategoricalCrossentropy: LossPlugin;
    klDivergence: LossPlugin;
    kld: LossPlugin;
    kullbackLeiblerDivergence: LossPlugin;
    meanSquaredError: LossPlugin;
    mse: LossPlugin;
    meanAbsoluteError: LossPlugin;
    mae: LossPlugin;
    l1: LossPlugin;
    meanAbsolutePercentageError: LossPlugin;
    mape: LossPlugin;
    logCosh: LossPlugin;
    huber: LossPlugin;
    smoothL1: LossPlugin;
    quantile: LossPlugin;
    pinball: LossPlugin;
    hinge: LossPlugin;
    squaredHinge: LossPlugin;
    exponential: LossPlugin;
    hingeEmbedding: LossPlugin;
    multiMarginHinge: LossPlugin;
    multiMargin: LossPlugin;
    focal: LossPlugin;
    sigmoidFocal: LossPlugin;
    binaryFocal: LossPlugin;
    categoricalFocal: LossPlugin;
    softmaxFocal: LossPlugin;
    poissonNll: LossPlugin;
    poisson: LossPlugin;
    cosineEmbedding: LossPlugin;
    cosineEmbeddingLoss: LossPlugin;
  }
}
