import '@tensorkit/backend-cpu/register';
import { memory, mul, setBackend, transpose } from '@tensorkit/tensor';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareWithOracle } from '../src/compare';
import { tensorOpsFixture, type OracleCase } from '../src/oracle';
import { input, runForward, runGrads, upstreamOf, type OpRunner } from '../src/runner';

beforeAll(async () => {
  await setBackend('cpu');
});

const byName = (name: string): OracleCase => tensorOpsFixture.cases.find((c) => c.name === name)!;

/** A synthetic NCHW case: the op is the identity, so the output is the input. */
const nchwCase: OracleCase = {
  name: 'identity',
  op: 'test.identity',
  params: {},
  inputs: { x: { shape: [1, 2, 2, 3], data: Array.from({ length: 12 }, (_, i) => i) } },
  outputs: { out: { shape: [1, 2, 2, 3], data: Array.from({ length: 12 }, (_, i) => i) } },
};

describe('runForward', () => {
  it('converts inputs to NHWC, runs, converts the output back, and frees everything', async () => {
    const before = memory().numTensors;
    let seenShape: readonly number[] = [];
    const runner: OpRunner = {
      category: 'elementwise',
      inputLayouts: { x: 'nchw' },
      outputLayouts: { out: 'nchw' },
      forward: (x) => {
        seenShape = input(x, 'x').shape;
        return { out: mul(input(x, 'x'), 1) };
      },
    };
    const out = await runForward(runner, nchwCase);
    expect(seenShape).toEqual([1, 2, 3, 2]);
    expect(compareWithOracle(out.out!, nchwCase.outputs.out!, { rtol: 0, atol: 0 }).ok).toBe(true);
    expect(memory().numTensors).toBe(before);
  });

  it('a layout mistake is caught by the comparison', async () => {
    const runner: OpRunner = {
      category: 'elementwise',
      inputLayouts: { x: 'nchw' },
      outputLayouts: { out: 'nchw' },
      forward: (x) => ({ out: transpose(input(x, 'x'), [0, 2, 1, 3]) }),
    };
    const out = await runForward(runner, nchwCase);
    expect(compareWithOracle(out.out!, nchwCase.outputs.out!, { rtol: 1e-5, atol: 1e-6 }).ok).toBe(false);
  });

  it('rejects a runner that does not return the oracle outputs', async () => {
    const runner: OpRunner = { category: 'elementwise', forward: (x) => ({ y: mul(input(x, 'x'), 1) }) };
    await expect(runForward(runner, nchwCase)).rejects.toThrow(/returned outputs \[y\], the oracle has \[out\]/);
  });
});

describe('runGrads (the hook for the autograd issue)', () => {
  it('feeds the upstream and compares hand-written VJPs of mul with the oracle grads', async () => {
    const c = byName('mul_3x4_3x4');
    expect(Object.keys(upstreamOf(c))).toEqual(['out']);
    const runner: OpRunner = {
      category: 'elementwise',
      forward: (x) => ({ out: mul(input(x, 'a'), input(x, 'b')) }),
      grads: (x, up) => ({ a: mul(up.out!, input(x, 'b')), b: mul(up.out!, input(x, 'a')) }),
    };
    const grads = await runGrads(runner, c);
    for (const name of ['a', 'b']) {
      const r = compareWithOracle(grads[name]!, c.grads![name]!, { rtol: 1e-5, atol: 1e-6 }, name);
      expect(r.ok, r.message).toBe(true);
    }
  });

  it('a scalar output without upstream gets 1', () => {
    const c = byName('sum_2d_dimall');
    expect(upstreamOf(c)).toEqual({ out: { shape: [], data: [1] } });
  });
});
