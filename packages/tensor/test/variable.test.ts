import '@tensorkit/backend-cpu/register';
import { describe, expect, it } from 'vitest';
import {
  add, isVariable, memory, mul, noGradScope, setKernelHook, tensor, tidy, variable, zeros, type KernelRecord,
} from '../src/index';

function caught(fn: () => unknown): Error & { code?: string } {
  try {
    fn();
  } catch (e) {
    return e as Error & { code?: string };
  }
  throw new Error('expected a throw');
}

describe('Variable', () => {
  it('holds a value, is trainable by default and survives tidy', () => {
    const v = tidy(() => variable(add(tensor([1, 2]), 1)));
    expect(isVariable(v)).toBe(true);
    expect(v.trainable).toBe(true);
    expect(v.dataSync()).toEqual(new Float32Array([2, 3]));
    const frozen = variable(zeros([2]), { trainable: false, name: 'runningMean' });
    expect([frozen.trainable, frozen.name]).toEqual([false, 'runningMean']);
  });

  it('assign replaces the value and releases the old data', () => {
    const v = variable([1, 2, 3]);
    const before = memory();
    tidy(() => v.assign(mul(v, 2)));
    expect(v.dataSync()).toEqual(new Float32Array([2, 4, 6]));
    expect(memory().numTensors).toBe(before.numTensors);
    expect(memory().numDataBuffers).toBe(before.numDataBuffers);
  });

  it('assign checks shape and dtype', () => {
    const v = variable([1, 2, 3]);
    const e = caught(() => v.assign(tensor([1, 2])));
    expect(e.code).toBe('SHAPE_MISMATCH');
    expect(e.message).toContain('[3] float32');
    expect(e.message).toContain('[2] float32');
    expect(caught(() => v.assign(tensor([1, 2, 3], undefined, 'int32'))).code).toBe('SHAPE_MISMATCH');
  });

  it('assign inside a recording scope throws unless wrapped in noGrad', () => {
    const v = variable([1]);
    const records: KernelRecord[] = [];
    const previous = setKernelHook({ record: (r) => records.push(r) });
    try {
      const e = caught(() => v.assign(tensor([2])));
      expect(e.code).toBe('INVALID_STATE');
      expect(e.message).toContain('noGrad');
      noGradScope(() => v.assign(add(v, 1)));
      expect(records).toHaveLength(0); // nothing inside noGrad reaches the tape
      add(v, 1);
      expect(records.map((r) => r.kernelName)).toEqual(['Add']);
    } finally {
      setKernelHook(previous);
    }
    expect(v.dataSync()).toEqual(new Float32Array([2]));
  });
});
