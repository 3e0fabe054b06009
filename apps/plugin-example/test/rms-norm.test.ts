import '@tensorkit/backend-cpu/register';
import { describe, expect, it } from 'vitest';
import { isTensorkitError } from '@tensorkit/core';
import { tensor, zeros } from '@tensorkit/tensor';
import { RMSNorm, rmsNorm, rmsNormLayer } from '../src/index';

describe('rmsNorm', () => {
  it('divides each row by its root mean square, then scales by a weight of ones', () => {
    const y = rmsNorm({ eps: 1e-6 }).apply(tensor([[3, 4], [1, -1]])).dataSync();
    const r0 = Math.sqrt((9 + 16) / 2 + 1e-6);
    [3 / r0, 4 / r0, 1, -1].forEach((v, i) => expect(y[i]).toBeCloseTo(v, 5));
  });

  it('rebuilds from its config through the plugin', () => {
    const layer = rmsNormLayer.create(new RMSNorm({ eps: 1e-3, inputShape: [5] }).getConfig());
    expect(layer).toBeInstanceOf(RMSNorm);
    expect((layer as RMSNorm).eps).toBe(1e-3);
  });

  it('rejects bad options and inputs of another width', () => {
    expect(() => rmsNorm({ eps: -1 })).toThrowError(/rmsNorm: eps must be a positive number, got -1/);
    expect(() => rmsNorm({ epsilon: 1 } as never)).toThrowError(/unknown option\(s\) epsilon; accepted: eps, inputShape/);
    const layer = rmsNorm();
    layer.apply(zeros([2, 4]));
    try {
      layer.apply(zeros([2, 3]));
      expect.unreachable();
    } catch (e) {
      expect(isTensorkitError(e, 'SHAPE_MISMATCH')).toBe(true);
      expect((e as Error).message).toMatch(/built for features 4/);
    }
  });
});
