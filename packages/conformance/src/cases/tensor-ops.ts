/**
 * The case table of `tensor_ops.json`: each oracle op id, run with the tensorkit op that
 * NAMES.md maps it to. Every case of the fixture must have a runner here (the suite checks it).
 */
import * as tk from '@tensorkit/tensor';
import type { Tensor, TensorLike } from '@tensorkit/tensor';
import { axisParam, bool, ints, num } from '../from-torch';
import type { ParamValue, Params } from '../oracle';
import { input, numberedInputs, type CaseInputs, type CaseTable, type OpRunner } from '../runner';

type Binary = (a: TensorLike, b: TensorLike) => Tensor;
type Unary = (x: TensorLike) => Tensor;
type Reduce = (x: TensorLike, axis?: number | number[], keepDims?: boolean) => Tensor;

/** `tensor.add|sub|…`: inputs `a`, `b`, broadcast. */
const binary = (fn: Binary): OpRunner => ({
  category: 'elementwise',
  forward: (x) => ({ out: fn(input(x, 'a'), input(x, 'b')) }),
});

/** `tensor.<op>_scalar` (`x op s`) and `tensor.r<op>_scalar` (`s op x`), the scalar in `params[key]`. */
const scalar = (fn: Binary, key: string, reversed = false): OpRunner => ({
  category: 'elementwise',
  forward: (x, p) => {
    const s = num(p[key], key);
    return { out: reversed ? fn(s, input(x, 'x')) : fn(input(x, 'x'), s) };
  },
});

const unary = (fn: Unary): OpRunner => ({ category: 'elementwise', forward: (x) => ({ out: fn(input(x, 'x')) }) });

/** `dim` / `keepdim` of a reduction. */
const reduceArgs = (p: Params): [number | number[] | undefined, boolean] => [axisParam(p.dim), bool(p.keepdim, 'keepdim')];

/** `tensor.sum|mean|prod|logsumexp`: `fn(x, axis, keepDims)`. */
const reduction = (fn: Reduce): OpRunner => ({
  category: 'reduction',
  forward: (x, p) => ({ out: fn(input(x, 'x'), ...reduceArgs(p)) }),
});

/**
 * `tensor.max|min`: over all dims one output `out`; over a dim PyTorch returns `(values,
 * indices)`, and tensorkit returns the values, with `argMax`/`argMin` for the indices.
 */
const extremum = (fn: Reduce, arg: (x: TensorLike, axis?: number, keepDims?: boolean) => Tensor): OpRunner => ({
  category: 'reduction',
  forward: (x, p, c) => {
    const [axis, keepDims] = reduceArgs(p);
    const t = input(x, 'x');
    if (!('values' in c.outputs)) return { out: fn(t, axis, keepDims) };
    if (typeof axis !== 'number') throw new Error(`max/min with (values, indices) needs one dim, got ${JSON.stringify(p.dim)}`);
    return { values: fn(t, axis, keepDims), indices: arg(t, axis, keepDims) };
  },
});

/** `tensor.var|std` → `variance|std(x, { axis, keepDims, unbiased })`. */
const moment = (fn: (x: TensorLike, o?: tk.VarianceOptions) => Tensor): OpRunner => ({
  category: 'reduction',
  forward: (x, p) => {
    const [axis, keepDims] = reduceArgs(p);
    return { out: fn(input(x, 'x'), { axis, keepDims, unbiased: bool(p.unbiased, 'unbiased') }) };
  },
});

/** `tensor.argmax|argmin`: `dim=None` is the index into the flattened tensor. */
const argReduction = (fn: (x: TensorLike, axis?: number, keepDims?: boolean) => Tensor): OpRunner => ({
  category: 'reduction',
  forward: (x, p) => {
    const [axis, keepDims] = reduceArgs(p);
    if (Array.isArray(axis)) throw new Error(`argmax/argmin take one dim, got ${JSON.stringify(p.dim)}`);
    return { out: fn(input(x, 'x'), axis, keepDims) };
  },
});

/** A `[start, stop, step]` triple of `tensor.slice`, `null` for Python's defaults. */
function sliceSpec(v: ParamValue): [number | null, number | null, number | null] {
  if (!Array.isArray(v) || v.length !== 3 || !v.every((e) => e === null || typeof e === 'number')) {
    throw new Error(`expected [start, stop, step], got ${JSON.stringify(v)}`);
  }
  return [v[0] as number | null, v[1] as number | null, v[2] as number | null];
}

/** `tensor.composite`: `((a*b + a) / (1 + b*b)).sum(-1) * a.mean()`. */
function composite(x: CaseInputs): Tensor {
  const a = input(x, 'a');
  const b = input(x, 'b');
  return tk.mul(tk.sum(tk.div(tk.add(tk.mul(a, b), a), tk.add(1, tk.mul(b, b))), -1), tk.mean(a));
}

