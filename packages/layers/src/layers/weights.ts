/**
 * What dense and conv layers share: the activation, the kernel and bias initializers, the
 * kernel regularizer and the seed, read from the options and written back by `getConfig`.
 */
import { add, type Tensor } from '@tensorkit/tensor';
import { activationConfig, resolveActivation, type ActivationSpec, type ResolvedActivation } from './activation-spec';
import { boolArg, seedArg } from './args';
import {
  initBias, initWeight, resolveInitializer, resolveRegularizer, type InitializerLike, type InitializerSpec, type RegularizerLike, type RegularizerSpec,
} from './initializers';

/** The options of layers with a kernel and an optional bias. */
export interface KernelOptions {
  /** Applied to the output: a registered name (`'relu'`), a plugin or a function. Default none. */
  activation?: ActivationSpec;
  /** Add a learned bias. Default true. */
  useBias?: boolean;
  /** The kernel's initializer. Default PyTorch's (`torchDefault`): U(±1/√fanIn). */
  kernelInitializer?: InitializerSpec;
  /** The bias's initializer. Default PyTorch's U(±1/√fanIn). */
  biasInitializer?: InitializerSpec;
  /** A penalty on the kernel added to the training loss (e.g. `'l2'`). */
  kernelRegularizer?: RegularizerSpec;
  /** Seeds the initial weights (the global generator otherwise). */
  seed?: number;
}

/** The option names of {@link KernelOptions}. */
export const KERNEL_OPTIONS = ['activation', 'useBias', 'kernelInitializer', 'biasInitializer', 'kernelRegularizer', 'seed'] as const;

/** {@link KernelOptions}, checked and resolved (unknown names fail here, at layer creation). */
export class KernelSpec {
  readonly activation: ResolvedActivation;
  readonly useBias: boolean;
  readonly kernelInit: InitializerLike | undefined;
  readonly biasInit: InitializerLike | undefined;
  readonly regularizer: RegularizerLike | undefined;
  readonly seed: number | undefined;

  constructor(o: KernelOptions, layer: string) {
    this.activation = resolveActivation(o.activation, layer);
    this.useBias = boolArg(o.useBias ?? true, 'useBias', layer);
    this.kernelInit = resolveInitializer(o.kernelInitializer, 'kernelInitializer', layer);
    this.biasInit = resolveInitializer(o.biasInitializer, 'biasInitializer', layer);
    this.regularizer = resolveRegularizer(o.kernelRegularizer, 'kernelRegularizer', layer);
    this.seed = seedArg(o.seed, layer);
  }

  /** A new kernel. */
  kernel(shape: readonly number[]): Tensor {
    return initWeight(this.kernelInit, shape, this.seed);
  }

  /** A new bias (seeded apart from the kernel). */
  bias(shape: readonly number[], fanIn: number): Tensor {
    return initBias(this.biasInit, shape, fanIn, this.seed === undefined ? undefined : this.seed + 1);
  }

  /** Adds the bias (when there is one) and applies the activation. */
  finish(y: Tensor, bias: Tensor | undefined): Tensor {
    const z = bias === undefined ? y : add(y, bias);
    return this.activation.fn ? this.activation.fn(z) : z;
  }

  /** The options back as JSON. */
  config(layer: string): Record<string, unknown> {
    return {
      activation: activationConfig(this.activation, layer),
      useBias: this.useBias,
      ...(this.kernelInit ? { kernelInitializer: this.kernelInit.name } : {}),
      ...(this.biasInit ? { biasInitializer: this.biasInit.name } : {}),
      ...(this.regularizer ? { kernelRegularizer: regularizerConfig(this.regularizer) } : {}),
      ...(this.seed === undefined ? {} : { seed: this.seed }),
    };
  }
}

/** A regularizer as JSON: `{ name, config }` when it knows its config (so its strength is kept), else its name. */
function regularizerConfig(r: RegularizerLike): string | { name: string; config: Record<string, unknown> } {
  const withConfig = r as RegularizerLike & { getConfig?: () => Record<string, unknown> };
  return typeof withConfig.getConfig === 'function' ? { name: r.name, config: withConfig.getConfig() } : r.name;
}
