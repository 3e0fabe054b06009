import { binaryCrossEntropyLoss, binaryCrossEntropyWithLogitsLoss } from './bce';
import { cosineEmbeddingLoss } from './cosine';
import { crossEntropyLoss, nllLoss } from './cross-entropy';
import { categoricalFocalLoss, focalLoss } from './focal';
import { categoricalCrossEntropyLoss, sparseCategoricalCrossEntropyLoss } from './keras-categorical';
import { klDivergenceLoss } from './kl';
import { exponentialLoss, hingeEmbeddingLoss, hingeLoss, multiMarginHingeLoss, squaredHingeLoss } from './margin';
import type { LossPlugin } from './plugin';
import { poissonNllLoss } from './poisson';
import {
  huberLoss, logCoshLoss, meanAbsoluteErrorLoss, meanAbsolutePercentageErrorLoss, meanSquaredErrorLoss, quantileLoss, smoothL1Loss,
} from './regression';

/**
 * Every loss plugin of this package, for `use(losses)`.
 *
 * @example
 * ```ts
 * import { use } from '@tensorkit/core';
 * use(losses);
 * ```
 */
export const losses: readonly LossPlugin[] = [
  binaryCrossEntropyLoss, binaryCrossEntropyWithLogitsLoss, crossEntropyLoss, nllLoss, categoricalCrossEntropyLoss,
  sparseCategoricalCrossEntropyLoss, klDivergenceLoss, meanSquaredErrorLoss, meanAbsoluteErrorLoss, meanAbsolutePercentageErrorLoss,
  logCoshLoss, huberLoss, smoothL1Loss, quantileLoss, hingeLoss, squaredHingeLoss, exponentialLoss, hingeEmbeddingLoss,
  multiMarginHingeLoss, focalLoss, categoricalFocalLoss, poissonNllLoss, cosineEmbeddingLoss,
];

// In the module `./register` imports too, so `import '@tensorkit/losses/register'` alone types the names.
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
