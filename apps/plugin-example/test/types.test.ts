import { describe, expect, expectTypeOf, it } from 'vitest';
import { get, type RegisteredName } from '@tensorkit/core';
import { Sequential, dense, type CompileConfig } from '@tensorkit/layers';
import type { LionPlugin, SquarePlusPlugin } from '../src/index';

/*
 * Importing the package widens the registry's name maps by module augmentation. These checks are
 * compile-time: `npm run typecheck` fails if a name stops type-checking, or if a typo starts to.
 */
describe('registry types widened by the plugin package', () => {
  it('makes the plugin names registered names with their plugin types', () => {
    expectTypeOf<'squarePlus'>().toExtend<RegisteredName<'activation'>>();
    expectTypeOf<'lion'>().toExtend<RegisteredName<'optimizer'>>();
    expectTypeOf<'rmsNorm'>().toExtend<RegisteredName<'layer'>>();
    expectTypeOf<'squarePlsu'>().not.toExtend<RegisteredName<'activation'>>();
    expectTypeOf(get<'activation', 'squarePlus'>).returns.toEqualTypeOf<SquarePlusPlugin>();
    expectTypeOf(get<'optimizer', 'lion'>).returns.toEqualTypeOf<LionPlugin>();
  });

  it("accepts activation: 'squarePlus' and optimizer: 'lion' in an app, and rejects typos", () => {
    const make = (): Sequential => new Sequential([dense({ units: 4, activation: 'squarePlus' satisfies RegisteredName<'activation'> })]);
    const ok: CompileConfig = { optimizer: 'lion', loss: (_yTrue, yPred) => yPred };
    // @ts-expect-error a typo in a registered optimizer name is a compile error
    const typo: CompileConfig = { optimizer: 'loin', loss: (_yTrue, yPred) => yPred };
    // @ts-expect-error and so is one in an activation name checked against the registry
    const act: RegisteredName<'activation'> = 'squarePlsu';
    // @ts-expect-error get() only takes registered names
    const missing = () => get('activation', 'squarePlsu');
    expect([typeof make, ok.optimizer, typo.optimizer, act, typeof missing]).toEqual(['function', 'lion', 'loin', 'squarePlsu', 'function']);
  });
});
