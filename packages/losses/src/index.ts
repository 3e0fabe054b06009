/**
 * `@tensorkit/losses`: every loss is `loss(yTrue, yPred, options)`, **label first** (Keras and
 * tfjs order; PyTorch writes `loss(input, target)`), with PyTorch's math and defaults and
 * `reduction: 'mean' | 'sum' | 'none'`. Each loss is a function and a plugin object
 * (`<name>Loss`); `import '@tensorkit/losses/register'` registers them all, aliases included.
 *
 * @packageDocumentation
 */
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


