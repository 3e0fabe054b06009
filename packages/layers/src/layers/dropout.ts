import { cast, greaterEqual, mul, rand, tidy, zerosLike, type Tensor } from '@tensorkit/tensor';
import { Layer, type LayerOptions } from '../layer';
import { numberArg, optionsOf, seedArg } from './args';
import { layerPlugin } from './plugin';

/** Options of {@link dropout}. */
export interface DropoutOptions extends LayerOptions {
  /** The probability of zeroing each element, in [0, 1] (PyTorch's `p`). Default 0.5. */
  p?: number;
  /** Seeds the masks: the same seed gives the same sequence of masks, a new mask every call. */
  seed?: number;
}

/** An odd constant well away from small seeds, so consecutive calls get unrelated Philox keys. */
const STEP_STRIDE = 2654435761;

/**
 * Inverted dropout (PyTorch's `nn.Dropout`): in training mode each element is zeroed with
 * probability `p` and the rest are scaled by `1 / (1 - p)`, so eval mode is the identity.
 * Create it with {@link dropout}.
 *
 * @example
 * ```ts
 * const d = new Dropout({ p: 0.5, seed: 0 });
 * d.apply(ones([4]));        // e.g. [2, 0, 2, 2]
 * d.eval().apply(ones([4])); // [1, 1, 1, 1]
 * ```
 */
export class Dropout extends Layer {
  readonly className = 'dropout';
  /** The drop probability. */
  readonly p: number;
  /** The seed of the mask sequence, if any. */
  readonly seed: number | undefined;
  private calls = 0;

  constructor(options: DropoutOptions = {}) {
    const o = optionsOf(options, 'dropout', ['p', 'seed', 'inputShape']);
    super(o);
    this.p = numberArg(o.p ?? 0.5, 'p', 'dropout', 0, 1);
    this.seed = seedArg(o.seed, 'dropout');
  }

  computeOutputShape(inputShape: readonly number[]): number[] {
    return [...inputShape];
  }

  forward(x: Tensor): Tensor {
    if (!this.training || this.p === 0) return x;
    if (this.p === 1) return mul(x, zerosLike(x));
    const seed = this.seed === undefined ? undefined : (this.seed + this.calls * STEP_STRIDE) % Number.MAX_SAFE_INTEGER;
    this.calls++;
    const keep = 1 - this.p;
    // The mask is a constant of the graph: the gradient is upstream · mask / (1 - p).
    const mask = tidy(() => mul(cast(greaterEqual(rand(x.shape, seed === undefined ? {} : { seed }), this.p), 'float32'), 1 / keep));
    return mul(x, mask);
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), p: this.p, ...(this.seed === undefined ? {} : { seed: this.seed }) };
  }
}

/**
 * A dropout layer, active only in training mode: `dropout({ p = 0.5, seed })`.
 *
 * @example
 * ```ts
 * const model = new Sequential([dense({ units: 64, inputShape: [10] }), dropout({ p: 0.2 }), dense({ units: 1 })]);
 * ```
 */
export function dropout(options: DropoutOptions = {}): Dropout {
  return new Dropout(options);
}

/**
 * The `dropout` layer plugin.
 *
 * @example
 * ```ts
 * lookup('layer', 'dropout');
 * ```
 */
export const dropoutLayer = /* @__PURE__ */ layerPlugin<DropoutOptions>('dropout', (c) => new Dropout(c));
