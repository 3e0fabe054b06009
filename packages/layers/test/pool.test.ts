import '@tensorkit/backend-cpu/register';
import { avgPool2d as avgPool2dOp, maxPool2d as maxPool2dOp, mean, randn, zeros } from '@tensorkit/tensor';
import { describe, expect, it } from 'vitest';
import { avgPool2d, avgPool2dLayer, globalAvgPool2d, maxPool2d, maxPool2dLayer } from '../src/index';
import { expectError, values } from './assert';

describe('pooling layers', () => {
  const x = randn([2, 7, 6, 3], { seed: 0 });

  it('maxPool2d passes every option to the op; computeOutputShape matches (ceil mode included)', () => {
    const options = { poolSize: 3, strides: 2, padding: 1, dilation: [1, 2] as [number, number], ceilMode: true };
    const layer = maxPool2d(options);
    const y = layer.apply(x);
    expect(values(y)).toEqual(values(maxPool2dOp(x, options)));
    expect(y.shape).toEqual(layer.computeOutputShape(x.shape));
    expect(layer.computeOutputShape([-1, -1, 6, 3])).toEqual([-1, -1, y.shape[2], 3]);
    expect(maxPool2dLayer.create(layer.getConfig()).getConfig()).toEqual(layer.getConfig());
  });

  it('avgPool2d honours countIncludePad and divisorOverride', () => {
    for (const extra of [{ countIncludePad: false }, { divisorOverride: 2 }, {}]) {
      const options = { poolSize: [3, 2] as [number, number], padding: [1, 1] as [number, number], ...extra };
      const layer = avgPool2d(options);
      const y = layer.apply(x);
      expect(values(y)).toEqual(values(avgPool2dOp(x, options)));
      expect(y.shape).toEqual(layer.computeOutputShape(x.shape));
      expect(avgPool2dLayer.create(layer.getConfig()).getConfig()).toEqual(layer.getConfig());
    }
  });

  it('globalAvgPool2d is the mean over H and W', () => {
    const y = globalAvgPool2d().apply(x);
    expect(y.shape).toEqual([2, 3]);
    expect(values(y)).toEqual(values(mean(x, [1, 2])));
  });

  it('rejects bad options and inputs', () => {
    expectError(() => maxPool2d({} as never), 'INVALID_ARGUMENT', "'poolSize' is required");
    expectError(() => maxPool2d({ poolSize: 2, padding: 2 }), 'INVALID_ARGUMENT', 'at most half the pool size');
    expectError(() => avgPool2d({ poolSize: 2, dilation: 2 } as never), 'INVALID_ARGUMENT', "unknown option 'dilation'");
    expectError(() => avgPool2d({ poolSize: 2, divisorOverride: 0 }), 'INVALID_ARGUMENT', "'divisorOverride'");
    expectError(() => maxPool2d({ poolSize: 2, ceilMode: 1 as never }), 'INVALID_ARGUMENT', "'ceilMode'");
    expectError(() => maxPool2d({ poolSize: 2 }).apply(zeros([3, 4, 4])), 'INVALID_SHAPE', 'maxPool2d', 'rank-4');
    expectError(() => maxPool2d({ poolSize: 5 }).apply(zeros([1, 3, 3, 1])), 'SHAPE_MISMATCH', 'larger than the padded input');
    expectError(() => globalAvgPool2d().apply(zeros([3, 4])), 'INVALID_SHAPE', 'globalAvgPool2d');
  });
});
