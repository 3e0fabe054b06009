import {
  ShapeError,
  computePool2DInfo,
  formatShape,
  type AvgPool2DAttrs,
  type Pool2DAttrs,
  type Pool2DInfo,
  type TensorInfo,
} from '@tensorkit/core';
import { assertFloat, defineCpuKernel, inputAt } from '../util';

function geometry(xShape: readonly number[], attrs: Pool2DAttrs, op: string): Pool2DInfo {
  return computePool2DInfo(xShape, attrs.poolSize, attrs.strides, attrs.pads, attrs.dilations, attrs.ceilMode, op);
}

function checkDy(dy: TensorInfo, info: Pool2DInfo, op: string): void {
  const want = [info.batch, info.outH, info.outW, info.channels];
  if (dy.shape.length !== 4 || dy.shape.some((d, i) => d !== want[i])) {
    throw new ShapeError('SHAPE_MISMATCH', `${op} (cpu): dy has shape ${formatShape(dy.shape)}, expected ${formatShape(want)}`);
  }
}

/**
 * The one max-pool window loop: for every output element, the flat offset in `x` of its window's
 * max (padding is -inf; first occurrence on ties; NaN wins, as in PyTorch).
 */
function maxPoolArgmax(info: Pool2DInfo, xs: Float32Array): Int32Array {
  const { batch, inH, inW, channels: C, outH, outW, kh, kw, strideH, strideW, dilationH, dilationW, padTop, padLeft } = info;
  const arg = new Int32Array(batch * outH * outW * C);
  const best = new Float64Array(C);
  let o0 = 0;
  for (let b = 0; b < batch; b++) {
    for (let oh = 0; oh < outH; oh++) {
      for (let ow = 0; ow < outW; ow++, o0 += C) {
        best.fill(-Infinity);
        arg.fill(-1, o0, o0 + C);
        for (let ki = 0; ki < kh; ki++) {
          const ih = oh * strideH - padTop + ki * dilationH;
          if (ih < 0 || ih >= inH) continue;
          for (let kj = 0; kj < kw; kj++) {
            const iw = ow * strideW - padLeft + kj * dilationW;
            if (iw < 0 || iw >= inW) continue;
            const s = ((b * inH + ih) * inW + iw) * C;
            for (let c = 0; c < C; c++) {
              const v = xs[s + c]!;
              if (v > best[c]! || v !== v || arg[o0 + c]! < 0) {
                best[c] = v;
                arg[o0 + c] = s + c;
              }
            }
          }
        }
      }
    }
  }
  return arg;
}

/**
 * The one average-pool window loop. Forward (`forward`): `dst[out] = sum(src[window]) / divisor`.
 * Backward: `dst[window] = dst[window]! + src[out] / divisor`. The divisor follows PyTorch (`countIncludePad`,
 * ceil-mode windows clipped at the padded border, `divisorOverride`).
 */
function avgPoolLoop(info: Pool2DInfo, attrs: AvgPool2DAttrs, src: Float32Array, dst: Float32Array, forward: boolean): void {
  const { batch, inH, inW, channels: C, outH, outW, kh, kw, strideH, strideW, dilationH, dilationW, padTop, padBottom, padLeft, padRight } = info;
  const acc = new Float64Array(C);
  let o0 = 0;
  for (let b = 0; b < batch; b++) {
    for (let oh = 0; oh < outH; oh++) {
      const hs = oh * strideH - padTop;
      let countH = 0;
      let validH = 0;
      for (let ki = 0; ki < kh; ki++) {
        const ih = hs + ki * dilationH;
        if (ih < inH + padBottom) countH++;
        if (ih >= 0 && ih < inH) validH++;
      }
      for (let ow = 0; ow < outW; ow++, o0 += C) {
        const ws = ow * strideW - padLeft;
        let countW = 0;
        let validW = 0;
        for (let kj = 0; kj < kw; kj++) {
          const iw = ws + kj * dilationW;
          if (iw < inW + padRight) countW++;
          if (iw >= 0 && iw < inW) validW++;
        }
        const divisor =
          attrs.divisorOverride > 0 ? attrs.divisorOverride : attrs.countIncludePad ? countH * countW : validH * validW;
        if (forward) acc.fill(0);
        for (let ki = 0; ki < kh; ki++) {
          const ih = hs + ki * dilationH;
          if (ih < 0 || ih >= inH) continue;
          for (let kj = 0; kj < kw; kj++) {
            const iw = ws + kj * dilationW;
            if (iw < 0 || iw >= inW) continue;
            const s = ((b * inH + ih) * inW + iw) * C;
            if (forward) for (let c = 0; c < C; c++) acc[c] = acc[c]! + src[s + c]!;
            else for (let c = 0; c < C; c++) dst[s + c] = dst[s + c]! + src[o0 + c]! / divisor;
          }
        }
        if (forward) for (let c = 0; c < C; c++) dst[o0 + c] = acc[c]! / divisor;
      }
    }
  }
}

