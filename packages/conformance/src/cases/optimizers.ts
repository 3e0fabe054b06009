/**
 * The case table of `optimizers.json`: 25-step trajectories of every optimizer on the oracle's
 * problem `loss(W, b) = mean((X @ W + b − Y)²)`, with gradients from autograd (`variableGrads`),
 * as PyTorch computed them; the clipped Adam run; and the clipping functions on given gradients.
 * The optimizers are created through their registry plugins from the case's PyTorch
 * hyperparameters, renamed to tensorkit's (snake_case to camelCase).
 */
import { variableGrads } from '@tensorkit/autograd';
import {
  adadelta, adagrad, adam, adamax, adamw, clipGradNorm, clipGradValue, nadam, radam, rmsprop, sgd,
  type OptimizerPlugin,
} from '@tensorkit/optim';
import * as tk from '@tensorkit/tensor';
import type { Tensor, Variable } from '@tensorkit/tensor';
import { num } from '../from-torch';
import type { Params, ParamValue } from '../oracle';
import { input, type CaseInputs, type CaseOutputs, type CaseTable } from '../runner';

/** The plugin of each PyTorch optimizer class name in `params.optimizer`. */
const PLUGINS: Readonly<Record<string, OptimizerPlugin<never>>> = {
  SGD: sgd, Adagrad: adagrad, RMSprop: rmsprop, Adam: adam, AdamW: adamw, Adamax: adamax, NAdam: nadam, RAdam: radam, Adadelta: adadelta,
} as unknown as Readonly<Record<string, OptimizerPlugin<never>>>;

/** `params` keys that describe the run rather than the optimizer. */
const NOT_HYPERPARAMETERS = new Set(['optimizer', 'steps', 'clip_max_norm', 'clip_norm_type']);

/** PyTorch's hyperparameters under tensorkit's names (`weight_decay` → `weightDecay`). */
export function optimizerOptions(p: Params): Record<string, ParamValue> {
  return Object.fromEntries(
    Object.entries(p)
      .filter(([k]) => !NOT_HYPERPARAMETERS.has(k))
      .map(([k, v]) => [k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), v]),
  );
}

/** `"inf"` (JSON) or a number, as a tensorkit norm type. */
const normType = (v: ParamValue | undefined): number => (v === 'inf' ? Infinity : num(v, 'norm_type'));

/** Runs the oracle's loop: loss before each step, W and b after it, and the clipped norm when asked. */
function trajectory(x: CaseInputs, p: Params): CaseOutputs {
  const plugin = PLUGINS[String(p.optimizer)];
  if (plugin === undefined) throw new Error(`no tensorkit optimizer for PyTorch's ${String(p.optimizer)}`);
  const X = input(x, 'X');
  const Y = input(x, 'Y');
  const W = tk.variable(input(x, 'W0'), { name: 'W' });
  const b = tk.variable(input(x, 'b0'), { name: 'b' });
  const optimizer = plugin.create([W, b] as never, optimizerOptions(p) as never);
  const clip = p.clip_max_norm === undefined ? undefined : { maxNorm: num(p.clip_max_norm, 'clip_max_norm'), normType: normType(p.clip_norm_type) };
  const losses: Tensor[] = [];
  const Ws: Tensor[] = [];
  const bs: Tensor[] = [];
  const norms: Tensor[] = [];
  try {
    for (let k = 0; k < num(p.steps, 'steps'); k++) {
      const { value, grads } = variableGrads(() => tk.mean(tk.square(tk.sub(tk.add(tk.matMul(X, W), b), Y))), [W, b]);
      let g: Map<Variable, Tensor> = grads;
      if (clip) {
        const clipped = clipGradNorm(grads, clip.maxNorm, clip.normType);
        norms.push(clipped.totalNorm);
        g = clipped.grads;
      }
      optimizer.step(g);
      losses.push(value);
      Ws.push(tk.clone(W));
      bs.push(tk.clone(b));
    }
  } finally {
    optimizer.dispose();
    W.dispose();
    b.dispose();
  }
  return { loss: tk.stack(losses), W: tk.stack(Ws), b: tk.stack(bs), ...(clip ? { total_norm: tk.stack(norms) } : {}) };
}

/** The two gradients of a clipping case, keyed by their oracle names. */
const gradsOf = (x: CaseInputs): Map<string, Tensor> => new Map([['grad_W', input(x, 'grad_W')], ['grad_b', input(x, 'grad_b')]]);

const trajectoryRunner = { category: 'reduction', forward: trajectory } as const;

/** Runners for every op id of `optimizers.json` (trajectories at the oracle's 1e-4 / 1e-5). */
export const optimizersTable: CaseTable = {
  'optim.sgd': trajectoryRunner,
  'optim.adagrad': trajectoryRunner,
  'optim.rmsprop': trajectoryRunner,
  'optim.adam': trajectoryRunner,
  'optim.adamw': trajectoryRunner,
  'optim.adamax': trajectoryRunner,
  'optim.nadam': trajectoryRunner,
  'optim.radam': trajectoryRunner,
  'optim.adadelta': trajectoryRunner,
  'optim.step_with_clip_grad_norm': trajectoryRunner,
  'optim.clip_grad_norm': {
    category: 'reduction',
    forward: (x, p) => {
      const { grads, totalNorm } = clipGradNorm(gradsOf(x), num(p.max_norm, 'max_norm'), normType(p.norm_type));
      return { grad_W: grads.get('grad_W')!, grad_b: grads.get('grad_b')!, total_norm: totalNorm };
    },
  },
  'optim.clip_grad_value': {
    category: 'elementwise',
    forward: (x, p) => {
      const grads = clipGradValue(gradsOf(x), num(p.clip_value, 'clip_value'));
      return { grad_W: grads.get('grad_W')!, grad_b: grads.get('grad_b')! };
    },
  },
};
