import type { Tensor } from '@tensorkit/tensor';

/**
 * What a gradient function receives besides the upstream gradient: the kernel's inputs, outputs
 * and attributes, as they were in the forward pass.
 *
 * @example
 * ```ts
 * const expGrad: GradFunc = (dy, { outputs: [y] }) => [mul(dy, y!)];
 * ```
 */
export interface SavedTensors<A = Record<string, unknown>> {
  readonly inputs: readonly Tensor[];
  readonly outputs: readonly Tensor[];
  readonly attrs: A;
  /**
   * Per input, whether its gradient can reach a tensor being differentiated (the input depends on
   * one). A gradient function may return `null` for the others to skip their cost, as the matMul
   * and conv gradients do (the gradient of a network's input batch is never needed in training).
   * Absent means every gradient is needed.
   */
  readonly needsInputGrad?: readonly boolean[];
}

/** Whether input `i`'s gradient is needed (see {@link SavedTensors.needsInputGrad}). @internal */
export function needsInputGrad(saved: SavedTensors<unknown>, i: number): boolean {
  return saved.needsInputGrad?.[i] !== false;
}

/**
 * A kernel's backward function: given the upstream gradient `dy` of its output, returns the
 * gradient of each input (`null` for inputs that get none, such as integer indices). It must be
 * written with tensor ops, so it runs on every backend and can itself be differentiated.
 *
 * @example
 * ```ts
 * const mulGrad: GradFunc = (dy, { inputs: [a, b] }) => [mul(dy, b!), mul(dy, a!)];
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type GradFunc<A = any> = (dy: Tensor, saved: SavedTensors<A>) => readonly (Tensor | null)[];

/**
 * A gradient plugin for the registry (kind `gradient`): how third-party kernels get gradients,
 * and how a built-in gradient is overridden. The registry is consulted before the built-in table.
 *
 * @example
 * ```ts
 * use({ kind: 'gradient', kernelName: 'MyGelu', package: 'my-plugin', gradFunc: (dy, { inputs: [x] }) => [mul(dy, myGeluGrad(x!))] });
 * ```
 */
export interface GradientPlugin {
  readonly kind: 'gradient';
  readonly kernelName: string;
  readonly gradFunc: GradFunc;
  readonly package?: string;
  readonly coreVersion?: string;
}
