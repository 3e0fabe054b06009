import { afterEach, describe, expect, it } from 'vitest';
import {
  get, getKernel, globalState, has, isTensorkitError, list, listKernels, lookup, register, registry, unregister, use,
  type BackendPlugin, type KernelConfig, type NamedPlugin,
} from '../src/index';

const act = (name: string, pkg?: string, extra: Partial<NamedPlugin<'activation'>> = {}): NamedPlugin<'activation'> => ({
  kind: 'activation', name, ...(pkg ? { package: pkg } : {}), ...extra,
});

function caught(fn: () => unknown): Error & { code?: string } {
  try {
    fn();
  } catch (e) {
    return e as Error & { code?: string };
  }
  throw new Error('expected a throw');
}

afterEach(() => {
  for (const n of list('activation')) unregister('activation', n);
  for (const n of list('optimizer')) unregister('optimizer', n);
  for (const k of listKernels('test')) unregister('kernel', `test/${k}`);
});

describe('registry', () => {
  it('lives on globalThis under Symbol.for so every copy shares it', () => {
    use(act('shared', 'pkg-a'));
    const state = (globalThis as unknown as Record<symbol, unknown>)[Symbol.for('tensorkit.registry')];
    expect(state).toBe(globalState());
    expect(globalState().plugins.get('activation')?.has('shared')).toBe(true);
  });

  it('registers, looks up by name and alias, lists and unregisters', () => {
    const p = act('swishy', 'pkg-a', { aliases: ['siluish'] });
    use(p);
    expect(has('activation', 'swishy')).toBe(true);
    expect(lookup('activation', 'siluish')).toBe(p);
    expect(list('activation')).toEqual(['swishy']);
    expect(unregister('activation', 'siluish')).toBe(true);
    expect(has('activation', 'swishy')).toBe(false);
    expect(unregister('activation', 'swishy')).toBe(false);
  });

  it('flattens arrays in use() and re-registering the same plugin is a no-op', () => {
    const a = act('a1', 'p');
    use([a, act('a2', 'p')], a);
    expect(list('activation')).toEqual(['a1', 'a2']);
  });

  it('refuses a duplicate name from another owner, naming both owners', () => {
    use(act('dup', 'first-pkg'));
    const e = caught(() => use(act('dup', 'second-pkg')));
    expect(isTensorkitError(e, 'ALREADY_REGISTERED')).toBe(true);
    expect(e.message).toContain('first-pkg');
    expect(e.message).toContain('second-pkg');
    expect(e.message).toContain('override: true');
  });

  it('overrides when asked, dropping the old aliases', () => {
    use(act('ov', 'first', { aliases: ['ovAlias'] }));
    const replacement = act('ov', 'second');
    register(replacement, { override: true });
    expect(lookup('activation', 'ov')).toBe(replacement);
    expect(has('activation', 'ovAlias')).toBe(false);
  });

  it('a miss names what was asked, what is registered, the provider and the closest name', () => {
    use({ kind: 'optimizer', name: 'adam', package: '@tensorkit/optim' } as NamedPlugin<'optimizer'>);
    use({ kind: 'optimizer', name: 'sgd', package: '@tensorkit/optim' } as NamedPlugin<'optimizer'>);
    const e = caught(() => lookup('optimizer', 'adamw'));
    expect(e.code).toBe('NOT_REGISTERED');
    expect(e.message).toBe(
      "no optimizer 'adamw'; registered: adam, sgd; built-in optimizers are in @tensorkit/optim: " +
        "import '@tensorkit/optim/register' or use(adamw). Did you mean 'adam'?",
    );
  });

  it('names the exported plugin object in its use() hint', () => {
    expect(caught(() => lookup('activation', 'gelu')).message).toContain('use(geluActivation)');
    expect(caught(() => lookup('loss', 'mse')).message).toContain('use(mseLoss)');
  });

  it('refuses a plugin built for an incompatible core version (minor decides under 0.x)', () => {
    const e = caught(() => use(act('old', 'old-pkg', { coreVersion: '0.2.0' })));
    expect(e.code).toBe('INCOMPATIBLE_VERSION');
    expect(e.message).toContain('old-pkg');
    expect(e.message).toContain('0.2.0');
    expect(() => use(act('ok', 'ok-pkg', { coreVersion: '^0.1.4' }))).not.toThrow();
    expect(caught(() => use(act('maj', 'm', { coreVersion: '1.1.0' }))).code).toBe('INCOMPATIBLE_VERSION');
  });

  it('rejects malformed plugins with INVALID_PLUGIN', () => {
    expect(caught(() => use({ kind: 'nope', name: 'x' } as never)).code).toBe('INVALID_PLUGIN');
    expect(caught(() => use(null as never)).code).toBe('INVALID_PLUGIN');
    expect(caught(() => use({ kind: 'activation', name: '' } as never)).code).toBe('INVALID_PLUGIN');
    expect(caught(() => use({ kind: 'backend', name: 'b', priority: 1 } as unknown as BackendPlugin)).code).toBe(
      'INVALID_PLUGIN',
    );
  });

  it('keys kernels by backend and kernel name, with a dispatch fast path', () => {
    const k: KernelConfig<'Neg'> = { kind: 'kernel', kernelName: 'Neg', backendName: 'test', kernelFunc: ({ inputs }) => inputs[0]! };
    use(k);
    expect(getKernel('test', 'Neg')).toBe(k);
    expect(getKernel('other', 'Neg')).toBeUndefined();
    expect(listKernels('test')).toEqual(['Neg']);
    expect(has('kernel', 'test/Neg')).toBe(true);
    unregister('kernel', 'test/Neg');
    expect(getKernel('test', 'Neg')).toBeUndefined();
  });

  it('exposes the same functions on the registry object, and get() is typed', () => {
    expect(registry.use).toBe(use);
    use(act('typed', 'p'));
    // @ts-expect-error 'typed' is not declared in ActivationRegistry, so get() rejects it at compile time
    expect(get('activation', 'typed')).toBe(lookup('activation', 'typed'));
  });
});
