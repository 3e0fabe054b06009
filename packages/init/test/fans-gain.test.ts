import { describe, expect, it } from 'vitest';
import { calculateGain, computeFans } from '../src/index';

describe('computeFans (Keras rule on tensorkit layouts = PyTorch on its layouts)', () => {
  it('dense [in, out]', () => {
    expect(computeFans([256, 64])).toEqual({ fanIn: 256, fanOut: 64 });
  });

  it('conv [kh, kw, inC/groups, outC] and conv1d [k, inC, outC]', () => {
    expect(computeFans([3, 3, 3, 16])).toEqual({ fanIn: 27, fanOut: 144 });
    expect(computeFans([5, 5, 4, 4])).toEqual({ fanIn: 100, fanOut: 100 }); // Conv2d(8, 4, 5, groups=2)
    expect(computeFans([7, 2, 6])).toEqual({ fanIn: 14, fanOut: 42 });
  });

  it('conv2dTranspose [kh, kw, outC/groups, inC] gives PyTorch fan_in = outC/groups·k·k', () => {
    expect(computeFans([2, 2, 6, 4])).toEqual({ fanIn: 24, fanOut: 16 }); // ConvTranspose2d(4, 6, 2)
  });
});

describe('calculateGain (PyTorch values)', () => {
  it('unit, tanh, relu, selu and leakyRelu gains', () => {
    for (const n of ['linear', 'conv1d', 'conv2d', 'conv3d', 'conv1dTranspose', 'conv2dTranspose', 'conv3dTranspose', 'sigmoid'] as const) {
      expect(calculateGain(n)).toBe(1);
    }
    expect(calculateGain('tanh')).toBe(5 / 3);
    expect(calculateGain('relu', 0.3)).toBe(Math.SQRT2);
    expect(calculateGain('selu')).toBe(0.75);
    expect(calculateGain('leakyRelu')).toBe(Math.sqrt(2 / (1 + 0.01 ** 2)));
    expect(calculateGain('leakyRelu', null)).toBe(calculateGain('leakyRelu', 0.01));
    expect(calculateGain('leakyRelu', 0.2)).toBe(Math.sqrt(2 / 1.04));
    expect(calculateGain('leakyRelu', Math.sqrt(5))).toBeCloseTo(Math.sqrt(1 / 3), 15);
  });
});
