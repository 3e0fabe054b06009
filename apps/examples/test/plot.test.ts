import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { heatmap, lineChart, panels, renderSvg, savePlot } from '../src/plot/index';

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47];

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Uint8Array): [number, number] {
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  return [view.getUint32(16), view.getUint32(20)];
}

describe('plot', () => {
  it('lineChart renders one path per series and drops non-finite points', async () => {
    const svg = await renderSvg(lineChart({
      title: 'curves', xTitle: 'epoch', yTitle: 'loss',
      series: [
        { name: 'a', points: [[0, 1], [1, 0.5], [2, 0.25]] },
        { name: 'diverged', points: [[0, 1], [1, Infinity], [2, NaN]] },
      ],
    }));
    expect(svg).toContain('<svg');
    expect(svg).toContain('curves');
    expect(svg).toContain('diverged');
    expect(svg.match(/aria-roledescription="line mark"/g)?.length).toBe(2);
  });

  it('savePlot writes a PNG at twice the spec size', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tk-plot-'));
    const spec = heatmap({
      title: 'grid', xs: [0, 1, 2], ys: [0, 1], values: [[0, 0.5, 1], [1, 0.5, 0]], domain: [0, 1],
      points: [{ x: 0, y: 0, label: 0 }, { x: 2, y: 1, label: 1 }],
    });
    const path = await savePlot(dir, 'grid.png', panels([spec, spec], { title: 'two' }));
    const bytes = new Uint8Array(readFileSync(path));
    expect([...bytes.subarray(0, 4)]).toEqual(PNG_MAGIC);
    const [w, h] = pngSize(bytes);
    expect(w).toBeGreaterThan(2 * 2 * 240);
    expect(h).toBeGreaterThan(2 * 240);
  });
});
