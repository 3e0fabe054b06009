import '@tensorkit/backend-cpu/register';
import { get, list, lookup } from '@tensorkit/core';
import { describe, expect, it } from 'vitest';
import '../src/register';
import * as api from '../src/index';
import { getInitializer, heNormalInitializer, initializerPlugins, torchDefaultInitializer, type InitOptions } from '../src/index';
import { values } from './helpers';

describe('initializers in the registry', () => {
  it('registers every NAMES.md name; aliases resolve to the same plugin', () => {
    expect(list('initializer')).toEqual([
      'constant', 'glorotNormal', 'glorotUniform', 'heNormal', 'heUniform', 'identity', 'leCunNormal', 'leCunUniform', 'ones',
      'orthogonal', 'randomNormal', 'randomUniform', 'torchDefault', 'truncatedNormal', 'zeros',
    ]);
    expect(get('initializer', 'kaimingNormal')).toBe(heNormalInitializer);
    expect(lookup('initializer', 'xavierUniform')).toBe(get('initializer', 'glorotUniform'));
    expect(api.kaimingUniform).toBe(api.heUniform);
  });

  it('function, registered name and plugin object draw the same weights', () => {
    const byFunction = values(api.heNormal([6, 4], { seed: 9, nonlinearity: 'relu' }));
    expect(values(get('initializer', 'heNormal').sample([6, 4], { seed: 9, nonlinearity: 'relu' }))).toEqual(byFunction);
    expect(values(getInitializer('kaimingNormal').sample([6, 4], { seed: 9, nonlinearity: 'relu' } as InitOptions))).toEqual(byFunction);
    expect(values(get('initializer', 'torchDefault').sampleBias([3], { fanIn: 4, seed: 1 }))).toEqual(
      values(torchDefaultInitializer.sampleBias([3], { fanIn: 4, seed: 1 })),
    );
  });

  it('plugins are plain objects named `<fn>Initializer`, each with its function', () => {
    for (const p of initializerPlugins) {
      expect(p).toMatchObject({ kind: 'initializer', package: '@tensorkit/init' });
      expect((api as Record<string, unknown>)[`${p.name}Initializer`]).toBe(p);
      expect(typeof (api as Record<string, unknown>)[p.name]).toBe('function');
    }
  });
});
