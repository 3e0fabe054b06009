import '@tensorkit/backend-cpu/register';
import { memory, mul, setBackend, square, transpose } from '@tensorkit/tensor';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareWithOracle } from '../src/compare';
import { tensorOpsTable } from '../src/cases/tensor-ops';
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

describe('runGrads', () => {
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

  it('without a grads runner, takes the VJP of forward; int inputs are constants, only grad_of outputs are differentiated', async () => {
    const c = byName('max_2d_dim1');
    expect(c.grad_of).toEqual(['values']);
    const grads = await runGrads(tensorOpsTable['tensor.max']!, c);
    expect(Object.keys(grads)).toEqual(['x']);
    const r = compareWithOracle(grads.x!, c.grads!.x!, { rtol: 1e-5, atol: 1e-6 }, 'x');
    expect(r.ok, r.message).toBe(true);
    const g = byName('gather_dim1');
    expect(Object.keys(await runGrads(tensorOpsTable['tensor.gather']!, g))).toEqual(['x']);
  });

  it('converts the upstream to tensorkit layout and the gradient back, and frees everything', async () => {
    const before = memory().numTensors;
    const c: OracleCase = {
      ...nchwCase,
      grads: { x: nchwCase.inputs.x! },
      grad_of: ['out'],
      upstream: { shape: [1, 2, 2, 3], data: Array.from({ length: 12 }, (_, i) => 100 + i) },
    };
    const runner: OpRunner = {
      category: 'elementwise',
      inputLayouts: { x: 'nchw' },
      outputLayouts: { out: 'nchw' },
      forward: (x) => ({ out: mul(input(x, 'x'), 2) }),
    };
    const grads = await runGrads(runner, c);
    // d(2x)/dx · upstream, in PyTorch's NCHW order again.
    expect(grads.x!.shape).toEqual([1, 2, 2, 3]);
    expect(Array.from(grads.x!.data)).toEqual(Array.from({ length: 12 }, (_, i) => 2 * (100 + i)));
    expect(memory().numTensors).toBe(before);
  });

  it('sums the VJPs of several differentiated outputs (an upstream per output)', async () => {
    const c: OracleCase = {
      name: 'two_outputs',
      op: 'test.two',
      params: {},
      inputs: { x: { shape: [2], data: [1, 2] } },
      outputs: { a: { shape: [2], data: [2, 4] }, b: { shape: [2], data: [1, 4] } },
      grads: { x: { shape: [2], data: [0, 0] } },
      grad_of: ['a', 'b'],
      upstream: { a: { shape: [2], data: [1, 1] }, b: { shape: [2], data: [10, 10] } },
    };
    const runner: OpRunner = {
      category: 'elementwise',
      forward: (x) => ({ a: mul(input(x, 'x'), 2), b: square(input(x, 'x')) }),
    };
    // 2·1 + 2x·10
    expect(Array.from((await runGrads(runner, c)).x!.data)).toEqual([22, 42]);
  });

  it('rejects a forward that lacks an output of grad_of', async () => {
    const c: OracleCase = { ...nchwCase, grads: { x: nchwCase.inputs.x! }, grad_of: ['y'], upstream: nchwCase.inputs.x! };
    const runner: OpRunner = { category: 'elementwise', forward: (x) => ({ out: mul(input(x, 'x'), 1) }) };
    await expect(runGrads(runner, c)).rejects.toThrow(/returned no output 'y'/);
  });

  it('a scalar output without upstream gets 1', () => {
    const c = byName('sum_2d_dimall');
    expect(upstreamOf(c)).toEqual({ out: { shape: [], data: [1] } });
  });
});
