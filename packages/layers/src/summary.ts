/**
 * The text of `Module.summary()`: a Keras-like table of the leaf modules.
 */
import type { Module } from './module';

function shapeText(shape: readonly number[] | undefined): string {
  return shape === undefined ? '?' : `[${shape.map((d) => (d === -1 ? 'None' : String(d))).join(', ')}]`;
}

function sizeOf(vs: readonly { size: number }[]): number {
  return vs.reduce((n, v) => n + v.size, 0);
}

/** One row per leaf module (dotted name and type, output shape, weights), then the totals. */
export function formatSummary(model: Module): string {
  const leaves = model.namedModules().filter(([, m]) => m.children().length === 0);
  const rows = leaves.map(([name, m]) => [name === '' ? m.describe() : `${name} (${m.describe()})`, shapeText(m.outputShape), String(m.countParams())]);
  const header = ['Layer (type)', 'Output shape', 'Param #'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => (i === 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('   ');
  const rule = (ch: string): string => ch.repeat(widths.reduce((a, b) => a + b, 0) + 6);
  const params = model.parameters();
  const trainable = sizeOf(params.filter((v) => v.trainable));
  const total = model.countParams();
  return [
    `Model: ${model.describe()}`,
    rule('='),
    line(header),
    rule('='),
    ...rows.map(line),
    rule('='),
    `Total params: ${total.toLocaleString('en-US')}`,
    `Trainable params: ${trainable.toLocaleString('en-US')}`,
    `Non-trainable params: ${(total - trainable).toLocaleString('en-US')}`,
  ].join('\n');
}
