/**
 * The case table of `higher_order.json`: second derivatives, double backward and Hessian-vector
 * products, computed with `@tensorkit/autograd` over tensor ops. Every gradient here is itself
 * recorded, so the suite's generic VJP of `forward` (the double-backward `grads`) differentiates
 * through it. Functions that arrive with later issues (exact GELU, cross-entropy) are composed
 * from tensor ops, as PyTorch defines them.
 */
import { grad, grads, vjp } from '@tensorkit/autograd';
import * as tk from '@tensorkit/tensor';
import type { Tensor } from '@tensorkit/tensor';
import { num } from '../from-torch';
import type { Params } from '../oracle';
import { input, type CaseInputs, type CaseTable, type OpRunner } from '../runner';

type Fn = (x: Tensor) => Tensor;

/** The elementwise functions of `params.fn`. */
const ELEMENTWISE: Readonly<Record<string, Fn>> = {
  tanh: tk.tanh,
  sigmoid: tk.sigmoid,
  softplus: tk.softplus,
  exp: tk.exp,
  // Exact (erf) GELU, composed until @tensorkit/activations brings it: 0.5·x·(1 + erf(x/√2)).
  gelu: (x) => tk.mul(tk.mul(0.5, x), tk.add(1, tk.erf(tk.mul(x, Math.SQRT1_2)))),
  // pow (not x·x·x) so that pow's gradient at x = 0 (x[0] is exactly 0) is exercised twice.
  x3sinx: (x) => tk.mul(tk.pow(x, 3), tk.sin(x)),
};

function elementwise(p: Params): Fn {
  const f = typeof p.fn === 'string' ? ELEMENTWISE[p.fn] : undefined;
  if (f === undefined) throw new Error(`grad2: unknown fn ${JSON.stringify(p.fn)}; the table has ${Object.keys(ELEMENTWISE).join(', ')}`);
  return f;
}

/** f' of an elementwise f, itself differentiable (the gradient of `sum(f(x))`). */
const derivative =
  (f: Fn): Fn =>
  (x) =>
    grad((t) => tk.sum(f(t)))(x);

/** The VJP of `f` at `x` with cotangent `u`, recorded so that it can be differentiated again. */
function vjpOf(f: Fn, x: CaseInputs): Tensor {
  return vjp(f, [input(x, 'x')], input(x, 'u')).grads[0]!;
}

/** `grad2.*_vjp`: output `g`, the first-order VJP; its grads (wrt x and u) are the double backward. */
const doubleBackward = (f: (p: Params) => Fn): OpRunner => ({
  category: 'higherOrder',
  forward: (x, p) => ({ g: vjpOf(f(p), x) }),
});

/** PyTorch's `linear`: `x·Wᵀ + b`, with W in PyTorch's `(out, in)` layout. */
const linear = (x: Tensor, w: Tensor, b: Tensor): Tensor => tk.add(tk.matMul(x, w, { transposeB: true }), b);

const MLP_PARAMS = ['W1', 'b1', 'W2', 'b2'] as const;

/** `grad2.mlp_hvp`: the loss, its gradient and the Hessian-vector product, per parameter. */
function mlpHvp(x: CaseInputs): Record<string, Tensor> {
  const X = input(x, 'X');
  const Y = input(x, 'Y');
  const loss = (W1: Tensor, b1: Tensor, W2: Tensor, b2: Tensor): Tensor =>
    tk.mean(tk.square(tk.sub(linear(tk.tanh(linear(X, W1, b1)), W2, b2), Y)));
  const lossOf = (ws: Tensor[]): Tensor => loss(ws[0]!, ws[1]!, ws[2]!, ws[3]!);
  const gradient = (...ws: Tensor[]): Tensor[] => grads((...w) => lossOf(w))(ws);
  const ws = MLP_PARAMS.map((name) => input(x, name));
  // The Hessian is symmetric, so the VJP of the gradient with v is H·v.
  const hvp = vjp(gradient, ws, MLP_PARAMS.map((name) => input(x, `v_${name}`))).grads;
  const g = gradient(...ws);
  const out: Record<string, Tensor> = { loss: lossOf(ws) };
  MLP_PARAMS.forEach((name, i) => {
    out[`grad_${name}`] = g[i]!;
    out[`hvp_${name}`] = hvp[i]!;
  });
  return out;
}

/** PyTorch's `cross_entropy(logits, target)` with class indices, mean over the batch, from logSoftmax. */
const crossEntropy =
  (target: Tensor): Fn =>
  (logits) =>
    tk.neg(tk.mean(tk.takeAlongAxis(tk.logSoftmax(logits, 1), tk.expandDims(target, 1), 1)));

/** `grad2.cross_entropy_hvp`: loss, gradient wrt the logits, and the Hessian times `v`. */
function crossEntropyHvp(x: CaseInputs, p: Params): Record<string, Tensor> {
  if (p.reduction !== 'mean') throw new Error(`grad2.cross_entropy_hvp: only reduction 'mean' is composed, got ${JSON.stringify(p.reduction)}`);
  const logits = input(x, 'logits');
  const loss = crossEntropy(input(x, 'target'));
  const gradient = grad(loss);
  return { loss: loss(logits), grad: gradient(logits), hvp: vjp(gradient, [logits], input(x, 'v')).grads[0]! };
}

/** `grad2.logsumexp_hessian`: the full Hessian of `logsumexp(x)` over a 1-D x, one row per basis vector. */
function logSumExpHessian(x: CaseInputs): Record<string, Tensor> {
  const t = input(x, 'x');
  const gradient = grad((v) => tk.logSumExp(v));
  const n = t.shape[0]!;
  const rows = Array.from({ length: n }, (_, i) => {
    const basis = tk.tensor(Array.from({ length: n }, (_, j) => (j === i ? 1 : 0)));
    return vjp(gradient, [t], basis).grads[0]!;
  });
  return { out: tk.logSumExp(t), hessian: tk.stack(rows, 0) };
}

/** Runners for every op id of `higher_order.json`. */
export const higherOrderTable: CaseTable = {
  'grad2.elementwise': {
    category: 'higherOrder',
    forward: (x, p) => {
      const f = elementwise(p);
      const t = input(x, 'x');
      return { out: f(t), d1: derivative(f)(t), d2: derivative(derivative(f))(t) };
    },
  },
  'grad2.elementwise_vjp': doubleBackward(elementwise),
  'grad2.softmax_vjp': doubleBackward((p) => (t) => tk.softmax(t, num(p.dim, 'dim'))),
  'grad2.log_softmax_vjp': doubleBackward((p) => (t) => tk.logSoftmax(t, num(p.dim, 'dim'))),
  'grad2.mlp_hvp': { category: 'higherOrder', forward: (x) => mlpHvp(x) },
  'grad2.cross_entropy_hvp': { category: 'higherOrder', forward: crossEntropyHvp },
  'grad2.logsumexp_hessian': { category: 'higherOrder', forward: (x) => logSumExpHessian(x) },
};
