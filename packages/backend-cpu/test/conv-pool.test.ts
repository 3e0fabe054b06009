import { computeConv2DInfo, computePool2DInfo, type Conv2DAttrs } from '@tensorkit/core';
import { describe, expect, it } from 'vitest';
import {
  avgPool2DCpu, avgPool2DGradCpu, conv2DBackpropFilterCpu, conv2DBackpropInputCpu, conv2DCpu, maxPool2DCpu, maxPool2DGradCpu,
} from '../src/index';
import { expectClose, randn, run, t } from './helpers';

/**
 * Direct NHWC convolution and its two adjoints, written as the textbook 7-deep loop.
 * Returns y = conv(x, w), dx = conv^T(dy, w), dw = dconv/dw (dy, x).
 */
function naiveConv(xShape: number[], wShape: number[], attrs: Conv2DAttrs, x: Float32Array, w: Float32Array, dy: Float32Array) {
  const info = computeConv2DInfo(xShape, wShape, attrs.strides, attrs.pads, attrs.dilations, attrs.groups, 'test');
  const { batch, inH, inW, inC, outH, outW, outC, kh, kw, inCPerGroup, outCPerGroup } = info;
  const y = new Float64Array(batch * outH * outW * outC);
  const dx = new Float64Array(x.length);
  const dw = new Float64Array(w.length);
  for (let b = 0; b < batch; b++)
    for (let oh = 0; oh < outH; oh++)
      for (let ow = 0; ow < outW; ow++)
        for (let o = 0; o < outC; o++) {
          const g = Math.floor(o / outCPerGroup);
          const yi = ((b * outH + oh) * outW + ow) * outC + o;
          for (let ki = 0; ki < kh; ki++)
            for (let kj = 0; kj < kw; kj++)
              for (let c = 0; c < inCPerGroup; c++) {
                const ih = oh * info.strideH - info.padTop + ki * info.dilationH;
                const iw = ow * info.strideW - info.padLeft + kj * info.dilationW;
                if (ih < 0 || ih >= inH || iw < 0 || iw >= inW) continue;
                const xi = ((b * inH + ih) * inW + iw) * inC + g * inCPerGroup + c;
                const wi = ((ki * kw + kj) * inCPerGroup + c) * outC + o;
                y[yi] = y[yi]! + x[xi]! * w[wi]!;
                dx[xi] = dx[xi]! + dy[yi]! * w[wi]!;
                dw[wi] = dw[wi]! + dy[yi]! * x[xi]!;
              }
        }
  return { y, dx, dw, info };
}

const convCases: [string, number[], number[], Conv2DAttrs][] = [
  ['3x3 same', [2, 6, 7, 3], [3, 3, 3, 4], { strides: [1, 1], pads: [1, 1, 1, 1], dilations: [1, 1], groups: 1 }],
  ['stride 2, asymmetric pads', [1, 9, 8, 2], [3, 2, 2, 5], { strides: [2, 3], pads: [0, 2, 1, 0], dilations: [1, 1], groups: 1 }],
  ['dilation 2', [2, 10, 9, 3], [3, 3, 3, 2], { strides: [1, 2], pads: [2, 1, 0, 3], dilations: [2, 3], groups: 1 }],
  ['groups 2', [2, 7, 7, 4], [3, 3, 2, 6], { strides: [2, 2], pads: [1, 1, 1, 1], dilations: [1, 1], groups: 2 }],
  ['depthwise', [1, 6, 6, 3], [3, 3, 1, 6], { strides: [1, 1], pads: [1, 0, 1, 0], dilations: [1, 1], groups: 3 }],
  ['pointwise', [2, 5, 4, 6], [1, 1, 6, 5], { strides: [1, 1], pads: [0, 0, 0, 0], dilations: [1, 1], groups: 1 }],
  ['pointwise groups', [2, 3, 4, 6], [1, 1, 3, 4], { strides: [1, 1], pads: [0, 0, 0, 0], dilations: [1, 1], groups: 2 }],
  ['big channels', [1, 8, 8, 20], [3, 3, 20, 33], { strides: [1, 1], pads: [1, 1, 1, 1], dilations: [1, 1], groups: 1 }],
  // 4096 rows x 576 columns per image: the im2col buffer holds one image, so two blocks run.
  ['several im2col blocks', [2, 64, 64, 64], [3, 3, 64, 2], { strides: [1, 1], pads: [1, 1, 1, 1], dilations: [1, 1], groups: 1 }],
];

