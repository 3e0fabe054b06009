import { describe, expect, it } from 'vitest';
import {
  broadcastShapes, computeConv2DInfo, computePool2DInfo, computeStrides, inferReshape, isCompatibleCoreVersion,
  normalizeAxes, normalizeAxis, reducedShape, sizeFromShape, upcastType, allocValues,
} from '../src/index';

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
}

describe('shape utilities', () => {
  it('broadcasts NumPy-style and names the op and shapes on failure', () => {
    expect(broadcastShapes('add', [3, 1, 4], [5, 1])).toEqual([3, 5, 4]);
    expect(broadcastShapes('add', [2, 3], [3])).toEqual([2, 3]);
    expect(broadcastShapes('where', [4, 1], [1, 5], [])).toEqual([4, 5]);
    expect(() => broadcastShapes('add', [2, 3], [4])).toThrow(/add: shapes \[2,3\] and \[4\] do not broadcast/);
  });

  it('computes sizes, strides and reduced shapes', () => {
    expect(sizeFromShape([])).toBe(1);
    expect(sizeFromShape([2, 0, 3])).toBe(0);
    expect(computeStrides([2, 3, 4])).toEqual([12, 4, 1]);
    expect(reducedShape([2, 3, 4], [0, 2], true)).toEqual([1, 3, 1]);
    expect(reducedShape([2, 3, 4], [0, 2], false)).toEqual([3]);
  });

  it('normalises axes, rejecting out-of-range and repeated ones', () => {
    expect(normalizeAxis(-1, 3, 'sum')).toBe(2);
    expect(normalizeAxes([-1, 0], 3, 'sum')).toEqual([0, 2]);
    expect(normalizeAxes(null, 2, 'sum')).toEqual([0, 1]);
    expect(code(() => normalizeAxis(3, 3, 'sum'))).toBe('INVALID_AXIS');
    expect(code(() => normalizeAxis(1.5, 3, 'sum'))).toBe('INVALID_AXIS');
    expect(code(() => normalizeAxes([1, -2], 3, 'sum'))).toBe('INVALID_AXIS');
  });

  it('infers one -1 in reshape and refuses impossible targets', () => {
    expect(inferReshape([2, -1], 6, 'reshape')).toEqual([2, 3]);
    expect(code(() => inferReshape([4, -1], 6, 'reshape'))).toBe('SHAPE_MISMATCH');
    expect(code(() => inferReshape([-1, -1], 6, 'reshape'))).toBe('INVALID_SHAPE');
  });

  it('computes conv geometry like PyTorch and rejects bad groups', () => {
    const info = computeConv2DInfo([2, 7, 9, 4], [3, 2, 2, 6], [2, 1], [1, 1, 0, 1], [1, 2], 2, 'conv2d');
    expect([info.outH, info.outW, info.outC, info.outCPerGroup]).toEqual([4, 8, 6, 3]);
    expect(code(() => computeConv2DInfo([1, 5, 5, 3], [3, 3, 2, 4], [1, 1], [0, 0, 0, 0], [1, 1], 1, 'conv2d'))).toBe(
      'SHAPE_MISMATCH',
    );
  });

  it('computes pooling sizes with ceil mode dropping windows that start in the padding', () => {
    expect(computePool2DInfo([1, 5, 5, 1], [2, 2], [2, 2], [0, 0, 0, 0], [1, 1], true, 'p').outH).toBe(3);
    expect(computePool2DInfo([1, 5, 5, 1], [2, 2], [2, 2], [0, 0, 0, 0], [1, 1], false, 'p').outH).toBe(2);
    // torch: L=6, k=3, s=2, p=1, ceil: ceil((6+2-3)/2)+1 = 4, last window starts at 6 >= L+p=7? no -> 4
    expect(computePool2DInfo([1, 6, 6, 1], [3, 3], [2, 2], [1, 1, 1, 1], [1, 1], true, 'p').outH).toBe(4);
    // torch: L=5, k=2, s=2, p=1, ceil: ceil(5/2)+1 = 4; start 6 >= 5+1 -> dropped -> 3
    expect(computePool2DInfo([1, 5, 5, 1], [2, 2], [2, 2], [1, 1, 1, 1], [1, 1], true, 'p').outH).toBe(3);
    expect(code(() => computePool2DInfo([1, 5, 5, 1], [2, 2], [2, 2], [2, 2, 2, 2], [1, 1], false, 'p'))).toBe(
      'INVALID_ARGUMENT',
    );
  });

  it('promotes dtypes and checks core versions', () => {
    expect(upcastType('bool', 'int32')).toBe('int32');
    expect(upcastType('float32', 'int32')).toBe('float32');
    expect(allocValues('bool', 2)).toBeInstanceOf(Uint8Array);
    expect(code(() => allocValues('float64' as never, 2))).toBe('DTYPE_MISMATCH');
    expect(isCompatibleCoreVersion('0.1.9', '0.1.0')).toBe(true);
    expect(isCompatibleCoreVersion('garbage', '0.1.0')).toBe(false);
  });
});

