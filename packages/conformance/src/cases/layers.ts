/**
 * The case table of `layers.json`: the convolution and pooling layers run as tensor ops on
 * channels-last data (the bias added with `add`); dense, flatten, batch norm, layer norm,
 * embedding and the recurrent cells run as `@tensorkit/layers` layers (`./layers-modules`).
 */
import * as tk from '@tensorkit/tensor';
import type { Tensor } from '@tensorkit/tensor';
import { bool, num, pair } from '../from-torch';
import type { ParamValue, Params } from '../oracle';
import { input, type CaseInputs, type CaseTable } from '../runner';
import { layerModulesTable } from './layers-modules';

/**
 * Op ids of `layers.json` that this suite does not run yet, with the issue that brings them.
 * The suite fails on any op id that is neither here nor in {@link layersTable}.
 */
export const layersExcluded: Readonly<Record<string, string>> = {};

/** PyTorch's conv `padding` (int, pair or `'same'`/`'valid'`) as tensorkit's. */
function convPadding(v: ParamValue | undefined): 'same' | 'valid' | number | [number, number] {
  if (v === 'same' || v === 'valid') return v;
  if (typeof v === 'number') return v;
  return pair(v, 'padding');
}

/** Adds the bias (shape `[C]`) on the channel (last) axis when the case has one. */
function withBias(y: Tensor, x: CaseInputs): Tensor {
  return x.bias === undefined ? y : tk.add(y, x.bias);
}

/** PyTorch's pooling `stride` defaults to `kernel_size`. */
const poolStride = (p: Params): [number, number] => pair(p.stride ?? p.kernel_size, 'stride');

/** Runners for every op id of `layers.json`: conv and pool as tensor ops, the rest as layers. */
export const layersTable: CaseTable = {
  ...layerModulesTable,
  'layer.conv2d': {
    category: 'conv',
    inputLayouts: { x: 'nchw', weight: 'conv2dWeight' },
    outputLayouts: { out: 'nchw' },
    forward: (x, p) => ({
      out: withBias(
        tk.conv2d(input(x, 'x'), input(x, 'weight'), {
          strides: pair(p.stride, 'stride'),
          padding: convPadding(p.padding),
          dilation: pair(p.dilation, 'dilation'),
          groups: num(p.groups, 'groups'),
        }),
        x,
      ),
    }),
  },
  'layer.conv1d': {
    category: 'conv',
    inputLayouts: { x: 'ncl', weight: 'conv1dWeight' },
    outputLayouts: { out: 'ncl' },
    forward: (x, p) => {
      const padding = p.padding === 'same' || p.padding === 'valid' ? p.padding : num(p.padding, 'padding');
      return {
        out: withBias(
          tk.conv1d(input(x, 'x'), input(x, 'weight'), {
            strides: num(p.stride, 'stride'),
            padding,
            dilation: num(p.dilation, 'dilation'),
            groups: num(p.groups, 'groups'),
          }),
          x,
        ),
      };
    },
  },
  'layer.conv_transpose2d': {
    category: 'conv',
    inputLayouts: { x: 'nchw', weight: 'convTranspose2dWeight' },
    outputLayouts: { out: 'nchw' },
    forward: (x, p) => ({
      out: withBias(
        tk.conv2dTranspose(input(x, 'x'), input(x, 'weight'), {
          strides: pair(p.stride, 'stride'),
          padding: pair(p.padding, 'padding'),
          outputPadding: pair(p.output_padding, 'output_padding'),
          dilation: pair(p.dilation, 'dilation'),
          groups: num(p.groups, 'groups'),
        }),
        x,
      ),
    }),
  },
  'layer.max_pool2d': {
    category: 'pool',
    inputLayouts: { x: 'nchw' },
    outputLayouts: { out: 'nchw' },
    forward: (x, p) => ({
      out: tk.maxPool2d(input(x, 'x'), {
        poolSize: pair(p.kernel_size, 'kernel_size'),
        strides: poolStride(p),
        padding: pair(p.padding, 'padding'),
        dilation: pair(p.dilation, 'dilation'),
        ceilMode: bool(p.ceil_mode, 'ceil_mode'),
      }),
    }),
  },
  'layer.avg_pool2d': {
    category: 'pool',
    inputLayouts: { x: 'nchw' },
    outputLayouts: { out: 'nchw' },
    forward: (x, p) => ({
      out: tk.avgPool2d(input(x, 'x'), {
        poolSize: pair(p.kernel_size, 'kernel_size'),
        strides: poolStride(p),
        padding: pair(p.padding, 'padding'),
        ceilMode: bool(p.ceil_mode, 'ceil_mode'),
        countIncludePad: bool(p.count_include_pad, 'count_include_pad'),
        ...(p.divisor_override === null || p.divisor_override === undefined
          ? {}
          : { divisorOverride: num(p.divisor_override, 'divisor_override') }),
      }),
    }),
  },
};
