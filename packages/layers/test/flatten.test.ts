import '@tensorkit/backend-cpu/register';
import { arange, reshape } from '@tensorkit/tensor';
import { describe, expect, it } from 'vitest';
import { flatten, flattenLayer } from '../src/index';
import { expectError, values } from './assert';

describe('flatten', () => {
  it('keeps the batch axis and flattens the rest in row-major (H, W, C) order', () => {
    const x = reshape(arange(0, 24), [2, 3, 2, 2]);
    const y = flatten().apply(x);
    expect(y.shape).toEqual([2, 12]);
    expect(values(y)).toEqual(values(x));
    expect(flatten().computeOutputShape([-1, 4, 5])).toEqual([-1, 20]);
    expect(flattenLayer.create({ inputShape: [3] }).getConfig()).toEqual({ inputShape: [3] });
  });

  it('rejects a scalar input and unknown options', () => {
    expectError(() => flatten().computeOutputShape([]), 'INVALID_SHAPE', 'flatten', 'rank >= 1');
    expectError(() => flatten({ startDim: 1 } as never), 'INVALID_ARGUMENT', "unknown option 'startDim'");
  });
});
