import { describe, expect, it } from 'vitest';
import { layersFixture, tensorOpsFixture } from '../src/oracle';

describe('oracle fixtures (imported as JSON modules)', () => {
  it('tensor_ops.json has its 158 cases with unique names', () => {
    expect(tensorOpsFixture.family).toBe('tensor_ops');
    expect(tensorOpsFixture.cases).toHaveLength(158);
    expect(new Set(tensorOpsFixture.cases.map((c) => c.name)).size).toBe(158);
  });

  it('layers.json has its 36 cases', () => {
    expect(layersFixture.cases).toHaveLength(36);
  });

  it('every tensor has prod(shape) values', () => {
    for (const file of [tensorOpsFixture, layersFixture]) {
      for (const c of file.cases) {
        for (const t of [...Object.values(c.inputs), ...Object.values(c.outputs)]) {
          expect(t.data.length, `${file.family}/${c.name}`).toBe(t.shape.reduce((a, b) => a * b, 1));
        }
      }
    }
  });
});