describe('slice views', () => {
  it('computes transpose, broadcast and tile views and refuses bad ones', async () => {
    const { computeTransposeView, computeBroadcastView, computeTileView, broadcastStrides } = await import('../src/index');
    expect(computeTransposeView([2, 3, 4], [2, 0, 1], 'T')).toEqual({ shape: [4, 2, 3], offset: 0, strides: [1, 12, 4], outShape: [4, 2, 3] });
    expect(() => computeTransposeView([2, 3], [0, 0], 'Transpose (cpu)')).toThrow(/Transpose \(cpu\): perm \[0,0\] is not a permutation/);
    expect(broadcastStrides([3, 1], [2, 3, 4])).toEqual([0, 1, 0]);
    expect(computeBroadcastView([3, 1], [2, 3, 4], 'B').strides).toEqual([0, 1, 0]);
    expect(() => computeBroadcastView([3, 2], [3, 4], 'BroadcastTo')).toThrow(/cannot broadcast \[3,2\] to \[3,4\]/);
    expect(computeTileView([2, 3], [2, 1], 'Tile')).toEqual({ shape: [2, 2, 1, 3], offset: 0, strides: [0, 3, 0, 1], outShape: [4, 3] });
    expect(() => computeTileView([2], [1, 2], 'Tile')).toThrow(/one non-negative integer per axis/);
  });

  it('computes the strided view and refuses out-of-bounds slices', async () => {
    const { computeSliceView } = await import('../src/index');
    expect(computeSliceView([4, 6], [1, 0], [2, 3], [1, 2], 'Slice')).toEqual({ shape: [2, 3], offset: 6, strides: [6, 2], outShape: [2, 3] });
    expect(computeSliceView([5], [1], [], [], 'Slice')).toEqual({ shape: [4], offset: 1, strides: [1], outShape: [4] });
    expect(() => computeSliceView([4], [2], [2], [2], 'Slice (cpu)')).toThrow(/Slice \(cpu\): begin 2, size 2, step 2 on axis 0 is out of bounds for shape \[4\]/);
  });
});

describe('option checks', () => {
  it('reject unknown keys with the closest known name, and non-objects', async () => {
    const { checkOptions, closestName } = await import('../src/index');
    expect(checkOptions(undefined, 'f', ['a'])).toEqual({});
    expect(checkOptions({ a: 1 }, 'f', ['a'])).toEqual({ a: 1 });
    expect(() => checkOptions({ stride: 2 } as object, 'conv1d', ['strides', 'padding'])).toThrow(
      "conv1d: unknown option 'stride'; did you mean 'strides'? (options: strides, padding)",
    );
    expect(() => checkOptions({ x: 1 } as object, 'relu', [])).toThrow("relu: unknown option 'x' (it takes no options)");
    expect(() => checkOptions(3 as never, 'f', ['a'])).toThrow(/options must be an object like \{ a \}, got 3/);
    expect(closestName('min', ['minVal', 'maxVal'])).toBe('minVal');
    expect(closestName('ceil_mode', ['ceilMode'])).toBe('ceilMode');
    expect(closestName('lr', ['momentum'])).toBeUndefined();
  });
});
