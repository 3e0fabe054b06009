import '@tensorkit/backend-cpu/register';
import { get, isTensorkitError, list, lookup } from '@tensorkit/core';
import { tensor } from '@tensorkit/tensor';
import { describe, expect, it } from 'vitest';
import '../src/register';
import * as api from '../src/index';
import { activationPlugins, getActivation, geluActivation, reluActivation, siluActivation, type ActivationPlugin } from '../src/index';
import { caught, values } from './helpers';

describe('three ways to use an activation', () => {
  it('as a function, by registered name, and as a plugin object give the same result', () => {
    const x = tensor([-1, 0.5, 2]);
    const byFunction = values(api.gelu(x, { approximate: 'tanh' }));
    expect(values(get('activation', 'gelu').apply(x, { approximate: 'tanh' }))).toEqual(byFunction);
    expect(values(geluActivation.apply(x, { approximate: 'tanh' }))).toEqual(byFunction);
    expect(values(getActivation('relu').apply(x))).toEqual([0, 0.5, 2]);
    expect(values((lookup('activation', 'relu') as ActivationPlugin).apply(x))).toEqual([0, 0.5, 2]);
  });

  it('registers every NAMES.md name; aliases resolve to the same plugin', () => {
    expect(list('activation')).toEqual(expect.arrayContaining([
      'celu', 'elu', 'gelu', 'hardSigmoid', 'hardSwish', 'hardTanh', 'leakyRelu', 'linear', 'logSigmoid', 'logSoftmax', 'mish',
      'relu', 'relu6', 'selu', 'sigmoid', 'silu', 'softmax', 'softplus', 'softsign', 'tanh',
    ]));
    expect(get('activation', 'swish')).toBe(siluActivation);
    expect(get('activation', 'identity')).toBe(get('activation', 'linear'));
  });

  it('plugins are plain objects with their package and core version; plugin names never collide with function names', () => {
    for (const p of activationPlugins) {
      expect(p).toMatchObject({ kind: 'activation', package: '@tensorkit/activations' });
      expect(typeof p.coreVersion).toBe('string');
      expect(typeof (api as Record<string, unknown>)[p.name]).toBe('function');
      expect((api as Record<string, unknown>)[`${p.name}Activation`]).toBe(p);
    }
    expect(new Set(activationPlugins.map((p) => p.name)).size).toBe(activationPlugins.length);
  });

  it('softmax plugins take { axis }', () => {
    const x = tensor([[1, 2], [3, 5]]);
    expect(values(get('activation', 'softmax').apply(x, { axis: 0 }))).toEqual(values(api.softmax(x, 0)));
  });
});

describe('bad input to the registry and plugins', () => {
  it('an unknown name throws NOT_REGISTERED naming the registered ones and a near miss', () => {
    const e = caught(() => getActivation('reLu6x'));
    expect(isTensorkitError(e, 'NOT_REGISTERED')).toBe(true);
    expect(e.message).toContain("no activation 'reLu6x'");
    expect(e.message).toContain('relu6');
  });

  it('getActivation refuses an object that is not an activation plugin', () => {
    const e = caught(() => getActivation({ kind: 'loss', name: 'x' } as unknown as ActivationPlugin));
    expect(e.code).toBe('INVALID_PLUGIN');
    expect(e.message).toContain('getActivation');
  });

  it('a plugin without options refuses options instead of ignoring them', () => {
    const e = caught(() => reluActivation.apply(tensor([1]), { negativeSlope: 0.1 } as object));
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(e.message).toContain("relu: unknown option 'negativeSlope'");
  });

  it('softmax plugin: unknown option and a bad axis', () => {
    expect(caught(() => get('activation', 'softmax').apply(tensor([1, 2]), { dim: 0 } as object)).message).toContain("unknown option 'dim'");
    expect(caught(() => get('activation', 'softmax').apply(tensor([1, 2]), { axis: 3 })).code).toBe('INVALID_AXIS');
  });
});
