import { CORE_VERSION } from '@tensorkit/core';
import { add, matMul, type Tensor, type Variable } from '@tensorkit/tensor';
import { Layer, type LayerOptions, type LayerPlugin } from '../layer';
import { activationConfig, resolveActivation, type ActivationSpec, type ResolvedActivation } from './activation-spec';
import { boolArg, intArg, optionsOf, seedArg } from './args';
import {
  initWeight, resolveInitializer, resolveRegularizer, type InitializerLike, type InitializerSpec, type RegularizerLike, type RegularizerSpec,
} from './initializers';

/** Options of {@link dense}. */
export interface DenseOptions extends LayerOptions {
  /** The number of output features. Required. */
  units: number;
  /** Applied to the output: a registered name (`'relu'`), a plugin or a function. Default none. */
  activation?: ActivationSpec;
  /** Add a learned bias. Default true. */
  useBias?: boolean;
  /** The kernel's initializer. Default `torchDefault` (PyTorch's `nn.Linear` init). */
  kernelInitializer?: InitializerSpec;
  /** The bias's initializer. Default PyTorch's U(±1/√in). */
  biasInitializer?: InitializerSpec;
  /** A penalty on the kernel added to the training loss (e.g. `'l2'`). */
  kernelRegularizer?: RegularizerSpec;
  /** Seeds the initial weights (the global generator otherwise). */
  seed?: number;
}

const KNOWN = ['units', 'activation', 'useBias', 'kernelInitializer', 'biasInitializer', 'kernelRegularizer', 'seed', 'inputShape'] as const;

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
  readonly units: number;
  readonly useBias: boolean;
  /** `[in, out]`, once built. */
  kernel: Variable | undefined;
  /** `[out]`, once built (when `useBias`). */
  bias: Variable | undefined;
  private readonly activation: ResolvedActivation;
  private readonly kernelInit: InitializerLike | undefined;
  private readonly biasInit: InitializerLike | undefined;
  private readonly regularizer: RegularizerLike | undefined;
  private readonly seed: number | undefined;

  constructor(options: DenseOptions) {
    const o = optionsOf(options, 'dense', KNOWN);
    super(o);
    this.units = intArg(o.units, 'units', 'dense');
    this.useBias = boolArg(o.useBias ?? true, 'useBias', 'dense');
    this.activation = resolveActivation(o.activation, 'dense');
    this.kernelInit = resolveInitializer(o.kernelInitializer, 'kernelInitializer', 'dense');
    this.biasInit = resolveInitializer(o.biasInitializer, 'biasInitializer', 'dense');
    this.regularizer = resolveRegularizer(o.kernelRegularizer, 'kernelRegularizer', 'dense');
    this.seed = seedArg(o.seed, 'dense');
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
    this.kernel = this.addParameter('kernel', initWeight(this.kernelInit, [fanIn, this.units], fanIn, this.seed));
    if (this.useBias) {
      this.bias = this.addParameter('bias', initWeight(this.biasInit, [this.units], fanIn, this.seed === undefined ? undefined : this.seed + 1));
    }
    if (this.regularizer) this.addPenalty(this.kernel, this.regularizer);
  }

  forward(x: Tensor): Tensor {
    const y = matMul(x, this.kernel!);
    const z = this.bias ? add(y, this.bias) : y;
    return this.activation.fn ? this.activation.fn(z) : z;
  }

  override getConfig(): Record<string, unknown> {
    const name = (i: { name: string } | undefined): string | undefined => i?.name;
    return {
      ...super.getConfig(),
      units: this.units,
      activation: activationConfig(this.activation, 'dense'),
      useBias: this.useBias,
      ...(this.kernelInit ? { kernelInitializer: name(this.kernelInit) } : {}),
      ...(this.biasInit ? { biasInitializer: name(this.biasInit) } : {}),
      ...(this.regularizer ? { kernelRegularizer: name(this.regularizer) } : {}),
      ...(this.seed === undefined ? {} : { seed: this.seed }),
    };
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
 * use(denseLayer);
 * lookup('layer', 'dense');
 * ```
 */
export const denseLayer: LayerPlugin = {
  kind: 'layer',
  name: 'dense',
  package: '@tensorkit/layers',
  coreVersion: CORE_VERSION,
  create: (config) => new Dense(config as DenseOptions),
};
