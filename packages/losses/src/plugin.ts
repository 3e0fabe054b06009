import { CORE_VERSION, type NamedPlugin } from '@tensorkit/core';
import type { Tensor, TensorLike } from '@tensorkit/tensor';

/**
 * What a loss wants as its prediction: raw `logits`, `probabilities` (already through a sigmoid
 * or softmax), or plain `values` (regression). `model.compile` uses it to warn when the last
 * layer's activation and the loss disagree (a softmax before `crossEntropy`, say).
 *
 * @example
 * ```ts
 * const e: LossInput = crossEntropyLoss.expects; // 'logits'
 * ```
 */
export type LossInput = 'logits' | 'probabilities' | 'values';

/**
 * A loss plugin: `compute(yTrue, yPred, options)` returns the loss, **label first** (as in Keras
 * and tfjs; PyTorch writes `loss(input, target)`). `expects` is what the prediction should be with
 * the default options; a loss whose options change that (`fromLogits`) also has `expectsWith`,
 * and {@link expectedInput} resolves both.
 *
 * @example
 * ```ts
 * const myL1: LossPlugin = {
 *   kind: 'loss', name: 'myL1', package: 'my-losses', coreVersion: '0.1.0', expects: 'values',
 *   compute: (yTrue, yPred) => mean(abs(sub(yPred, yTrue))),
 * };
 * use(myL1);
 * ```
 */
export interface LossPlugin extends NamedPlugin<'loss'> {
  readonly package: string;
  readonly coreVersion: string;
  /** Computes the loss; `options` are the loss function's options (`reduction`, ...). */
  compute(yTrue: TensorLike, yPred: TensorLike, options?: object): Tensor;
  /** What `yPred` should be with the default options. */
  readonly expects: LossInput;
  /** What `yPred` should be with these options, for losses with a `fromLogits` option. */
  readonly expectsWith?: (options: object | undefined) => LossInput;
}

/**
 * What `yPred` should be for `loss` called with `options`: `expectsWith(options)` when the loss
 * has it, else `expects`.
 *
 * @example
 * ```ts
 * expectedInput(binaryCrossEntropyLoss);                        // 'probabilities'
 * expectedInput(binaryCrossEntropyLoss, { fromLogits: true });  // 'logits'
 * ```
 */
export function expectedInput(loss: LossPlugin, options?: object): LossInput {
  return loss.expectsWith ? loss.expectsWith(options) : loss.expects;
}

/** The package name, used in error messages and plugin objects. @internal */
export const PACKAGE = '@tensorkit/losses';

/** `fromLogits ? 'logits' : 'probabilities'`, with the given default for a missing option. @internal */
export function fromLogitsExpectation(defaultFromLogits: boolean): (options: object | undefined) => LossInput {
  return (options) => {
    const v = (options as { fromLogits?: unknown } | undefined)?.fromLogits;
    return (typeof v === 'boolean' ? v : defaultFromLogits) ? 'logits' : 'probabilities';
  };
}

/**
 * Builds a loss plugin from its function. `compute` forwards to `fn`, so the plugin and the
 * function always agree. @internal
 */
export function lossPlugin<O extends object>(
  name: string,
  fn: (yTrue: TensorLike, yPred: TensorLike, options?: O) => Tensor,
  expects: LossInput,
  extra: { aliases?: readonly string[]; expectsWith?: (options: object | undefined) => LossInput } = {},
): LossPlugin {
  return {
    kind: 'loss',
    name,
    package: PACKAGE,
    coreVersion: CORE_VERSION,
    expects,
    compute: (yTrue, yPred, options) => fn(yTrue, yPred, options as O | undefined),
    ...(extra.aliases ? { aliases: extra.aliases } : {}),
    ...(extra.expectsWith ? { expectsWith: extra.expectsWith } : {}),
  };
}
