/**
 * The case table of `activations.json`: each `act.*` op id run with the `@tensorkit/activations`
 * function NAMES.md maps it to. Gradients are the suite's generic VJP of `forward`, so the
 * saturation (`*_edge`) cases also check that no branch's gradient turns into NaN.
 */
import * as act from '@tensorkit/activations';
import * as tk from '@tensorkit/tensor';
import type { Tensor } from '@tensorkit/tensor';
import { axisParam, num } from '../from-torch';
import type { Params } from '../oracle';
import { input, type CaseTable, type OpRunner } from '../runner';

const elementwise = (fn: (x: Tensor, p: Params) => Tensor): OpRunner => ({
  category: 'elementwise',
  forward: (x, p) => ({ out: fn(input(x, 'x'), p) }),
});

/** `act.softmax|log_softmax` (`dim`); the ±1000 logits share the elementwise tolerance. */
const normalised = (fn: (x: Tensor, axis?: number) => Tensor): OpRunner =>
  elementwise((x, p) => {
    const axis = axisParam(p.dim);
    if (Array.isArray(axis)) throw new Error(`softmax takes one dim, got ${JSON.stringify(p.dim)}`);
    return fn(x, axis);
  });

/** `(N, C, ...)` with channels on axis 1 → channels last, and back; identity below rank 3. */
const channelsLast = (x: Tensor): Tensor => (x.rank < 3 ? x : tk.transpose(x, [0, ...range(2, x.rank), 1]));
const channelsFirst = (x: Tensor): Tensor => (x.rank < 3 ? x : tk.transpose(x, [0, x.rank - 1, ...range(1, x.rank - 1)]));
function range(start: number, stop: number): number[] {
  return Array.from({ length: stop - start }, (_, i) => start + i);
}

/** `act.*` op id → runner. */
export const activationsTable: CaseTable = {
  'act.sigmoid': elementwise((x) => act.sigmoid(x)),
  'act.tanh': elementwise((x) => act.tanh(x)),
  'act.relu': elementwise((x) => act.relu(x)),
  'act.relu6': elementwise((x) => act.relu6(x)),
  'act.leaky_relu': elementwise((x, p) => act.leakyRelu(x, { negativeSlope: num(p.negative_slope, 'negative_slope') })),
  'act.hardtanh': elementwise((x, p) => act.hardTanh(x, { minVal: num(p.min_val, 'min_val'), maxVal: num(p.max_val, 'max_val') })),
  'act.elu': elementwise((x, p) => act.elu(x, { alpha: num(p.alpha, 'alpha') })),
  'act.selu': elementwise((x) => act.selu(x)),
  'act.celu': elementwise((x, p) => act.celu(x, { alpha: num(p.alpha, 'alpha') })),
  'act.gelu': elementwise((x, p) => {
    if (p.approximate !== 'none' && p.approximate !== 'tanh') throw new Error(`gelu: approximate ${JSON.stringify(p.approximate)}`);
    return act.gelu(x, { approximate: p.approximate });
  }),
  'act.softplus': elementwise((x, p) => act.softplus(x, { beta: num(p.beta, 'beta'), threshold: num(p.threshold, 'threshold') })),
  'act.softsign': elementwise((x) => act.softsign(x)),
  'act.silu': elementwise((x) => act.silu(x)),
  'act.mish': elementwise((x) => act.mish(x)),
  'act.hardsigmoid': elementwise((x) => act.hardSigmoid(x)),
  'act.hardswish': elementwise((x) => act.hardSwish(x)),
  'act.logsigmoid': elementwise((x) => act.logSigmoid(x)),
  'act.softmax': normalised(act.softmax),
  'act.log_softmax': normalised(act.logSoftmax),
  // PyTorch's slope runs along dim 1; tensorkit's along the last axis. The permutes are part of
  // the differentiated forward, so the grads come back in PyTorch's layout too.
  'act.prelu': {
    category: 'elementwise',
    forward: (x) => ({ out: channelsFirst(act.prelu(channelsLast(input(x, 'x')), input(x, 'weight'))) }),
  },
};
