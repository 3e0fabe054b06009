import { describe, expect, expectTypeOf, it } from 'vitest';
import { lookup, register, unregister, type NamedPlugin, type PluginOfKind } from '@tensorkit/core';

/*
 * Module augmentation in a consumer: declaring a plugin type for a kind makes lookup() return it.
 * This test program imports no package that declares schedulers or optimizers, so those kinds
 * are free for it.
 */
interface WarmupPlugin extends NamedPlugin<'scheduler'> {
  factorAt(epoch: number): number;
}
declare module '@tensorkit/core' {
  interface SchedulerRegistry {
    testWarmup: WarmupPlugin;
  }
}

describe('lookup typing', () => {
  it('returns the plugin type packages declared for a kind, so its methods type-check', () => {
    const warmup: WarmupPlugin = { kind: 'scheduler', name: 'testWarmup', package: 'test', factorAt: (e) => Math.min(1, e / 5) };
    register(warmup);
    try {
      const found = lookup('scheduler', 'testWarmup');
      expectTypeOf(found).toEqualTypeOf<WarmupPlugin>();
      expect(found.factorAt(2)).toBe(0.4);
    } finally {
      unregister('scheduler', 'testWarmup');
    }
  });

  it('falls back to the base plugin type for a kind nobody declared', () => {
    expectTypeOf<PluginOfKind<'optimizer'>>().toEqualTypeOf<NamedPlugin<'optimizer'>>();
  });
});
