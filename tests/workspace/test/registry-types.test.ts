import { describe, expect, expectTypeOf, it } from 'vitest';
import { lookup, register, unregister, type NamedPlugin, type PluginOfKind } from '@tensorkit/core';

interface CallbackPlugin extends NamedPlugin<'callback'> {
  onEpochEnd(epoch: number): string;
}
declare module '@tensorkit/core' {
  interface CallbackRegistry {
    testLogger: CallbackPlugin;
  }
}

describe('lookup typing', () => {
  it('returns the plugin type packages declared for a kind, so its methods type-check', () => {
    const logger: CallbackPlugin = { kind: 'callback', name: 'testLogger', package: 'test', onEpochEnd: (e) => `epoch ${e}` };
    register(logger);
    try {
      const found = lookup('callback', 'testLogger');
      expectTypeOf(found).toEqualTypeOf<CallbackPlugin>();
      expect(found.onEpochEnd(3)).toBe('epoch 3');
    } finally {
      unregister('callback', 'testLogger');
    }
  });

  it('falls back to the base plugin type for a kind nobody declared', () => {
    expectTypeOf<PluginOfKind<'metric'>>().toEqualTypeOf<NamedPlugin<'metric'>>();
  });
});
