import { ShapeError, computeConv2DInfo, formatShape, type Conv2DAttrs, type Conv2DInfo, type TensorInfo } from '@tensorkit/core';
import { gemm, type MatrixView } from '../gemm';
import { assertFloat, defineCpuKernel, inputAt } from '../util';

/** Rows of the im2col matrix of one image: one per output pixel. */
function rowsOf(info: Conv2DInfo): number {
  return info.outH * info.outW;
}

/** Columns of one group's im2col matrix: `kh * kw * inC/groups`, ordered like the filter. */
function depthOf(info: Conv2DInfo): number {
  return info.kh * info.kw * info.inCPerGroup;
}

/** A 1x1, stride-1, unpadded convolution reads its im2col matrix straight from the input. */
function isPointwise(info: Conv2DInfo): boolean {
  return (
    info.kh === 1 && info.kw === 1 && info.strideH === 1 && info.strideW === 1 &&
    info.padTop === 0 && info.padBottom === 0 && info.padLeft === 0 && info.padRight === 0
  );
}

/** Images per im2col block: the column buffer stays under 2^22 floats (16 MB). */
function imagesPerBlock(info: Conv2DInfo): number {
  return Math.max(1, Math.min(info.batch, Math.floor(2 ** 22 / Math.max(1, rowsOf(info) * depthOf(info)))));
}

/**
 * The one im2col/col2im loop. With `toCols`, fills `cols` (`[rows, depth]`, from row `row0`) from
 * image `b`, group `g` of `x` (zeros for padding); otherwise scatter-adds `cols` back into `x`
 * (the adjoint).
 */
function im2col(info: Conv2DInfo, x: Float32Array, b: number, g: number, cols: Float32Array, row0: number, toCols: boolean): void {
  const { inH, inW, inC, outH, outW, kh, kw, strideH, strideW, dilationH, dilationW, padTop, padLeft, inCPerGroup: cg } = info;
  const depth = depthOf(info);
  const imageBase = b * inH * inW * inC + g * cg;
  let r = row0;
  for (let oh = 0; oh < outH; oh++) {
    for (let ow = 0; ow < outW; ow++, r++) {
      let col = r * depth;
      for (let ki = 0; ki < kh; ki++) {
        const ih = oh * strideH - padTop + ki * dilationH;
        for (let kj = 0; kj < kw; kj++, col += cg) {
          const iw = ow * strideW - padLeft + kj * dilationW;
          if (ih < 0 || ih >= inH || iw < 0 || iw >= inW) {
            if (toCols) cols.fill(0, col, col + cg);
            continue;
          }
          const src = imageBase + (ih * inW + iw) * inC;
          if (toCols) for (let c = 0; c < cg; c++) cols[col + c] = x[src + c]!;
          else for (let c = 0; c < cg; c++) x[src + c] = x[src + c]! + cols[col + c]!;
        }
      }
    }
  }
}

/**
 * The im2col matrix of images `b0..b0+nb`, group `g`, as one gemm operand of `nb * rows` rows (a
 * view of `x` itself when pointwise).
 */
function columnsView(info: Conv2DInfo, x: Float32Array, b0: number, nb: number, g: number, scratch: Float32Array): MatrixView {
  if (isPointwise(info)) {
    return { data: x, offset: b0 * rowsOf(info) * info.inC + g * info.inCPerGroup, rowStride: info.inC, colStride: 1 };
  }
  for (let i = 0; i < nb; i++) im2col(info, x, b0 + i, g, scratch, i * rowsOf(info), true);
  return { data: scratch, offset: 0, rowStride: depthOf(info), colStride: 1 };
}

function geometry(xShape: readonly number[], filterShape: readonly number[], attrs: Conv2DAttrs, op: string): Conv2DInfo {
  return computeConv2DInfo(xShape, filterShape, attrs.strides, attrs.pads, attrs.dilations, attrs.groups, op);
}

function checkDy(dy: TensorInfo, info: Conv2DInfo, op: string): void {
  const want = [info.batch, info.outH, info.outW, info.outC];
  if (dy.shape.length !== 4 || dy.shape.some((d, i) => d !== want[i])) {
    throw new ShapeError('SHAPE_MISMATCH', `${op} (cpu): dy has shape ${formatShape(dy.shape)}, expected ${formatShape(want)}`);
  }
}

/**
 * 2-D cross-correlation, NHWC input and `[kh, kw, inC/groups, outC]` filter, with strides,
 * `[top, bottom, left, right]` pads, dilations and groups (im2col + tiled gemm).
 *
 * @example
 * ```ts
 * runKernel('Conv2D', [x, filter], { strides: [1, 1], pads: [1, 1, 1, 1], dilations: [1, 1], groups: 1 });
 * ```
 */
export const conv2DCpu = defineCpuKernel('Conv2D', ({ inputs, attrs, backend }) => {
  const x = inputAt(inputs, 0, 'Conv2D');
  const filter = inputAt(inputs, 1, 'Conv2D');
  assertFloat(x, 'x', 'Conv2D');
  assertFloat(filter, 'filter', 'Conv2D');
  const info = geometry(x.shape, filter.shape, attrs, 'Conv2D');
  const xs = backend.values(x) as Float32Array;
  const ws = backend.values(filter) as Float32Array;
  const rows = rowsOf(info);
  const { outC, outCPerGroup: ocg } = info;
  const out = new Float32Array(info.batch * rows * outC);
  const block = isPointwise(info) ? info.batch : imagesPerBlock(info);
  const scratch = new Float32Array(isPointwise(info) ? 0 : block * rows * depthOf(info));
  for (let b0 = 0; b0 < info.batch; b0 += block) {
    const nb = Math.min(block, info.batch - b0);
    for (let g = 0; g < info.groups; g++) {
      const w: MatrixView = { data: ws, offset: g * ocg, rowStride: outC, colStride: 1 };
      gemm(nb * rows, ocg, depthOf(info), columnsView(info, xs, b0, nb, g, scratch), w, out, b0 * rows * outC + g * ocg, outC, false);
    }
  }
  return backend.makeOutput(out, [info.batch, info.outH, info.outW, outC], 'float32');
});

