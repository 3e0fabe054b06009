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
