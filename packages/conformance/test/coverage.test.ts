import { describe, expect, it } from 'vitest';
import { conformanceCoverage, layersExcluded, layersFixture, REQUIRED_KERNELS } from '../src/index';

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
