import '@tensorkit/backend-cpu/register';
import { isTensorkitError } from '@tensorkit/core';
import { describe, expect, it } from 'vitest';
import * as init from '../src/index';
import type { Nonlinearity } from '../src/index';
import { caught } from './helpers';

/** [what, call, code, text the message must contain]. */
const CASES: [string, () => unknown, string, string][] = [
  ['unknown nonlinearity', () => init.calculateGain('gelu' as Nonlinearity), 'INVALID_ARGUMENT', 'calculateGain: unknown nonlinearity "gelu"; known: linear'],
  ["PyTorch's spelling", () => init.calculateGain('leaky_relu' as Nonlinearity), 'INVALID_ARGUMENT', "tensorkit spells it 'leakyRelu'"],
  ['NaN gain param', () => init.calculateGain('leakyRelu', NaN), 'INVALID_ARGUMENT', 'calculateGain: param must be a finite number'],
  ['fans of a 1-D shape', () => init.computeFans([5]), 'INVALID_SHAPE', 'computeFans: fans need a weight with at least 2 dims'],
  ['fans of a bad shape', () => init.computeFans([2, -1]), 'INVALID_SHAPE', 'non-negative integers'],
  ['NaN gain', () => init.glorotUniform([2, 2], { gain: NaN }), 'INVALID_ARGUMENT', "glorotUniform: 'gain' must be a finite number, got NaN"],
  ['bad mode', () => init.heNormal([2, 2], { mode: 'fan_in' as 'fanIn' }), 'INVALID_ARGUMENT', "heNormal: mode must be 'fanIn' or 'fanOut', got \"fan_in\" (tensorkit spells it 'fanIn')"],
  ['unknown nonlinearity in he', () => init.heUniform([2, 2], { nonlinearity: 'swish' as Nonlinearity }), 'INVALID_ARGUMENT', 'unknown nonlinearity "swish"'],
  ['NaN a', () => init.kaimingUniform([2, 2], { a: NaN }), 'INVALID_ARGUMENT', "heUniform: 'a'"],
  ['he on a bias shape', () => init.heNormal([8]), 'INVALID_SHAPE', 'computeFans'],
  ['unknown option', () => init.xavierNormal([2, 2], { gian: 2 } as object), 'INVALID_ARGUMENT', "glorotNormal: unknown option 'gian'"],
  ['bad seed', () => init.leCunNormal([2, 2], { seed: -1 }), 'INVALID_ARGUMENT', 'leCunNormal: seed must be a non-negative safe integer'],
  ['bad shape', () => init.randomNormal([2, 1.5]), 'INVALID_SHAPE', 'randomNormal: shape must be an array of non-negative integers'],
  ['std 0', () => init.randomNormal([2], { std: 0 }), 'INVALID_ARGUMENT', "randomNormal: 'std' must be a finite positive number"],
  ['uniform a >= b', () => init.randomUniform([2], { a: 1, b: 1 }), 'INVALID_ARGUMENT', 'randomUniform: need a < b'],
  ['truncated a >= b', () => init.truncatedNormal([2], { a: 2, b: -2 }), 'INVALID_ARGUMENT', 'truncatedNormal: need a < b'],
  ['NaN constant', () => init.constant([2], { value: NaN }), 'INVALID_ARGUMENT', "constant: 'value'"],
  ['zeros option', () => init.zeros([2], { value: 1 } as object), 'INVALID_ARGUMENT', "zeros: unknown option 'value'"],
  ['ones bad shape', () => init.ones([-1]), 'INVALID_SHAPE', 'ones: shape'],
  ['leCunUniform 1-D', () => init.leCunUniform([3]), 'INVALID_SHAPE', 'computeFans'],
  ['torchDefault 1-D', () => init.torchDefault([3]), 'INVALID_SHAPE', 'torchDefaultBias(shape, { fanIn })'],
  ['torchDefaultBias without fanIn', () => init.torchDefaultBias([3], {} as init.TorchDefaultBiasOptions), 'INVALID_ARGUMENT', 'torchDefaultBias: fanIn must be'],
  ['torchDefaultBias NaN fanIn', () => init.torchDefaultBias([3], { fanIn: NaN }), 'INVALID_ARGUMENT', 'got NaN'],
  ['orthogonal 1-D', () => init.orthogonal([4]), 'INVALID_SHAPE', 'orthogonal: needs a weight with at least 2 dims'],
  ['orthogonal NaN gain', () => init.orthogonal([4, 4], { gain: NaN }), 'INVALID_ARGUMENT', "orthogonal: 'gain'"],
  ['identity 4-D', () => init.identity([3, 3, 2, 2]), 'INVALID_SHAPE', 'identity: needs a 2-D [in, out] shape'],
  ['identity NaN gain', () => init.identity([2, 2], { gain: NaN }), 'INVALID_ARGUMENT', "identity: 'gain'"],
  ['moments std 0', () => init.truncatedNormalMoments({ std: 0 }), 'INVALID_ARGUMENT', 'truncatedNormalMoments: need numbers with std > 0'],
  ['unknown registered name', () => init.getInitializer('kaimingNormall'), 'NOT_REGISTERED', "no initializer 'kaimingNormall'"],
  ['not a plugin', () => init.getInitializer({ kind: 'initializer' } as init.InitializerPlugin), 'INVALID_PLUGIN', 'getInitializer'],
];

describe('bad input', () => {
  for (const [what, call, code, text] of CASES) {
    it(what, () => {
      const e = caught(call);
      expect(isTensorkitError(e, code as never)).toBe(true);
      expect(e.message).toContain(text);
    });
  }
});
