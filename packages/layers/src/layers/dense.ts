import { matMul, type Tensor, type Variable } from '@tensorkit/tensor';
import { Layer, type LayerOptions } from '../layer';
import { intArg, optionsOf } from './args';
import { layerPlugin } from './plugin';
import { KERNEL_OPTIONS, KernelSpec, type KernelOptions } from './weights';

/** Options of {@link dense}. */
export interface DenseOptions extends LayerOptions, KernelOptions {
  /** The number of output features. Required. */
  units: number;
}

/**
 * A fully connected layer, `y = activation(x · kernel + bias)`, with a kernel `[in, out]` (the
 * transpose of PyTorch's `Linear.weight`) applied to the last axis. Create it with {@link dense}.
 *
 * @example
 * ```ts
 * const d = new Dense({ units: 4 });
 * d.apply(zeros([2, 3])).shape; // [2, 4]
 * ```
 */
export class Dense extends Layer {
  readonly className = 'dense';
  /** The number of output features. */
  readonly units: number;
  /** `[in, out]`, once built. */
  kernel: Variable | undefined;
  /** `[out]`, once built (when `useBias`). */
  bias: Variable | undefined;
  private readonly spec: KernelSpec;

  constructor(options: DenseOptions) {
    const o = optionsOf(options, 'dense', ['units', 'inputShape', ...KERNEL_OPTIONS]);
    super(o);
    this.units = intArg(o.units, 'units', 'dense');
    this.spec = new KernelSpec(o, 'dense');
  }

  /** The input feature count, once built. */
  get inFeatures(): number | undefined {
    return this.kernel?.shape[0];
  }

  computeOutputShape(inputShape: readonly number[]): number[] {
    this.assertMinRank(inputShape, 1, '[..., features]');
    if (this.inFeatures !== undefined) this.assertDim(inputShape, -1, this.inFeatures, 'input features');
    return [...inputShape.slice(0, -1), this.units];
  }

  protected override buildWeights(inputShape: readonly number[]): void {
    const fanIn = inputShape.at(-1)!;
    this.kernel = this.addParameter('kernel', this.spec.kernel([fanIn, this.units]));
    if (this.spec.useBias) this.bias = this.addParameter('bias', this.spec.bias([this.units], fanIn));
    if (this.spec.regularizer) this.addPenalty(this.kernel, this.spec.regularizer);
  }

  forward(x: Tensor): Tensor {
    return this.spec.finish(matMul(x, this.kernel!), this.bias);
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), units: this.units, ...this.spec.config('dense') };
  }
}

/**
 * A fully connected layer: `dense({ units, activation, useBias, kernelInitializer, biasInitializer, kernelRegularizer })`.
 * The kernel is `[in, out]`; the input size is taken from the first call (or `inputShape`).
 *
 * @example
 * ```ts
 * const model = new Sequential([dense({ units: 64, activation: 'relu', inputShape: [784] }), dense({ units: 10 })]);
 * ```
 */
export function dense(options: DenseOptions): Dense {
  return new Dense(options);
}

/**
 * The `dense` layer plugin.
 *
 * @example
 * ```ts
 * lookup('layer', 'dense');
 * ```
 */
export const denseLayer = /* @__PURE__ */ layerPlugin<DenseOptions>('dense', (c) => new Dense(c));
