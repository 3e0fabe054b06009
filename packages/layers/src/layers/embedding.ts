import { ArgumentError, DTypeError, formatShape } from '@tensorkit/core';
import { stopGradient } from '@tensorkit/autograd';
import { arange, equal, expandDims, indexSelect, randn, tidy, where, type Tensor, type Variable } from '@tensorkit/tensor';
import { Layer, type LayerOptions } from '../layer';
import { intArg, optionsOf, seedArg } from './args';
import { resolveInitializer, type InitializerLike, type InitializerSpec } from './initializers';
import { layerPlugin } from './plugin';

/** Options of {@link embedding}. */
export interface EmbeddingOptions extends LayerOptions {
  /** The vocabulary size. Required. */
  numEmbeddings: number;
  /** The size of each vector. Required. */
  embeddingDim: number;
  /** A row that stays zero-initialized and gets no gradient (PyTorch's `padding_idx`); negative counts from the end. */
  paddingIdx?: number | null;
  /** The initializer of the table. Default N(0, 1), as in PyTorch. */
  embeddingsInitializer?: InitializerSpec;
  /** Seeds the initial table. */
  seed?: number;
}

/**
 * A lookup table (PyTorch's `nn.Embedding`): int32 indices of any shape map to rows of `weight`
 * `[numEmbeddings, embeddingDim]`, giving `[...indices.shape, embeddingDim]`. The `paddingIdx`
 * row starts at zero and receives no gradient. Create it with {@link embedding}.
 *
 * @example
 * ```ts
 * new Embedding({ numEmbeddings: 10, embeddingDim: 4 }).apply(tensor([[1, 2]], undefined, 'int32')).shape; // [1, 2, 4]
 * ```
 */
export class Embedding extends Layer {
  readonly className = 'embedding';
  readonly numEmbeddings: number;
  readonly embeddingDim: number;
  /** The padding row (non-negative), if any. */
  readonly paddingIdx: number | undefined;
  /** The table `[numEmbeddings, embeddingDim]`. */
  readonly weight: Variable;
  private readonly init: InitializerLike | undefined;
  private readonly seed: number | undefined;

  constructor(options: EmbeddingOptions) {
    const o = optionsOf(options, 'embedding', ['numEmbeddings', 'embeddingDim', 'paddingIdx', 'embeddingsInitializer', 'seed', 'inputShape']);
    super(o);
    this.numEmbeddings = intArg(o.numEmbeddings, 'numEmbeddings', 'embedding');
    this.embeddingDim = intArg(o.embeddingDim, 'embeddingDim', 'embedding');
    if (o.paddingIdx !== undefined && o.paddingIdx !== null) {
      const p = intArg(o.paddingIdx, 'paddingIdx', 'embedding', -this.numEmbeddings);
      if (p >= this.numEmbeddings) {
        throw new ArgumentError('INVALID_ARGUMENT', `embedding: 'paddingIdx' must be in [-${this.numEmbeddings}, ${this.numEmbeddings - 1}], got ${p}`);
      }
      this.paddingIdx = p < 0 ? p + this.numEmbeddings : p;
    }
    this.init = resolveInitializer(o.embeddingsInitializer, 'embeddingsInitializer', 'embedding');
    this.seed = seedArg(o.seed, 'embedding');
    // The table does not depend on the input shape, so it exists from the start.
    this.weight = this.addParameter('weight', this.initialTable());
    this.built = true;
  }

  private initialTable(): Tensor {
    const shape = [this.numEmbeddings, this.embeddingDim];
    const options = this.seed === undefined ? {} : { seed: this.seed };
    return tidy(() => {
      const table = this.init ? this.init.sample(shape, options) : randn(shape, options);
      if (this.paddingIdx === undefined) return table;
      return where(expandDims(equal(arange(this.numEmbeddings), this.paddingIdx), 1), 0, table);
    });
  }

  computeOutputShape(inputShape: readonly number[]): number[] {
    return [...inputShape, this.embeddingDim];
  }

  forward(indices: Tensor): Tensor {
    if (indices.dtype !== 'int32') {
      throw new DTypeError('DTYPE_MISMATCH', `embedding: indices must be int32, got ${indices.dtype} ${formatShape(indices.shape)}; convert them with cast(x, 'int32')`);
    }
    const y = indexSelect(this.weight, indices, 0);
    if (this.paddingIdx === undefined) return y;
    // Same values, but positions that look up the padding row pass no gradient to the table.
    return where(expandDims(equal(indices, this.paddingIdx), -1), stopGradient(y), y);
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      numEmbeddings: this.numEmbeddings,
      embeddingDim: this.embeddingDim,
      ...(this.paddingIdx === undefined ? {} : { paddingIdx: this.paddingIdx }),
      ...(this.init ? { embeddingsInitializer: this.init.name } : {}),
      ...(this.seed === undefined ? {} : { seed: this.seed }),
    };
  }
}

/**
 * An embedding layer: `embedding({ numEmbeddings, embeddingDim, paddingIdx })`.
 *
 * @example
 * ```ts
 * const embed = embedding({ numEmbeddings: 10000, embeddingDim: 64, paddingIdx: 0 });
 * ```
 */
export function embedding(options: EmbeddingOptions): Embedding {
  return new Embedding(options);
}

/**
 * The `embedding` layer plugin.
 *
 * @example
 * ```ts
 * lookup('layer', 'embedding');
 * ```
 */
export const embeddingLayer = /* @__PURE__ */ layerPlugin<EmbeddingOptions>('embedding', (c) => new Embedding(c));
