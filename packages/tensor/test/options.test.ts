import '@tensorkit/backend-cpu/register';
import { describe, expect, it } from 'vitest';
import { avgPool2d, conv1d, conv2d, conv2dTranspose, hardTanh, leakyRelu, matMul, maxPool2d, std, variance, zeros } from '../src/index';

function caught(fn: () => unknown): Error & { code?: string } {
  try {
    fn();
  } catch (e) {
    return e as Error & { code?: string };
  }
  throw new Error('expected a throw');
}

describe('unknown option keys are errors, not silently ignored', () => {
  const x = zeros([1, 6, 6, 2]);
  const w = zeros([3, 3, 2, 4]);
  it.each([
    ['conv1d', () => conv1d(zeros([1, 8, 2]), zeros([3, 2, 4]), { stride: 2 } as never), 'stride', 'strides'],
    ['conv2d', () => conv2d(x, w, { dilations: 2 } as never), 'dilations', 'dilation'],
    ['conv2dTranspose', () => conv2dTranspose(zeros([1, 3, 3, 4]), w, { outputPad: 1 } as never), 'outputPad', 'outputPadding'],
    ['maxPool2d', () => maxPool2d(x, { poolSize: 2, countIncludePad: false } as never), 'countIncludePad', undefined],
    ['avgPool2d', () => avgPool2d(x, { poolSize: 2, ceil_mode: true } as never), 'ceil_mode', 'ceilMode'],
    ['matMul', () => matMul(zeros([2, 2]), zeros([2, 2]), { transposeC: true } as never), 'transposeC', 'transposeA'],
    ['leakyRelu', () => leakyRelu(zeros([2]), { alpha: 0.2 } as never), 'alpha', undefined],
    ['hardTanh', () => hardTanh(zeros([2]), { min: 0 } as never), 'min', 'minVal'],
    ['variance', () => variance(zeros([2]), { correction: 0 } as never), 'correction', undefined],
    ['std', () => std(zeros([2]), { keepdim: true } as never), 'keepdim', 'keepDims'],
  ])('%s', (op, call, key, suggestion) => {
    const e = caught(call);
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.message).toContain(`${op}: unknown option '${key}'`);
    if (suggestion) expect(e.message).toContain(`did you mean '${suggestion}'`);
  });
});
