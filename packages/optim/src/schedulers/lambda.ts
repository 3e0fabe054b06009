import { ArgumentError } from '@tensorkit/core';
import { show } from '../validate';
import { LRScheduler, required, type SchedulableOptimizer } from './scheduler';

/**
 * Options of {@link LambdaLR}.
 *
 * @example
 * ```ts
 * const o: LambdaLROptions = { lrLambda: (epoch) => 0.95 ** epoch };
 * ```
 */
export interface LambdaLROptions {
  /** The factor of the base lr at an epoch: one function, or one per param group (required). */
  lrLambda: ((epoch: number) => number) | readonly ((epoch: number) => number)[];
}

/**
 * Sets each group's lr to its base lr times `lrLambda(epoch)`: PyTorch's `LambdaLR`. The
 * functions are not part of the state dict.
 *
 * @example
 * ```ts
 * const s = new LambdaLR(optimizer, { lrLambda: (epoch) => 1 / (1 + epoch) });
 * ```
 */
export class LambdaLR extends LRScheduler {
  private readonly lambdas: readonly ((epoch: number) => number)[];
  constructor(optimizer: SchedulableOptimizer, options: LambdaLROptions) {
    super('lambdaLR', optimizer);
    required('lambdaLR', options, ['lrLambda']);
    const { lrLambda } = options;
    const n = optimizer.paramGroups.length;
    const lambdas = typeof lrLambda === 'function' ? Array.from({ length: n }, () => lrLambda) : lrLambda;
    if (!Array.isArray(lambdas) || lambdas.length !== n || !lambdas.every((f) => typeof f === 'function')) {
      throw new ArgumentError(
        'INVALID_ARGUMENT',
        `lambdaLR: option 'lrLambda' must be a function or a list of ${n} functions (one per param group), got ${show(lrLambda)}`,
      );
    }
    this.lambdas = lambdas;
    this.start();
  }
  protected computeLr(): number[] {
    return this.baseLrs.map((lr, i) => {
      const factor = this.lambdas[i]!(this.lastEpoch);
      if (typeof factor !== 'number' || Number.isNaN(factor)) {
        throw new ArgumentError('INVALID_ARGUMENT', `lambdaLR: lrLambda(${this.lastEpoch}) returned ${show(factor)} for param group ${i}; it must return a number`);
      }
      return lr * factor;
    });
  }
}
