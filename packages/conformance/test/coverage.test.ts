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

  it('layers.json: every op id is run (conv/pool as tensor ops, the rest as layers), none excluded', () => {
    const l = conformanceCoverage().find((c) => c.family === 'layers')!;
    expect(l.uncovered).toEqual([]);
    expect(l.excluded).toEqual([]);
    expect(new Set(l.run)).toEqual(new Set(layersFixture.cases.map((c) => c.op)));
    expect(l.run).toHaveLength(15);
  });

  it('every case of tensor_ops.json with oracle grads has its gradients checked', () => {
    const t = conformanceCoverage().find((c) => c.family === 'tensor_ops')!;
    expect(t.gradsNotChecked).toEqual([]);
    expect(t.gradsChecked).toHaveLength(tensorOpsFixture.cases.filter((c) => c.grads !== undefined).length);
    expect(t.gradsChecked).toHaveLength(146);
  });

  it('layers.json: the gradients of every case are checked', () => {
    const l = conformanceCoverage().find((c) => c.family === 'layers')!;
    expect(l.gradsNotChecked).toEqual([]);
    expect(l.gradsChecked).toHaveLength(36);
    expect(layersExcluded).toEqual({});
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