/** Runners for every op id of `tensor_ops.json`. */
export const tensorOpsTable: CaseTable = {
  'tensor.add': binary(tk.add),
  'tensor.sub': binary(tk.sub),
  'tensor.mul': binary(tk.mul),
  'tensor.div': binary(tk.div),
  'tensor.pow': binary(tk.pow),
  'tensor.maximum': binary(tk.maximum),
  'tensor.minimum': binary(tk.minimum),

  'tensor.add_scalar': scalar(tk.add, 'other'),
  'tensor.rsub_scalar': scalar(tk.sub, 'other', true),
  'tensor.mul_scalar': scalar(tk.mul, 'other'),
  'tensor.div_scalar': scalar(tk.div, 'other'),
  'tensor.rdiv_scalar': scalar(tk.div, 'other', true),
  'tensor.pow_scalar': scalar(tk.pow, 'exponent'),
  'tensor.rpow_scalar': scalar(tk.pow, 'base', true),

  'tensor.where': {
    category: 'elementwise',
    forward: (x) => ({ out: tk.where(input(x, 'condition'), input(x, 'x'), input(x, 'y')) }),
  },

  'tensor.matmul': { category: 'matmul', forward: (x) => ({ out: tk.matMul(input(x, 'a'), input(x, 'b')) }) },

  // PyTorch's transpose(dim0, dim1) swaps two axes; its permute is NumPy's transpose.
  'tensor.transpose': {
    category: 'elementwise',
    forward: (x, p) => ({ out: tk.swapAxes(input(x, 'x'), num(p.dim0, 'dim0'), num(p.dim1, 'dim1')) }),
  },
  'tensor.permute': { category: 'elementwise', forward: (x, p) => ({ out: tk.transpose(input(x, 'x'), ints(p.dims, 'dims')) }) },
  'tensor.reshape': { category: 'elementwise', forward: (x, p) => ({ out: tk.reshape(input(x, 'x'), ints(p.shape, 'shape')) }) },
  'tensor.expand': { category: 'elementwise', forward: (x, p) => ({ out: tk.broadcastTo(input(x, 'x'), ints(p.shape, 'shape')) }) },
  'tensor.concat': { category: 'elementwise', forward: (x, p) => ({ out: tk.concat(numberedInputs(x), num(p.dim, 'dim')) }) },
  'tensor.stack': { category: 'elementwise', forward: (x, p) => ({ out: tk.stack(numberedInputs(x), num(p.dim, 'dim')) }) },
  'tensor.slice': {
    category: 'elementwise',
    forward: (x, p) => {
      if (!Array.isArray(p.slices)) throw new Error(`expected slices to be a list, got ${JSON.stringify(p.slices)}`);
      return { out: tk.slice(input(x, 'x'), p.slices.map(sliceSpec)) };
    },
  },
  'tensor.index_select': {
    category: 'elementwise',
    forward: (x, p) => ({ out: tk.indexSelect(input(x, 'x'), input(x, 'index'), num(p.dim, 'dim')) }),
  },
  'tensor.gather': {
    category: 'elementwise',
    forward: (x, p) => ({ out: tk.takeAlongAxis(input(x, 'x'), input(x, 'index'), num(p.dim, 'dim')) }),
  },

  'tensor.sum': reduction(tk.sum),
  'tensor.mean': reduction(tk.mean),
  'tensor.prod': reduction(tk.prod),
  'tensor.logsumexp': reduction(tk.logSumExp),
  'tensor.max': extremum(tk.max, tk.argMax),
  'tensor.min': extremum(tk.min, tk.argMin),
  'tensor.var': moment(tk.variance),
  'tensor.std': moment(tk.std),
  'tensor.argmax': argReduction(tk.argMax),
  'tensor.argmin': argReduction(tk.argMin),

  'tensor.exp': unary(tk.exp),
  'tensor.log': unary(tk.log),
  'tensor.sqrt': unary(tk.sqrt),
  'tensor.abs': unary(tk.abs),
  'tensor.neg': unary(tk.neg),
  'tensor.sign': unary(tk.sign),
  'tensor.sin': unary(tk.sin),
  'tensor.cos': unary(tk.cos),
  'tensor.reciprocal': unary(tk.reciprocal),
  'tensor.square': unary(tk.square),
  'tensor.log1p': unary(tk.log1p),
  'tensor.expm1': unary(tk.expm1),
  'tensor.clamp': {
    category: 'elementwise',
    forward: (x, p) => {
      const bound = (v: ParamValue | undefined, name: string): number | null => (v === null ? null : num(v, name));
      return { out: tk.clamp(input(x, 'x'), bound(p.min, 'min'), bound(p.max, 'max')) };
    },
  },

  // Sums and a mean: the reduction tolerance.
  'tensor.composite': { category: 'reduction', forward: (x) => ({ out: composite(x) }) },
};
