/**
 * `init.json`: fans, gains and the std/bound of every initializer. These are float64 arithmetic
 * on shapes, independent of any backend, and the oracle's tolerance for them is 1e-12, which a
 * float32 tensor cannot carry. So they are not a per-backend case table: {@link initHostTable}
 * computes each case's outputs on the host with `@tensorkit/init`'s own formulas (the
 * `distribution` of each initializer plugin, `computeFans`, `calculateGain`,
 * `truncatedNormalMoments`), and the conformance package's `test/init.test.ts` compares every
 * case with {@link INIT_TOLERANCE} (fans exactly). The backend suite lists the op ids as
 * excluded with that reason ({@link initExcluded}).
 *
 * PyTorch's weight shapes are converted to tensorkit layouts with `fromTorch`'s conventions
 * (Linear `(out, in)` → `[in, out]`, Conv2d `(out, in/g, kh, kw)` → `[kh, kw, in/g, out]`,
 * ConvTranspose2d `(in, out/g, kh, kw)` → `[kh, kw, out/g, in]`), and `computeFans` on the
 * converted shape must give PyTorch's fans, ConvTranspose2d's `fan_in = out/g·kh·kw` included.
 */
import {
  calculateGain, computeFans, glorotNormalInitializer, glorotUniformInitializer, heNormalInitializer, heUniformInitializer,
  leCunNormalInitializer, leCunUniformInitializer, torchDefaultInitializer, truncatedNormalMoments,
  type Distribution, type InitializerPlugin, type Nonlinearity,
} from '@tensorkit/init';
import type { Tolerance } from '../compare';
import { fromTorch, ints, num, type HostTensor, type Layout } from '../from-torch';
import type { Params } from '../oracle';

/** The oracle README's tolerance for values "computed only in JS doubles". */
export const INIT_TOLERANCE: Tolerance = { rtol: 1e-12, atol: 1e-15 };

const LAYOUT_OF_LAYER: Readonly<Record<string, Layout>> = {
  Linear: 'linearWeight',
  Conv1d: 'conv1dWeight',
  Conv2d: 'conv2dWeight',
  ConvTranspose2d: 'convTranspose2dWeight',
};

/** `params.weight_shape` (PyTorch's) in tensorkit's layout for `params.layer`. */
export function tensorkitWeightShape(p: Params): number[] {
  const torchShape = ints(p.weight_shape, 'weight_shape');
  const layout = typeof p.layer === 'string' ? LAYOUT_OF_LAYER[p.layer] : undefined;
  if (layout === undefined) throw new Error(`init: no weight layout for layer ${JSON.stringify(p.layer)}`);
  const size = torchShape.reduce((a, b) => a * b, 1);
  return [...fromTorch({ shape: torchShape, data: new Array<number>(size).fill(0) }, layout).shape];
}

/** PyTorch's snake_case nonlinearity and mode names → tensorkit's camelCase. */
const camel = (s: string): string =>
  s.replace(/^conv_transpose(\dd)$/, 'conv$1Transpose').replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

const float = (v: number): HostTensor => ({ shape: [], data: [v], dtype: 'float32' });
const int = (v: number): HostTensor => ({ shape: [], data: [v], dtype: 'int32' });

function fanOutputs(shape: readonly number[]): Record<string, HostTensor> {
  const { fanIn, fanOut } = computeFans(shape);
  return { fan_in: int(fanIn), fan_out: int(fanOut) };
}

/** The std of a normal, or the bound of a symmetric uniform, as the oracle names it. */
function scale(d: Distribution): Record<string, HostTensor> {
  if (d.type === 'uniform') {
    if (d.low !== -d.high) throw new Error(`init: expected a symmetric uniform, got [${d.low}, ${d.high})`);
    return { bound: float(d.high) };
  }
  return { std: float(d.std) };
}

function describe(plugin: InitializerPlugin, shape: readonly number[], options: object): Distribution {
  if (plugin.distribution === undefined) throw new Error(`init: ${plugin.name} has no distribution`);
  return plugin.distribution(shape, options);
}

type HostRunner = (p: Params) => Record<string, HostTensor>;

const glorot =
  (plugin: InitializerPlugin): HostRunner =>
  (p) => {
    const shape = tensorkitWeightShape(p);
    return { ...fanOutputs(shape), ...scale(describe(plugin, shape, { gain: num(p.gain, 'gain') })) };
  };

const kaiming =
  (plugin: InitializerPlugin): HostRunner =>
  (p) => {
    const shape = tensorkitWeightShape(p);
    const a = num(p.a, 'a');
    const mode = camel(String(p.mode)) as 'fanIn' | 'fanOut';
    const nonlinearity = camel(String(p.nonlinearity)) as Nonlinearity;
    const fans = computeFans(shape);
    return {
      ...fanOutputs(shape),
      fan: int(mode === 'fanIn' ? fans.fanIn : fans.fanOut),
      gain: float(calculateGain(nonlinearity, a)),
      ...scale(describe(plugin, shape, { a, mode, nonlinearity })),
    };
  };

const leCun =
  (plugin: InitializerPlugin): HostRunner =>
  (p) => {
    const shape = tensorkitWeightShape(p);
    return { fan_in: int(computeFans(shape).fanIn), ...scale(describe(plugin, shape, {})) };
  };

/** `init.*` op id → the case's outputs computed on the host, in float64 (fans as int32). */
export const initHostTable: Readonly<Record<string, HostRunner>> = {
  'init.calculate_gain': (p) => {
    const param = p.param === null ? null : num(p.param, 'param');
    return { gain: float(calculateGain(camel(String(p.nonlinearity)) as Nonlinearity, param)) };
  },
  'init.fans': (p) => fanOutputs(tensorkitWeightShape(p)),
  'init.xavier_uniform': glorot(glorotUniformInitializer),
  'init.xavier_normal': glorot(glorotNormalInitializer),
  'init.kaiming_uniform': kaiming(heUniformInitializer),
  'init.kaiming_normal': kaiming(heNormalInitializer),
  'init.lecun_uniform': leCun(leCunUniformInitializer),
  'init.lecun_normal': leCun(leCunNormalInitializer),
  'init.default': (p) => {
    const shape = tensorkitWeightShape(p);
    const { fanIn } = computeFans(shape);
    const weight = describe(torchDefaultInitializer, shape, {});
    const bias = torchDefaultInitializer.biasDistribution([shape[shape.length - 1]!], { fanIn });
    if (weight.type !== 'uniform' || bias.type !== 'uniform') throw new Error('init.default: expected uniform distributions');
    return { fan_in: int(fanIn), weight_bound: float(weight.high), bias_bound: float(bias.high) };
  },
  'init.trunc_normal': (p) => {
    const [mean, std, a, b] = [num(p.mean, 'mean'), num(p.std, 'std'), num(p.a, 'a'), num(p.b, 'b')];
    const moments = truncatedNormalMoments({ mean, std, a, b });
    return { lower: float(a), upper: float(b), actual_mean: float(moments.mean), actual_std: float(moments.std) };
  },
  'init.trunc_normal_std_factor': (p) => ({
    factor: float(truncatedNormalMoments({ mean: 0, std: 1, a: num(p.a, 'a'), b: num(p.b, 'b') }).std),
  }),
};

/** The per-backend suite's exclusions for `init.json`: every op id, checked on the host instead. */
export const initExcluded: Readonly<Record<string, string>> = Object.fromEntries(
  Object.keys(initHostTable).map((op) => [
    op,
    'backend-independent float64 shape arithmetic (tolerance 1e-12): checked on the host by test/init.test.ts via initHostTable',
  ]),
);
