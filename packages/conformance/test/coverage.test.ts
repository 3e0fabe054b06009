import { describe, expect, it } from 'vitest';
import {
  conformanceCoverage, higherOrderFixture, layersExcluded, layersFixture, REQUIRED_KERNELS, tensorOpsFixture,
} from '../src/index';

describe('suite coverage (static)', () => {
  it('every op id of tensor_ops.json has a runner', () => {
    const t = conformanceCoverage().find((c) => c.family === 'tensor_ops')!;
    expect(t.uncovered).toEqual([]);
    expect(t.excluded).toEqual([]);
    expect(t.run).toHaveLength(49);
  });

  it('layers.json: conv/pool are run, the rest is excluded by op id, nothing is uncovered', () => {
    const l = conformanceCoverage().find((c) => c.family === 'layers')!;
    expect(l.uncovered).toEqual([]);
    expect(l.run.sort()).toEqual(['layer.avg_pool2d', 'layer.conv1d', 'layer.conv2d', 'layer.conv_transpose2d', 'layer.max_pool2d']);
    expect(l.excluded).toHaveLength(10);
  });

  it('every case of tensor_ops.json with oracle grads has its gradients checked', () => {
    const t = conformanceCoverage().find((c) => c.family === 'tensor_ops')!;
    expect(t.gradsNotChecked).toEqual([]);
    expect(t.gradsChecked).toHaveLength(tensorOpsFixture.cases.filter((c) => c.grads !== undefined).length);
    expect(t.gradsChecked).toHaveLength(146);
  });

  it('layers.json: the gradients of every conv/pool case are checked; unchecked ones belong to excluded ops', () => {
    const l = conformanceCoverage().find((c) => c.family === 'layers')!;
    const opOf = new Map(layersFixture.cases.map((c) => [c.name, c.op]));
    expect(l.gradsChecked).toHaveLength(16);
    expect(new Set(l.gradsChecked.map((n) => opOf.get(n)))).toEqual(new Set(l.run));
    expect(l.gradsNotChecked.filter((n) => layersExcluded[opOf.get(n)!] === undefined)).toEqual([]);
  });

  it('higher_order.json: every case runs and every double-backward gradient is checked', () => {
    const h = conformanceCoverage().find((c) => c.family === 'higher_order')!;
    expect(h.uncovered).toEqual([]);
    expect(h.excluded).toEqual([]);
    expect(new Set(higherOrderFixture.cases.map((c) => c.op))).toEqual(new Set(h.run));
    expect(higherOrderFixture.cases).toHaveLength(17);
    expect(h.gradsNotChecked).toEqual([]);
    expect(h.gradsChecked).toHaveLength(8);
  });

  it('every exclusion names an op id of layers.json (no stale entries)', () => {
    const ops = new Set(layersFixture.cases.map((c) => c.op));
    expect(Object.keys(layersExcluded).filter((op) => !ops.has(op))).toEqual([]);
  });

  it('the required kernel list has core lists and the other primitives', () => {
    expect(REQUIRED_KERNELS).toContain('Add');
    expect(REQUIRED_KERNELS).toContain('Conv2DBackpropFilter');
    expect(new Set(REQUIRED_KERNELS).size).toBe(REQUIRED_KERNELS.length);
  });
});