/**
 * The gradient of `Conv2D` with respect to its input (also `conv2dTranspose`): inputs `[dy, filter]`,
 * output `inputShape`.
 *
 * @example
 * ```ts
 * runKernel('Conv2DBackpropInput', [dy, filter], { inputShape: [1, 5, 5, 3], strides: [2, 2], pads: [0, 0, 0, 0], dilations: [1, 1], groups: 1 });
 * ```
 */
export const conv2DBackpropInputCpu = defineCpuKernel('Conv2DBackpropInput', ({ inputs, attrs, backend }) => {
  const dy = inputAt(inputs, 0, 'Conv2DBackpropInput');
  const filter = inputAt(inputs, 1, 'Conv2DBackpropInput');
  assertFloat(dy, 'dy', 'Conv2DBackpropInput');
  assertFloat(filter, 'filter', 'Conv2DBackpropInput');
  const info = geometry(attrs.inputShape, filter.shape, attrs, 'Conv2DBackpropInput');
  checkDy(dy, info, 'Conv2DBackpropInput');
  const dys = backend.values(dy) as Float32Array;
  const ws = backend.values(filter) as Float32Array;
  const rows = rowsOf(info);
  const depth = depthOf(info);
  const { outC, outCPerGroup: ocg } = info;
  const dx = new Float32Array(info.batch * info.inH * info.inW * info.inC);
  const pointwise = isPointwise(info);
  const block = pointwise ? info.batch : imagesPerBlock(info);
  const cols = new Float32Array(pointwise ? 0 : block * rows * depth);
  for (let b0 = 0; b0 < info.batch; b0 += block) {
    const nb = Math.min(block, info.batch - b0);
    for (let g = 0; g < info.groups; g++) {
      const dyView: MatrixView = { data: dys, offset: b0 * rows * outC + g * ocg, rowStride: outC, colStride: 1 };
      const wT: MatrixView = { data: ws, offset: g * ocg, rowStride: 1, colStride: outC };
      if (pointwise) {
        gemm(nb * rows, depth, ocg, dyView, wT, dx, b0 * rows * info.inC + g * info.inCPerGroup, info.inC, false);
      } else {
        gemm(nb * rows, depth, ocg, dyView, wT, cols, 0, depth, false);
        for (let i = 0; i < nb; i++) im2col(info, dx, b0 + i, g, cols, i * rows, false);
      }
    }
  }
  return backend.makeOutput(dx, [...attrs.inputShape], 'float32');
});

/**
 * The gradient of `Conv2D` with respect to its filter: inputs `[x, dy]`, output `filterShape`.
 *
 * @example
 * ```ts
 * runKernel('Conv2DBackpropFilter', [x, dy], { filterShape: [3, 3, 3, 8], strides: [1, 1], pads: [1, 1, 1, 1], dilations: [1, 1], groups: 1 });
 * ```
 */
export const conv2DBackpropFilterCpu = defineCpuKernel('Conv2DBackpropFilter', ({ inputs, attrs, backend }) => {
  const x = inputAt(inputs, 0, 'Conv2DBackpropFilter');
  const dy = inputAt(inputs, 1, 'Conv2DBackpropFilter');
  assertFloat(x, 'x', 'Conv2DBackpropFilter');
  assertFloat(dy, 'dy', 'Conv2DBackpropFilter');
  const info = geometry(x.shape, attrs.filterShape, attrs, 'Conv2DBackpropFilter');
  checkDy(dy, info, 'Conv2DBackpropFilter');
  const xs = backend.values(x) as Float32Array;
  const dys = backend.values(dy) as Float32Array;
  const rows = rowsOf(info);
  const depth = depthOf(info);
  const { outC, outCPerGroup: ocg } = info;
  const dw = new Float32Array(depth * outC);
  const block = isPointwise(info) ? info.batch : imagesPerBlock(info);
  const scratch = new Float32Array(isPointwise(info) ? 0 : block * rows * depth);
  for (let b0 = 0; b0 < info.batch; b0 += block) {
    const nb = Math.min(block, info.batch - b0);
    for (let g = 0; g < info.groups; g++) {
      const cols = columnsView(info, xs, b0, nb, g, scratch);
      const colsT: MatrixView = { data: cols.data, offset: cols.offset, rowStride: cols.colStride, colStride: cols.rowStride };
      const dyView: MatrixView = { data: dys, offset: b0 * rows * outC + g * ocg, rowStride: outC, colStride: 1 };
      gemm(depth, ocg, nb * rows, colsT, dyView, dw, g * ocg, outC, b0 > 0);
    }
  }
  return backend.makeOutput(dw, [...attrs.filterShape], 'float32');
});

/**
 * The convolution kernels.
 *
 * @example
 * ```ts
 * use(convKernels);
 * ```
 */
export const convKernels = [conv2DCpu, conv2DBackpropInputCpu, conv2DBackpropFilterCpu] as const;
