/**
 * The case table of the `layers.json` cases that are layers of `@tensorkit/layers` (dense,
 * flatten, batch norm, layer norm, embedding, the LSTM/GRU cells). Each case builds the real
 * layer, loads the oracle's weights with `loadStateDict` (converted by `fromTorch` layouts),
 * runs it, and disposes it. Gradients are taken with `variableGrads` over the case inputs
 * (wrapped as variables) and the layer's own variables, so the weight gradients are those of
 * the layer's parameters.
 */
import { variableGrads } from '@tensorkit/autograd';
import {
  Sequential, batchNorm, dense, embedding, flatten, gruCell, layerNorm, lstmCell, type Layer, type Module,
} from '@tensorkit/layers';
import * as tk from '@tensorkit/tensor';
import type { Tensor, Variable } from '@tensorkit/tensor';
import { bool, num } from '../from-torch';
import type { Layout } from '../from-torch';
import type { OracleCase, ParamValue, Params } from '../oracle';
import { input, type CaseInputs, type CaseOutputs, type CaseTable, type OpRunner } from '../runner';
import type { ToleranceCategory } from '../tolerance';

/** How one oracle op runs as a layer. */
interface LayerCase {
  readonly category: ToleranceCategory;
  readonly inputLayouts?: Readonly<Record<string, Layout>>;
  readonly outputLayouts?: Readonly<Record<string, Layout>>;
  /** Creates and builds the layer for the case. */
  readonly make: (x: CaseInputs, p: Params) => Module;
  /** Oracle input name → state-dict name, for the inputs that are the layer's weights. */
  readonly weights: Readonly<Record<string, string>>;
  /** Runs the layer on the case inputs; returns the oracle's outputs. */
  readonly run: (layer: Module, x: CaseInputs, p: Params) => CaseOutputs;
}

/** A built layer with the case's weights loaded (only those present: `affine=false` has none). */
function prepared(spec: LayerCase, x: CaseInputs, p: Params): Module {
  const layer = spec.make(x, p);
  const state: Record<string, Tensor> = {};
  for (const [name, key] of Object.entries(spec.weights)) if (x[name] !== undefined) state[key] = x[name];
  try {
    layer.loadStateDict(state, { strict: false });
  } catch (e) {
    layer.dispose();
    throw e;
  }
  return layer;
}

/** The runner of a layer case: forward through the layer, gradients through its variables. */
function layerRunner(spec: LayerCase): OpRunner {
  return {
    category: spec.category,
    ...(spec.inputLayouts ? { inputLayouts: spec.inputLayouts } : {}),
    ...(spec.outputLayouts ? { outputLayouts: spec.outputLayouts } : {}),
    forward: (x, p) => {
      const layer = prepared(spec, x, p);
      try {
        return spec.run(layer, x, p);
      } finally {
        layer.dispose();
      }
    },
    grads: (x, upstream, p, c) => caseGrads(spec, x, upstream, p, c),
  };
}

/** The VJP of the outputs in `grad_of` with respect to every input named in the oracle's `grads`. */
function caseGrads(spec: LayerCase, x: CaseInputs, upstream: CaseOutputs, p: Params, c: OracleCase): CaseOutputs {
  const layer = prepared(spec, x, p);
  const state = layer.stateDict();
  const wrapped: Variable[] = [];
  try {
    const wrt = Object.keys(c.grads ?? {}).map((name): [string, Variable] => {
      const key = spec.weights[name];
      if (key !== undefined) return [name, state[key] as Variable];
      const v = tk.variable(input(x, name));
      wrapped.push(v);
      return [name, v];
    });
    const inputs: Record<string, Tensor> = { ...x, ...Object.fromEntries(wrt.filter(([n]) => spec.weights[n] === undefined)) };
    const { grads } = variableGrads(() => {
      const outs = spec.run(layer, inputs, p);
      return (c.grad_of ?? []).map((name) => tk.sum(tk.mul(input(outs, name), input(upstream, name)))).reduce((a, b) => tk.add(a, b));
    }, wrt.map(([, v]) => v));
    return Object.fromEntries(wrt.map(([name, v]) => [name, grads.get(v)!]));
  } finally {
    layer.dispose();
    tk.dispose(wrapped);
  }
}