describe('convolution', () => {
  it.each(convCases)('%s: im2col conv and both backprops match the direct loops', (_name, xShape, wShape, attrs) => {
    const x = randn(xShape.reduce((p, d) => p * d, 1), 11);
    const w = randn(wShape.reduce((p, d) => p * d, 1), 12);
    const info = computeConv2DInfo(xShape, wShape, attrs.strides, attrs.pads, attrs.dilations, attrs.groups, 'test');
    const yShape = [info.batch, info.outH, info.outW, info.outC];
    const dy = randn(yShape.reduce((p, d) => p * d, 1), 13);
    const ref = naiveConv(xShape, wShape, attrs, x, w, dy);
    const y = run(conv2DCpu, [t(x, xShape), t(w, wShape)], attrs);
    expect(y.shape).toEqual(yShape);
    expectClose(y.values, ref.y, 1e-4, 1e-5);
    const dx = run(conv2DBackpropInputCpu, [t(dy, yShape), t(w, wShape)], { ...attrs, inputShape: xShape });
    expect(dx.shape).toEqual(xShape);
    expectClose(dx.values, ref.dx, 1e-4, 1e-5);
    const dw = run(conv2DBackpropFilterCpu, [t(x, xShape), t(dy, yShape)], { ...attrs, filterShape: wShape });
    expect(dw.shape).toEqual(wShape);
    expectClose(dw.values, ref.dw, 1e-4, 1e-5);
  });

  it('conv2dTranspose with output padding: inputShape larger than the floor formula implies', () => {
    // A stride-2 conv of a 6x6 and of a 5x5 input both give 3x3; transposing to 6x6 uses inputShape.
    const attrs: Conv2DAttrs = { strides: [2, 2], pads: [1, 1, 1, 1], dilations: [1, 1], groups: 1 };
    const xShape = [1, 6, 6, 2];
    const wShape = [3, 3, 2, 3];
    const w = randn(54, 5);
    const dy = randn(27, 6);
    const ref = naiveConv(xShape, wShape, attrs, new Float32Array(72), w, dy);
    const dx = run(conv2DBackpropInputCpu, [t(dy, [1, 3, 3, 3]), t(w, wShape)], { ...attrs, inputShape: xShape });
    expectClose(dx.values, ref.dx, 1e-4, 1e-5);
  });

  it('rejects mismatched channels and dy shapes', () => {
    const attrs: Conv2DAttrs = { strides: [1, 1], pads: [0, 0, 0, 0], dilations: [1, 1], groups: 1 };
    expect(() => run(conv2DCpu, [t(new Float32Array(12), [1, 2, 2, 3]), t(new Float32Array(4), [1, 1, 2, 2])], attrs)).toThrow(/channels/);
    expect(() =>
      run(conv2DBackpropInputCpu, [t(new Float32Array(4), [1, 2, 2, 1]), t(new Float32Array(1), [1, 1, 1, 1])], { ...attrs, inputShape: [1, 3, 3, 1] }),
    ).toThrow(/dy has shape/);
  });
});

interface PoolAttrs {
  poolSize: [number, number];
  strides: [number, number];
  pads: [number, number, number, number];
  dilations: [number, number];
  ceilMode: boolean;
}

/** Direct pooling reference: max (with argmax routing of dy) and PyTorch-divisor average. */
function naivePool(xShape: number[], attrs: PoolAttrs, x: Float32Array, dy: Float64Array | null, countIncludePad: boolean, divisorOverride: number) {
  const info = computePool2DInfo(xShape, attrs.poolSize, attrs.strides, attrs.pads, attrs.dilations, attrs.ceilMode, 'test');
  const { batch, inH, inW, channels: C, outH, outW, kh, kw } = info;
  const max = new Float64Array(batch * outH * outW * C);
  const avg = new Float64Array(max.length);
  const dxMax = new Float64Array(x.length);
  const dxAvg = new Float64Array(x.length);
  for (let b = 0; b < batch; b++)
    for (let oh = 0; oh < outH; oh++)
      for (let ow = 0; ow < outW; ow++)
        for (let c = 0; c < C; c++) {
          const o = ((b * outH + oh) * outW + ow) * C + c;
          const hs = oh * info.strideH - info.padTop;
          const ws = ow * info.strideW - info.padLeft;
          let best = -Infinity;
          let arg = -1;
          let sum = 0;
          let valid = 0;
          const positions: number[] = [];
          for (let ki = 0; ki < kh; ki++)
            for (let kj = 0; kj < kw; kj++) {
              const ih = hs + ki * info.dilationH;
              const iw = ws + kj * info.dilationW;
              if (ih < 0 || ih >= inH || iw < 0 || iw >= inW) continue;
              const xi = ((b * inH + ih) * inW + iw) * C + c;
              positions.push(xi);
              valid++;
              sum += x[xi]!;
              if (x[xi]! > best) {
                best = x[xi]!;
                arg = xi;
              }
            }
          const divisor = divisorOverride > 0 ? divisorOverride
            : countIncludePad ? (Math.min(hs + kh, inH + info.padBottom) - hs) * (Math.min(ws + kw, inW + info.padRight) - ws)
            : valid;
          max[o] = best;
          avg[o] = sum / divisor;
          if (dy) {
            dxMax[arg] = dxMax[arg]! + dy[o]!;
            for (const p of positions) dxAvg[p] = dxAvg[p]! + dy[o]! / divisor;
          }
        }
  return { max, avg, dxMax, dxAvg, outShape: [batch, outH, outW, C] };
}

