import { ArgumentError } from '@tensorkit/core';
import { div, mean, sum, type Tensor } from '@tensorkit/tensor';

/**
 * How a loss turns its per-element (or per-sample) values into its result: `'mean'` averages,
 * `'sum'` adds, `'none'` returns them as they are.
 *
 * @example
 * ```ts
 * meanSquaredError(yTrue, yPred, { reduction: 'none' satisfies Reduction });
 * ```
 */
export type Reduction = 'mean' | 'sum' | 'none';

const REDUCTIONS: readonly string[] = ['mean', 'sum', 'none'];

/** The `reduction` option, checked. `extra` lists loss-specific reductions (`batchmean`). @internal */
export function reductionOption<R extends string = Reduction>(value: unknown, loss: string, extra: readonly string[] = []): R {
  if (value === undefined) return 'mean' as R;
  const allowed = [...REDUCTIONS, ...extra];
  if (typeof value !== 'string' || !allowed.includes(value)) {
    throw new ArgumentError(
      'INVALID_ARGUMENT',
      `${loss}: unknown reduction ${JSON.stringify(value)}; use one of ${allowed.map((r) => `'${r}'`).join(', ')}`,
    );
  }
  return value as R;
}

/** Applies a plain reduction (`'mean'` over every element). @internal */
export function reduce(loss: Tensor, reduction: Reduction): Tensor {
  if (reduction === 'none') return loss;
  return reduction === 'sum' ? sum(loss) : mean(loss);
}

/** Applies a reduction whose `'mean'` divides by a given total (class weights, ignored targets). @internal */
export function reduceWeighted(loss: Tensor, reduction: Reduction, total: Tensor): Tensor {
  if (reduction === 'none') return loss;
  return reduction === 'sum' ? sum(loss) : div(sum(loss), total);
}
