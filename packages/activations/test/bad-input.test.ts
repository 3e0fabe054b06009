import '@tensorkit/backend-cpu/register';
import { tensor, type Tensor } from '@tensorkit/tensor';
import { describe, expect, it } from 'vitest';
import * as act from '../src/index';
import { caught } from './helpers';

const x = tensor([-1, 0, 1]);

/** [what, call, code, text the message must contain]. */
const CASES: [string, () => unknown, string, string][] = [
  ['elu NaN alpha', () => act.elu(x, { alpha: NaN }), 'INVALID_ARGUMENT', "elu: 'alpha' must be a finite number, got NaN"],
  ['celu alpha 0', () => act.celu(x, { alpha: 0 }), 'INVALID_ARGUMENT', 'celu: alpha must not be 0'],
  ['celu NaN alpha', () => act.celu(x, { alpha: NaN }), 'INVALID_ARGUMENT', "celu: 'alpha'"],
  ['leakyRelu NaN slope', () => act.leakyRelu(x, { negativeSlope: NaN }), 'INVALID_ARGUMENT', "leakyRelu: 'negativeSlope'"],
  ['leakyRelu misspelt option', () => act.leakyRelu(x, { negative_slope: 0.1 } as object), 'INVALID_ARGUMENT', "unknown option 'negative_slope'"],
  ['hardTanh NaN', () => act.hardTanh(x, { minVal: NaN }), 'INVALID_ARGUMENT', "hardTanh: 'minVal'"],
  ['hardTanh min > max', () => act.hardTanh(x, { minVal: 2, maxVal: 1 }), 'INVALID_ARGUMENT', 'minVal 2 is greater than maxVal 1'],
  ['softplus beta 0', () => act.softplus(x, { beta: 0 }), 'INVALID_ARGUMENT', "softplus: 'beta' must be a finite positive number"],
  ['softplus NaN threshold', () => act.softplus(x, { threshold: NaN }), 'INVALID_ARGUMENT', "softplus: 'threshold'"],
  ['gelu bad approximate', () => act.gelu(x, { approximate: 'fast' as 'tanh' }), 'INVALID_ARGUMENT', "gelu: approximate must be 'none' or 'tanh'"],
  ['prelu weight not per channel', () => act.prelu(tensor([[1, -1, 2]]), tensor([0.1, 0.2])), 'SHAPE_MISMATCH', 'prelu: weight must have shape [1] or [3]'],
  ['prelu 2-D weight', () => act.prelu(tensor([[1, -1]]), tensor([[0.1, 0.2]])), 'SHAPE_MISMATCH', 'got [1,2]'],
  ['prelu rank-1 x with C slopes', () => act.prelu(tensor([1, -1]), tensor([0.1, 0.2])), 'SHAPE_MISMATCH', 'or [1]'],
  ['bool input', () => act.selu(tensor([true, false])), 'DTYPE_MISMATCH', "selu: x must be numeric, got bool"],
  ['options not an object', () => act.elu(x, 2 as unknown as act.EluOptions), 'INVALID_ARGUMENT', 'elu: options must be an object'],
  ['softmax bad axis', () => act.softmax(x, 2), 'INVALID_AXIS', 'softmax'],
  ['logSoftmax bad axis', () => act.logSoftmax(x, -2), 'INVALID_AXIS', 'logSoftmax'],
];

describe('bad input', () => {
  for (const [what, call, code, text] of CASES) {
    it(what, () => {
      const e = caught(call);
      expect(e.code).toBe(code);
      expect(e.message).toContain(text);
    });
  }

  it('every unary activation refuses a bool tensor with its own name in the message', () => {
    const fns: [string, (t: Tensor) => Tensor][] = [
      ['silu', act.silu], ['mish', act.mish], ['softsign', act.softsign], ['gelu', act.gelu], ['softplus', act.softplus],
      ['hardSigmoid', act.hardSigmoid], ['hardSwish', act.hardSwish], ['logSigmoid', act.logSigmoid], ['elu', act.elu], ['celu', act.celu],
    ];
    for (const [name, fn] of fns) expect(caught(() => fn(tensor([true]))).message).toContain(`${name}: x must be numeric`);
  });

  it('the tensor-backed ones name themselves too', () => {
    for (const [name, fn] of [['relu', act.relu], ['sigmoid', act.sigmoid], ['tanh', act.tanh], ['relu6', act.relu6], ['linear', act.linear]] as const) {
      expect(caught(() => fn(tensor([true]))).message).toContain(name);
    }
  });
});

describe('dtypes', () => {
  it('int32 and plain arrays are computed in float32', () => {
    const y = act.relu(tensor(new Int32Array([-2, 3]), [2], 'int32'));
    expect(y.dtype).toBe('float32');
    expect(Array.from(y.dataSync())).toEqual([0, 3]);
    expect(Array.from(act.sigmoid([0]).dataSync())).toEqual([0.5]);
  });
});
