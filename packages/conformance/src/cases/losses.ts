/**
 * The case table of `losses.json`: each `loss.*` op id run with the `@tensorkit/losses` function
 * NAMES.md maps it to. tensorkit losses are `loss(yTrue, yPred, options)`, label first, so every
 * runner swaps PyTorch's `(input, target)`; the class axis of cross-entropy is moved from axis 1
 * (PyTorch) to the last axis (tensorkit) inside `forward`, so the generic VJP gives the gradient
 * in PyTorch's layout directly.
 */
import * as L from '@tensorkit/losses';
import * as tk from '@tensorkit/tensor';
import type { Tensor } from '@tensorkit/tensor';
import { bool, num } from '../from-torch';
import type { Params } from '../oracle';
import { input, type CaseInputs, type CaseTable, type OpRunner } from '../runner';

type Reduction = 'mean' | 'sum' | 'none';

/** PyTorch's `reduction` param (default `'mean'`). */
function reduction(p: Params): Reduction {
  const r = p.reduction ?? 'mean';
  if (r !== 'mean' && r !== 'sum' && r !== 'none') throw new Error(`unexpected reduction ${JSON.stringify(r)}`);
  return r;
}

/** A loss case: `out = fn(target, input, params, inputs)`; every loss case uses the loss tolerance. */
const lossRunner = (fn: (target: Tensor, prediction: Tensor, p: Params, x: CaseInputs) => Tensor): OpRunner => ({
  category: 'elementwise',
  forward: (x, p) => ({ out: fn(input(x, 'target'), input(x, 'input'), p, x) }),
});

/** A loss whose only option is `reduction`. */
const plain = (fn: (yTrue: Tensor, yPred: Tensor, o: { reduction: Reduction }) => Tensor): OpRunner =>
  lossRunner((t, x, p) => fn(t, x, { reduction: reduction(p) }));

/** An optional tensor input (class weights, `pos_weight`) as an option entry. */
const optional = <K extends string>(x: CaseInputs, name: string, key: K): Partial<Record<K, Tensor>> =>
  (x[name] === undefined ? {} : { [key]: x[name] }) as Partial<Record<K, Tensor>>;

/** `(N, C, d1, …)` → `(N, d1, …, C)`: PyTorch's class axis 1 to tensorkit's last axis. */
const classLast = (x: Tensor): Tensor =>
  x.rank < 3 ? x : tk.transpose(x, [0, ...Array.from({ length: x.rank - 2 }, (_, i) => i + 2), 1]);

/** Runners for every op id of `losses.json`. */
export const lossesTable: CaseTable = {
  'loss.binary_cross_entropy': lossRunner((t, x, p, inputs) =>
    L.binaryCrossEntropy(t, x, { reduction: reduction(p), ...optional(inputs, 'weight', 'weight') }),
  ),
  'loss.binary_cross_entropy_with_logits': lossRunner((t, x, p, inputs) =>
    L.binaryCrossEntropy(t, x, {
      fromLogits: true,
      reduction: reduction(p),
      ...optional(inputs, 'weight', 'weight'),
      ...optional(inputs, 'pos_weight', 'posWeight'),
    }),
  ),
  'loss.cross_entropy': lossRunner((t, x, p, inputs) =>
    L.crossEntropy(t.dtype === 'int32' ? t : classLast(t), classLast(x), {
      reduction: reduction(p),
      ignoreIndex: p.ignore_index === undefined ? -100 : num(p.ignore_index, 'ignore_index'),
      labelSmoothing: p.label_smoothing === undefined ? 0 : num(p.label_smoothing, 'label_smoothing'),
      ...optional(inputs, 'weight', 'weight'),
    }),
  ),
  'loss.nll_loss': lossRunner((t, x, p, inputs) =>
    L.nll(t, x, {
      reduction: reduction(p),
      ignoreIndex: p.ignore_index === undefined ? -100 : num(p.ignore_index, 'ignore_index'),
      ...optional(inputs, 'weight', 'weight'),
    }),
  ),
  // PyTorch's kl_div takes log-probabilities: tensorkit's `logInput: true`.
  'loss.kl_div': lossRunner((t, x, p) => {
    const r = p.reduction;
    if (r !== 'mean' && r !== 'sum' && r !== 'none' && r !== 'batchmean') throw new Error(`unexpected reduction ${JSON.stringify(r)}`);
    return L.klDivergence(t, x, { logInput: true, logTarget: bool(p.log_target, 'log_target'), reduction: r });
  }),
  'loss.mse': plain(L.meanSquaredError),
  'loss.l1': plain(L.meanAbsoluteError),
  'loss.mape': plain(L.meanAbsolutePercentageError),
  'loss.huber': lossRunner((t, x, p) => L.huber(t, x, { delta: num(p.delta, 'delta'), reduction: reduction(p) })),
  'loss.smooth_l1': lossRunner((t, x, p) => L.smoothL1(t, x, { beta: num(p.beta, 'beta'), reduction: reduction(p) })),
  'loss.hinge': plain(L.hinge),
  'loss.squared_hinge': plain(L.squaredHinge),
  'loss.exponential': plain(L.exponential),
  'loss.log_cosh': plain(L.logCosh),
  'loss.quantile': lossRunner((t, x, p) => L.quantile(t, x, { tau: num(p.tau, 'tau'), reduction: reduction(p) })),
  'loss.hinge_embedding': lossRunner((t, x, p) => L.hingeEmbedding(t, x, { margin: num(p.margin, 'margin'), reduction: reduction(p) })),
  'loss.multi_margin': lossRunner((t, x, p, inputs) =>
    L.multiMarginHinge(t, x, { p: num(p.p, 'p'), margin: num(p.margin, 'margin'), reduction: reduction(p), ...optional(inputs, 'weight', 'weight') }),
  ),
  'loss.sigmoid_focal': lossRunner((t, x, p) =>
    L.focal(t, x, { alpha: num(p.alpha, 'alpha'), gamma: num(p.gamma, 'gamma'), reduction: reduction(p) }),
  ),
  'loss.softmax_focal': lossRunner((t, x, p) => L.categoricalFocal(t, x, { gamma: num(p.gamma, 'gamma'), reduction: reduction(p) })),
  'loss.poisson_nll': lossRunner((t, x, p) =>
    L.poissonNll(t, x, {
      logInput: bool(p.log_input, 'log_input'),
      full: bool(p.full, 'full'),
      eps: num(p.eps, 'eps'),
      reduction: reduction(p),
    }),
  ),
  'loss.cosine_embedding': {
    category: 'elementwise',
    forward: (x, p) => ({
      out: L.cosineEmbedding(input(x, 'target'), [input(x, 'input1'), input(x, 'input2')], {
        margin: num(p.margin, 'margin'),
        reduction: reduction(p),
      }),
    }),
  },
};