/** Moves PyTorch's channel axis (1) last, for batch norm's `(N, C)`, `(N, C, L)`, `(N, C, H, W)`. */
function channelsLast(t: Tensor): Tensor {
  return t.rank <= 2 ? t : tk.transpose(t, [0, ...Array.from({ length: t.rank - 2 }, (_, i) => i + 2), 1]);
}

/** The inverse of {@link channelsLast}. */
function channelsFirst(t: Tensor): Tensor {
  return t.rank <= 2 ? t : tk.transpose(t, [0, t.rank - 1, ...Array.from({ length: t.rank - 2 }, (_, i) => i + 1)]);
}

/** Batch norm on PyTorch-layout data: the layer runs channels-last. */
function bn(layer: Module, t: Tensor): Tensor {
  return channelsFirst(layer.apply(channelsLast(t)));
}

function makeBatchNorm(x: CaseInputs, p: Params, sample: string): Layer {
  const layer = batchNorm({
    momentum: num(p.momentum, 'momentum'),
    eps: num(p.eps, 'eps'),
    affine: bool(p.affine, 'affine'),
    trackRunningStats: bool(p.track_running_stats, 'track_running_stats'),
  });
  layer.build(channelsLast(input(x, sample)).shape);
  return layer;
}

const BN_WEIGHTS = { weight: 'weight', bias: 'bias', running_mean: 'runningMean', running_var: 'runningVar' } as const;

/** Batch norm, one pass in train or eval mode (PyTorch's `BatchNorm1d`/`BatchNorm2d`, here channels-last inside). */
const batchNormCase = layerRunner({
  category: 'reduction',
  make: (x, p) => makeBatchNorm(x, p, 'x'),
  weights: BN_WEIGHTS,
  run: (layer, x, p) => {
    const bnLayer = layer as ReturnType<typeof batchNorm>;
    layer.train(bool(p.training, 'training'));
    const out = bn(layer, input(x, 'x'));
    if (!bnLayer.training) return { out };
    return { out, running_mean: tk.clone(bnLayer.runningMean!), running_var: tk.clone(bnLayer.runningVar!) };
  },
});

/** Three training batches on one module, then eval: outputs and the running statistics after each batch. */
const batchNormSequenceCase = layerRunner({
  category: 'reduction',
  make: (x, p) => makeBatchNorm(x, p, 'x1'),
  weights: BN_WEIGHTS,
  run: (layer, x, p) => {
    const bnLayer = layer as ReturnType<typeof batchNorm>;
    const outs: Record<string, Tensor> = {};
    layer.train();
    for (let i = 1; i <= num(p.batches, 'batches'); i++) {
      outs[`y${i}`] = bn(layer, input(x, `x${i}`));
      outs[`running_mean${i}`] = tk.clone(bnLayer.runningMean!);
      outs[`running_var${i}`] = tk.clone(bnLayer.runningVar!);
    }
    layer.eval();
    outs.y_eval = bn(layer, input(x, 'x_eval'));
    return outs;
  },
});

/** `normalized_shape` as a list. */
function shapeParam(v: ParamValue | undefined): number[] {
  if (typeof v === 'number') return [v];
  if (Array.isArray(v) && v.every((d) => typeof d === 'number')) return v as number[];
  throw new Error(`normalized_shape must be a number or a list, got ${JSON.stringify(v)}`);
}