/**
 * 2-D max pooling (NHWC), padding with -inf, with dilation and ceil mode.
 *
 * @example
 * ```ts
 * runKernel('MaxPool2D', [x], { poolSize: [2, 2], strides: [2, 2], pads: [0, 0, 0, 0], dilations: [1, 1], ceilMode: false });
 * ```
 */
export const maxPool2DCpu = defineCpuKernel('MaxPool2D', ({ inputs, attrs, backend }) => {
  const x = inputAt(inputs, 0, 'MaxPool2D');
  assertFloat(x, 'x', 'MaxPool2D');
  const info = geometry(x.shape, attrs, 'MaxPool2D');
  const xs = backend.values(x) as Float32Array;
  const arg = maxPoolArgmax(info, xs);
  const out = new Float32Array(arg.length);
  for (let i = 0; i < arg.length; i++) out[i] = xs[arg[i]!]!;
  return backend.makeOutput(out, [info.batch, info.outH, info.outW, info.channels], 'float32');
});

/**
 * The gradient of `MaxPool2D`: inputs `[dy, x]`; each `dy` goes to its window's argmax, accumulating.
 *
 * @example
 * ```ts
 * runKernel('MaxPool2DGrad', [dy, x], { poolSize: [2, 2], strides: [2, 2], pads: [0, 0, 0, 0], dilations: [1, 1], ceilMode: false });
 * ```
 */
export const maxPool2DGradCpu = defineCpuKernel('MaxPool2DGrad', ({ inputs, attrs, backend }) => {
  const dy = inputAt(inputs, 0, 'MaxPool2DGrad');
  const x = inputAt(inputs, 1, 'MaxPool2DGrad');
  assertFloat(x, 'x', 'MaxPool2DGrad');
  const info = geometry(x.shape, attrs, 'MaxPool2DGrad');
  checkDy(dy, info, 'MaxPool2DGrad');
  const arg = maxPoolArgmax(info, backend.values(x) as Float32Array);
  const dys = backend.values(dy);
  const dx = new Float32Array(backend.values(x).length);
  for (let i = 0; i < arg.length; i++) {
    const j = arg[i]!;
    dx[j] = dx[j]! + dys[i]!;
  }
  return backend.makeOutput(dx, x.shape, 'float32');
});

/**
 * 2-D average pooling (NHWC), zero padding, PyTorch's divisor rules.
 *
 * @example
 * ```ts
 * runKernel('AvgPool2D', [x], { poolSize: [3, 3], strides: [2, 2], pads: [1, 1, 1, 1], dilations: [1, 1], ceilMode: true, countIncludePad: true, divisorOverride: 0 });
 * ```
 */
export const avgPool2DCpu = defineCpuKernel('AvgPool2D', ({ inputs, attrs, backend }) => {
  const x = inputAt(inputs, 0, 'AvgPool2D');
  assertFloat(x, 'x', 'AvgPool2D');
  const info = geometry(x.shape, attrs, 'AvgPool2D');
  const out = new Float32Array(info.batch * info.outH * info.outW * info.channels);
  avgPoolLoop(info, attrs, backend.values(x) as Float32Array, out, true);
  return backend.makeOutput(out, [info.batch, info.outH, info.outW, info.channels], 'float32');
});

/**
 * The gradient of `AvgPool2D`: input `[dy]`, output `inputShape`.
 *
 * @example
 * ```ts
 * runKernel('AvgPool2DGrad', [dy], { inputShape: [1, 4, 4, 1], poolSize: [2, 2], strides: [2, 2], pads: [0, 0, 0, 0], dilations: [1, 1], ceilMode: false, countIncludePad: true, divisorOverride: 0 });
 * ```
 */
export const avgPool2DGradCpu = defineCpuKernel('AvgPool2DGrad', ({ inputs, attrs, backend }) => {
  const dy = inputAt(inputs, 0, 'AvgPool2DGrad');
  assertFloat(dy, 'dy', 'AvgPool2DGrad');
  const info = geometry(attrs.inputShape, attrs, 'AvgPool2DGrad');
  checkDy(dy, info, 'AvgPool2DGrad');
  const dx = new Float32Array(info.batch * info.inH * info.inW * info.channels);
  avgPoolLoop(info, attrs, backend.values(dy) as Float32Array, dx, false);
  return backend.makeOutput(dx, [...attrs.inputShape], 'float32');
});

/**
 * The pooling kernels.
 *
 * @example
 * ```ts
 * use(poolKernels);
 * ```
 */
export const poolKernels = [maxPool2DCpu, maxPool2DGradCpu, avgPool2DCpu, avgPool2DGradCpu] as const;
