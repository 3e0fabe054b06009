import '@tensorkit/backend-cpu/register';
import { describe, expect, it } from 'vitest';
import {
  add, argMax, avgPool2d, clamp, concat, conv2d, conv2dTranspose, expandDims, indexSelect, logSoftmax, matMul, max, mean,
  memory, mul, norm, oneHot, pad, reshape, slice, softmax, split, stack, sub, sum, tensor, tidy, transpose, variance, where,
  greater, maxPool2d, tile, broadcastTo, logSumExp, leakyRelu, setKernelHook, clone, flatten, squeeze,
} from '../src/index';

describe('op memory', () => {
  it('a tidy chain of ops leaves the tensor count unchanged', () => {
    const x = tensor([[1, -2, 3, 4], [5, 6, -7, 8]]);
    const img = tensor(Array.from({ length: 32 }, (_, i) => i / 10), [1, 4, 4, 2]);
    const before = memory();
    const total = tidy(() => {
      const a = matMul(x, transpose(x));
      const b = softmax(add(a, 1));
      const c = concat([b, logSoftmax(b, 0)], 1);
      const d = stack(split(c, 2, 1), 0);
      const e = slice(pad(d, [[0, 0], [1, 1], [0, 0]]), [[0, 1], [1, null], null]);
      const f = where(greater(e, 0), e, mul(e, 2));
      const g = conv2d(img, tensor(Array.from({ length: 36 }, (_, i) => i % 3), [3, 3, 2, 2]), { padding: 'same' });
      const h = conv2dTranspose(maxPool2d(g, { poolSize: 2 }), tensor(Array.from({ length: 8 }, () => 1), [2, 2, 1, 2]), { strides: 2 });
      const i = avgPool2d(h, { poolSize: 2, strides: 1, padding: 1 });
      const j = indexSelect(reshape(i, [-1]), [0, 3, 5], 0);
      const k = add(sum(f), add(mean(j), norm(j)));
      const l = add(variance(x, { axis: 1 }), logSumExp(tile(broadcastTo(expandDims(x, 0), [2, 2, 4]), [1, 1, 2]), [0, 2]));
      return add(add(k, sum(l)), add(sum(oneHot(argMax(x, 1), 4)), max(leakyRelu(clamp(x, -1, 1)))));
    });
    expect(memory().numTensors).toBe(before.numTensors + 1);
    expect(memory().numDataBuffers).toBe(before.numDataBuffers + 1);
    total.dispose();
    x.dispose();
    img.dispose();
    expect(memory().numTensors).toBe(before.numTensors - 2);
  });

  it('ops that take numbers or arrays free their temporaries outside tidy', () => {
    const x = tensor([1, 2, 3]);
    const before = memory().numTensors;
    const outs = [mul(x, 2), sub(2, x), where([true, false, true], x, 0), clamp(x, 0), matMul([x.arraySync() as number[]], [[1], [1], [1]]), indexSelect(x, [0, 0], 0), concat([x, [4]])];
    expect(memory().numTensors).toBe(before + outs.length);
    outs.forEach((t) => t.dispose());
    expect(memory().numTensors).toBe(before);
    x.dispose();
  });

  it('ops that throw leak nothing', () => {
    const before = memory().numTensors;
    const bad = [
      () => matMul([[1, 2]], [[1, 2]]), () => concat([[1], [[1]]]), () => where([1], [1], [2]), () => conv2d([[[[1]]]], [[[[1, 2]]]], { groups: 2 }),
      () => reshape([1, 2, 3], [2, -1]), () => softmax([1], 3), () => stack([[1], [1, 2]]), () => split([1, 2], [3]),
    ];
    for (const f of bad) expect(f).toThrow();
    expect(memory().numTensors).toBe(before);
  });
});

describe('zero-copy ops and the kernel hook', () => {
  it('reshape-like ops share data and report a Reshape record, so gradients can follow them', () => {
    const records: { kernelName: string; attrs: object }[] = [];
    const previous = setKernelHook({ record: (r) => records.push({ kernelName: r.kernelName, attrs: r.attrs }) });
    try {
      tidy(() => {
        const x = tensor([1, 2, 3, 4]);
        const before = memory().numDataBuffers;
        squeeze(flatten(clone(reshape(x, [1, 2, 2]))));
        expect(memory().numDataBuffers).toBe(before);
        sum(reshape(x, [2, 2]), 0, true);
      });
    } finally {
      setKernelHook(previous);
    }
    expect(records.map((r) => r.kernelName)).toEqual(['Reshape', 'Reshape', 'Reshape', 'Reshape', 'Reshape', 'Sum', 'Reshape']);
    expect(records[0]!.attrs).toEqual({ shape: [1, 2, 2] });
  });
});