/** Runners for the layer op ids of `layers.json`. */
export const layerModulesTable: CaseTable = {
  'layer.linear': layerRunner({
    category: 'matmul',
    inputLayouts: { weight: 'linearWeight' },
    make: (x, p) => {
      const layer = dense({ units: num(p.out_features, 'out_features'), useBias: bool(p.bias, 'bias') });
      layer.build(input(x, 'x').shape);
      return layer;
    },
    weights: { weight: 'kernel', bias: 'bias' },
    run: (layer, x) => ({ out: layer.apply(input(x, 'x')) }),
  }),
  'layer.flatten_linear': layerRunner({
    category: 'matmul',
    // The oracle flattens NCHW; flattening the same values in tensorkit's NHWC order would
    // need the weight's columns permuted, so the case keeps PyTorch's layout for x.
    inputLayouts: { weight: 'linearWeight' },
    make: (x, p) => {
      const model = new Sequential([flatten(), dense({ units: num(p.out_features, 'out_features') })]);
      model.build(input(x, 'x').shape);
      return model;
    },
    weights: { weight: 'layers.1.kernel', bias: 'layers.1.bias' },
    run: (model, x) => ({ out: model.apply(input(x, 'x')) }),
  }),
  'layer.batchnorm1d': batchNormCase,
  'layer.batchnorm2d': batchNormCase,
  'layer.batchnorm1d_sequence': batchNormSequenceCase,
  'layer.batchnorm2d_sequence': batchNormSequenceCase,
  'layer.layernorm': layerRunner({
    category: 'reduction',
    make: (x, p) => {
      const layer = layerNorm({
        normalizedShape: shapeParam(p.normalized_shape),
        eps: num(p.eps, 'eps'),
        elementwiseAffine: bool(p.elementwise_affine, 'elementwise_affine'),
      });
      layer.build(input(x, 'x').shape);
      return layer;
    },
    weights: { weight: 'weight', bias: 'bias' },
    run: (layer, x) => ({ out: layer.apply(input(x, 'x')) }),
  }),
  'layer.embedding': layerRunner({
    category: 'elementwise',
    make: (_x, p) =>
      embedding({
        numEmbeddings: num(p.num_embeddings, 'num_embeddings'),
        embeddingDim: num(p.embedding_dim, 'embedding_dim'),
        ...(p.padding_idx === null || p.padding_idx === undefined ? {} : { paddingIdx: num(p.padding_idx, 'padding_idx') }),
      }),
    weights: { weight: 'weight' },
    run: (layer, x) => ({ out: layer.apply(input(x, 'indices')) }),
  }),
  'layer.lstm_cell': layerRunner({
    category: 'matmul',
    inputLayouts: { weight_ih: 'linearWeight', weight_hh: 'linearWeight' },
    make: (x, p) => {
      const cell = lstmCell({ hiddenSize: num(p.hidden_size, 'hidden_size'), useBias: bool(p.bias, 'bias') });
      cell.build(input(x, 'x').shape);
      return cell;
    },
    weights: { weight_ih: 'weightIh', weight_hh: 'weightHh', bias_ih: 'biasIh', bias_hh: 'biasHh' },
    run: (cell, x) => {
      const [h1, c1] = (cell as ReturnType<typeof lstmCell>).step(input(x, 'x'), [input(x, 'h0'), input(x, 'c0')]);
      return { h1: h1!, c1: c1! };
    },
  }),
  'layer.gru_cell': layerRunner({
    category: 'matmul',
    inputLayouts: { weight_ih: 'linearWeight', weight_hh: 'linearWeight' },
    make: (x, p) => {
      const cell = gruCell({ hiddenSize: num(p.hidden_size, 'hidden_size'), useBias: bool(p.bias, 'bias') });
      cell.build(input(x, 'x').shape);
      return cell;
    },
    weights: { weight_ih: 'weightIh', weight_hh: 'weightHh', bias_ih: 'biasIh', bias_hh: 'biasHh' },
    run: (cell, x) => ({ h1: (cell as ReturnType<typeof gruCell>).step(input(x, 'x'), [input(x, 'h0')])[0]! }),
  }),
};
