import '@tensorkit/backend-cpu/register';
import { get, has, register, unregister } from '@tensorkit/core';
import { memory, variable } from '@tensorkit/tensor';
import { describe, expect, it } from 'vitest';
import { SGD, adam, sgd } from '../src/index';

function caught(fn: () => unknown): Error & { code?: string } {
  try {
    fn();
  } catch (e) {
    return e as Error & { code?: string };
  }
  throw new Error('expected a throw');
}

describe('optimizer plugins are factories, as NAMES.md writes them', () => {
  it('sgd({ ... }) chooses options now and builds over parameters later', () => {
    const w = variable([1, 2]);
    const spec = sgd({ lr: 0.5, momentum: 0.9 });
    expect([spec.kind, spec.name]).toEqual(['optimizer', 'sgd']);
    const opt = spec.create([w]);
    expect(opt).toBeInstanceOf(SGD);
    expect(opt.paramGroups[0]).toMatchObject({ lr: 0.5, momentum: 0.9 });
    expect(spec.create([w], { lr: 0.1 }).paramGroups[0]!.lr).toBe(0.1); // options at create override
    opt.dispose();
  });

  it('checks the options when they are chosen, not at the first fit', () => {
    expect(caught(() => adam({ lr: Number.NaN })).code).toBe('INVALID_ARGUMENT');
    expect(caught(() => sgd({ lrr: 0.1 } as never)).message).toContain("did you mean 'lr'");
  });

  it('is still a plugin: registered by name, with create(params, options)', () => {
    const before = memory().numTensors;
    expect(typeof sgd).toBe('function');
    expect(sgd.name).toBe('sgd');
    if (!has('optimizer', 'sgd')) register(sgd);
    const w = variable([1]);
    const opt = get('optimizer', 'sgd').create([w], { lr: 0.1 });
    expect(opt.paramGroups[0]!.lr).toBe(0.1);
    opt.dispose();
    w.dispose();
    unregister('optimizer', 'sgd');
    expect(memory().numTensors).toBe(before);
  });
});
