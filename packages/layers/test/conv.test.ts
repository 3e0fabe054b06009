import '@tensorkit/backend-cpu/register';
import { add, conv1d as conv1dOp, conv2d as conv2dOp, conv2dTranspose as conv2dTransposeOp, randn, zeros } from '@tensorkit/tensor';
import { describe, expect, it } from 'vitest';
import { conv1d, conv2d, conv2dLayer, conv2dTranspose } from '../src/index';
import { expectClose, expectError, values } from './assert';

describe('conv layers', () => {
  it('conv2d is the conv2d op with the layer kernel [kh, kw, inC/groups, filters], plus the bias', () => {
    const layer = conv2d({ filters: 4, kernelSize: [3, 2], strides: [2, 1], padding: [[1, 0], [0, 1]], groups: 2, seed: 3 });
    const x = randn([2, 7, 6, 6], { seed: 1 });
    const y = layer.apply(x);
    expect(layer.kernel!.shape).toEqual([3, 2, 3, 4]);
    expect(y.shape).toEqual(layer.computeOutputShape(x.shape));
    const expected = add(conv2dOp(x, layer.kernel!, { strides: [2, 1], padding: [[1, 0], [0, 1]], groups: 2 }), layer.bias!);
    expectClose(y, values(expected));
    // PyTorch's default init: U(±1/√fanIn), fanIn = inC/groups · kh · kw = 18.
    expect(Math.max(...values(layer.kernel!).map(Math.abs))).toBeLessThanOrEqual(1 / Math.sqrt(18));
  });

  it("computeOutputShape matches the op for 'same', dilation and numeric padding", () => {
    for (const options of [
      { padding: 'same' as const, dilation: 2 },
      { padding: 2, strides: 3 },
      { padding: [1, 2] as [number, number], dilation: [1, 2] as [number, number] },
    ]) {
      const layer = conv2d({ filters: 3, kernelSize: 3, ...options });
      const x = zeros([1, 9, 8, 2]);
      expect(layer.apply(x).shape).toEqual(layer.computeOutputShape([1, 9, 8, 2]));
      expect(layer.computeOutputShape([-1, 9, 8, 2])[0]).toBe(-1);
    }
  });

  it('conv1d runs over [N, L, C] with a [k, inC/groups, filters] kernel', () => {
    const layer = conv1d({ filters: 5, kernelSize: 3, padding: [2, 1], dilation: 2, useBias: false });
    const x = randn([2, 10, 4], { seed: 2 });
    const y = layer.apply(x);
    expect(layer.kernel!.shape).toEqual([3, 4, 5]);
    expect(layer.bias).toBeUndefined();
    expect(y.shape).toEqual(layer.computeOutputShape(x.shape));
    expectClose(y, values(conv1dOp(x, layer.kernel!, { padding: [2, 1], dilation: 2 })));
  });

  it('conv2dTranspose has a [kh, kw, filters/groups, inC] kernel and the PyTorch output size', () => {
    const layer = conv2dTranspose({ filters: 2, kernelSize: 3, strides: 2, padding: 1, outputPadding: 1 });
    const x = randn([1, 4, 4, 8], { seed: 4 });
    const y = layer.apply(x);
    expect(layer.kernel!.shape).toEqual([3, 3, 2, 8]);
    expect(y.shape).toEqual([1, 8, 8, 2]);
    expect(layer.computeOutputShape([-1, 4, 5, 8])).toEqual([-1, 8, 10, 2]);
    const expected = add(conv2dTransposeOp(x, layer.kernel!, { strides: 2, padding: 1, outputPadding: 1 }), layer.bias!);
    expectClose(y, values(expected));
    expect(conv2dTranspose({ filters: 1, kernelSize: 2, strides: 2, padding: 'same' }).computeOutputShape([1, 3, 3, 1])).toEqual([1, 6, 6, 1]);
  });

  it('getConfig round-trips through the plugin', () => {
    const layer = conv2d({ filters: 4, kernelSize: 3, strides: 1, padding: 'same', groups: 1, seed: 0 });
    expect(conv2dLayer.create(layer.getConfig()).getConfig()).toEqual(layer.getConfig());
    expect(conv2dTranspose({ filters: 2, kernelSize: 2, strides: 2 }).getConfig()).toMatchObject({ outputPadding: [0, 0], strides: [2, 2] });
  });

  it('rejects bad options and inputs', () => {
    expectError(() => conv2d({ filters: 4 } as never), 'INVALID_ARGUMENT', "'kernelSize' is required");
    expectError(() => conv2d({ filters: 0, kernelSize: 3 }), 'INVALID_ARGUMENT', "'filters'");
    expectError(() => conv2d({ filters: 3, kernelSize: 3, groups: 2 }), 'INVALID_ARGUMENT', 'must divide by groups 2');
    expectError(() => conv2d({ filters: 3, kernelSize: 3, strides: 2, padding: 'same' }), 'INVALID_ARGUMENT', "padding 'same' needs strides 1");
    expectError(() => conv2d({ filters: 3, kernelSize: 3, padding: -1 }), 'INVALID_ARGUMENT', "'padding'");
    expectError(() => conv2d({ filters: 3, kernelSize: NaN }), 'INVALID_ARGUMENT', "'kernelSize'", 'NaN');
    expectError(() => conv1d({ filters: 3, kernelSize: [3, 3] }), 'INVALID_ARGUMENT', "'kernelSize'");
    expectError(() => conv2dTranspose({ filters: 2, kernelSize: 3, strides: 2, outputPadding: 2 }), 'INVALID_ARGUMENT', 'outputPadding');
    expectError(() => conv2d({ filters: 2, kernelSize: 3 }).apply(zeros([4, 5])), 'INVALID_SHAPE', 'conv2d', 'rank-4', '[4,5]');
    expectError(() => conv1d({ filters: 2, kernelSize: 3 }).apply(zeros([4, 5, 6, 1])), 'INVALID_SHAPE', 'conv1d', 'rank-3');
    expectError(() => conv2d({ filters: 2, kernelSize: 5 }).apply(zeros([1, 3, 3, 1])), 'SHAPE_MISMATCH', 'too small');
    expectError(() => conv2d({ filters: 2, kernelSize: 3, groups: 2 }).apply(zeros([1, 3, 3, 3])), 'SHAPE_MISMATCH', 'do not divide into 2 groups');
    const built = conv2d({ filters: 2, kernelSize: 1 });
    built.apply(zeros([1, 2, 2, 3]));
    expectError(() => built.apply(zeros([1, 2, 2, 4])), 'SHAPE_MISMATCH', 'input channels 3');
  });
});
