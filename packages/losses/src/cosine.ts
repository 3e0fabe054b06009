import { ArgumentError, ShapeError, formatShape } from '@tensorkit/core';
import {
  add, div, equal, isTensor, mul, relu, split, sqrt, squeeze, sub, sum, tidy, where, type Tensor, type TensorLike,
} from '@tensorkit/tensor';
import { floatArg, numberOption, optionsOf, sameShape } from './options';
import { lossPlugin } from './plugin';
import { reduce, reductionOption, type Reduction } from './reduce';

/**
 * Options of {@link cosineEmbedding}.
 *
 * @example
 * ```ts
 * const o: CosineEmbeddingOptions = { margin: 0.5 };
 * ```
 */
export interface CosineEmbeddingOptions {
  /** Dissimilar pairs (y = −1) are penalised above this cosine. Default 0. */
  margin?: number;
  /** Default `'mean'`. */
  reduction?: Reduction;
}

/** PyTorch's guard on the squared norms, so a zero vector gives cos = 0, not NaN. */
const NORM_EPS = 1e-12;

/**
 * PyTorch's `CosineEmbeddingLoss` for pairs `(x1, x2)` of shape `[N, D]` (or `[D]`) and labels
 * y ∈ {−1, 1} of shape `[N]` (or `[]`):
 * `cos = Σ x1·x2 / sqrt((Σ x1² + 1e−12)·(Σ x2² + 1e−12))`,
 * `ℓ = 1 − cos` where y = 1, `max(0, cos − margin)` where y = −1.
 *
 * `yPred` is the pair: `[x1, x2]`, or one tensor `[N, 2, D]` holding both (what a siamese model
 * outputs, and what the registered plugin receives).
 *
 * @example
 * ```ts
 * cosineEmbedding(tensor([1, -1]), [tensor([[1, 0], [1, 1]]), tensor([[1, 0], [1, 1]])]); // (0 + 1) / 2
 * ```
 */
export function cosineEmbedding(
  yTrue: TensorLike,
  yPred: TensorLike | readonly [TensorLike, TensorLike],
  options?: CosineEmbeddingOptions,
): Tensor {
  const loss = 'cosineEmbedding';
  const o = optionsOf(options, loss);
  const reduction = reductionOption(o.reduction, loss);
  const margin = numberOption(o.margin, 0, 'margin', loss, { min: -1, max: 1 });
  return tidy(() => {
    const [x1, x2] = pairOf(yPred, loss);
    const y = floatArg(yTrue, 'yTrue', loss);
    if (!sameShape(x1.shape, x2.shape) || x1.rank < 1 || x1.rank > 2 || !sameShape(y.shape, x1.shape.slice(0, -1))) {
      throw new ShapeError(
        'SHAPE_MISMATCH',
        `${loss}: expects x1 and x2 of one shape [N, D] (or [D]) and labels [N] (or []), got x1 ${formatShape(x1.shape)}, ` +
          `x2 ${formatShape(x2.shape)}, yTrue ${formatShape(y.shape)}`,
      );
    }
    const dot = sum(mul(x1, x2), -1);
    const norms = mul(add(sum(mul(x1, x1), -1), NORM_EPS), add(sum(mul(x2, x2), -1), NORM_EPS));
    const cos = div(dot, sqrt(norms));
    const perPair = add(where(equal(y, 1), sub(1, cos), 0), where(equal(y, -1), relu(sub(cos, margin)), 0));
    return reduce(perPair, reduction);
  });
}

/** The two embeddings: a `[x1, x2]` pair, or one tensor with the pair on axis −2. */
function pairOf(yPred: TensorLike | readonly [TensorLike, TensorLike], loss: string): [Tensor, Tensor] {
  if (Array.isArray(yPred) && yPred.length === 2 && (isTensor(yPred[0]) || isTensor(yPred[1]))) {
    return [floatArg(yPred[0] as TensorLike, 'x1', loss), floatArg(yPred[1] as TensorLike, 'x2', loss)];
  }
  const both = floatArg(yPred as TensorLike, 'yPred', loss);
  if (both.rank < 2 || both.shape[both.rank - 2] !== 2) {
    throw new ArgumentError(
      'INVALID_ARGUMENT',
      `${loss}: yPred must be the pair [x1, x2] or one tensor [N, 2, D] holding both, got ${formatShape(both.shape)}; ` +
        `pass cosineEmbedding(yTrue, [x1, x2])`,
    );
  }
  const axis = both.rank - 2;
  const [a, b] = split(both, 1, axis);
  return [squeeze(a!, axis), squeeze(b!, axis)];
}

/**
 * The {@link cosineEmbedding} plugin: its `yPred` is one tensor `[N, 2, D]` holding both embeddings.
 *
 * @example
 * ```ts
 * use(cosineEmbeddingLoss);
 * ```
 */
export const cosineEmbeddingLoss = /* @__PURE__ */ lossPlugin('cosineEmbedding', cosineEmbedding, 'values', { aliases: ['cosineEmbeddingLoss'] });