const poolCases: [string, number[], PoolAttrs][] = [
  ['2x2 stride 2', [2, 6, 6, 3], { poolSize: [2, 2], strides: [2, 2], pads: [0, 0, 0, 0], dilations: [1, 1], ceilMode: false }],
  ['3x3 stride 2 pad 1 ceil', [1, 7, 8, 2], { poolSize: [3, 3], strides: [2, 2], pads: [1, 1, 1, 1], dilations: [1, 1], ceilMode: true }],
  ['ceil mode partial windows', [2, 5, 6, 2], { poolSize: [2, 3], strides: [2, 2], pads: [0, 0, 1, 1], dilations: [1, 1], ceilMode: true }],
  ['overlapping stride 1', [1, 5, 5, 4], { poolSize: [3, 2], strides: [1, 1], pads: [1, 1, 0, 0], dilations: [1, 1], ceilMode: false }],
  ['asymmetric pads', [1, 6, 5, 1], { poolSize: [3, 3], strides: [2, 1], pads: [0, 1, 1, 0], dilations: [1, 1], ceilMode: false }],
];

describe('pooling', () => {
  it.each(poolCases)('%s: max/avg and grads match direct loops', (_name, xShape, attrs) => {
    const x = randn(xShape.reduce((p, d) => p * d, 1), 21);
    const info = computePool2DInfo(xShape, attrs.poolSize, attrs.strides, attrs.pads, attrs.dilations, attrs.ceilMode, 'test');
    const outShape = [info.batch, info.outH, info.outW, info.channels];
    const dy = Float64Array.from(randn(outShape.reduce((p, d) => p * d, 1), 22));
    const mx = run(maxPool2DCpu, [t(x, xShape)], attrs);
    for (const [cip, dov] of [[true, 0], [false, 0], [true, 5]] as const) {
      const ref = naivePool(xShape, attrs, x, dy, cip, dov);
      expect(mx.shape).toEqual(ref.outShape);
      expectClose(mx.values, ref.max);
      const full = { ...attrs, countIncludePad: cip, divisorOverride: dov };
      expectClose(run(avgPool2DCpu, [t(x, xShape)], full).values, ref.avg);
      expectClose(run(avgPool2DGradCpu, [t(dy, outShape)], { ...full, inputShape: xShape }).values, ref.dxAvg);
      expectClose(run(maxPool2DGradCpu, [t(dy, outShape), t(x, xShape)], attrs).values, ref.dxMax);
    }
  });

  it('ceil mode sizes and the clipped countIncludePad divisor (PyTorch)', () => {
    // torch.nn.functional.avg_pool2d(arange(25).view(1,1,5,5), 2, 2, ceil_mode=True)
    const x = t(Array.from({ length: 25 }, (_, i) => i), [1, 5, 5, 1]);
    const attrs = { poolSize: [2, 2], strides: [2, 2], pads: [0, 0, 0, 0], dilations: [1, 1], ceilMode: true, countIncludePad: true, divisorOverride: 0 };
    const r = run(avgPool2DCpu, [x], attrs);
    expect(r.shape).toEqual([1, 3, 3, 1]);
    expect(r.values).toEqual([3, 5, 6.5, 13, 15, 16.5, 20.5, 22.5, 24]);
    const m = run(maxPool2DCpu, [x], attrs);
    expect(m.values).toEqual([6, 8, 9, 16, 18, 19, 21, 23, 24]);
  });

  it('max pool with dilation', () => {
    const x = t(Array.from({ length: 16 }, (_, i) => (i * 7) % 16), [1, 4, 4, 1]);
    const r = run(maxPool2DCpu, [x], { poolSize: [2, 2], strides: [1, 1], pads: [0, 0, 0, 0], dilations: [2, 2], ceilMode: false });
    // windows {0,2,8,10} {1,3,9,11} {4,6,12,14} {5,7,13,15} of (i*7)%16
    expect(r.values).toEqual([14, 15, 12, 11]);
  });
});
