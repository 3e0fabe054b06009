import '../src/register';
import { get, list, type RegisteredName } from '@tensorkit/core';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { layerPlugins } from '../src/index';

describe('registry names', () => {
  it('every registered layer name is a declared (type-checked) name, and back', () => {
    const declared: RegisteredName<'layer'>[] = [
      'dense', 'flatten', 'reshape', 'conv1d', 'conv2d', 'conv2dTranspose', 'maxPool2d', 'avgPool2d', 'globalAvgPool2d', 'dropout',
      'batchNorm', 'layerNorm', 'embedding', 'activation', 'prelu', 'lstmCell', 'gruCell', 'lstm', 'gru', 'add', 'residual',
    ];
    expect(list('layer')).toEqual([...declared].sort());
    expect(layerPlugins.map((p) => p.name).sort()).toEqual([...declared].sort());
    expect(get('layer', 'dense').create({ units: 2 }).className).toBe('dense');
    // @ts-expect-error a typo in a layer name is a compile error
    expectTypeOf<'dens'>().toMatchTypeOf<RegisteredName<'layer'>>();
  });
});
