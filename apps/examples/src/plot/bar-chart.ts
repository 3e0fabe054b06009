import type { TopLevelSpec } from 'vega-lite';

/** One bar: its category on the x axis, its value, and an optional group drawn side by side. */
export interface Bar {
  category: string;
  value: number;
  group?: string;
}

/** A bar chart (grouped when bars carry a `group`), each bar labelled with its value. */
export function barChart(options: { title: string; yTitle: string; bars: readonly Bar[]; xTitle?: string; width?: number; height?: number; decimals?: number }): TopLevelSpec {
  const grouped = options.bars.some((b) => b.group !== undefined);
  const values = options.bars.map((b, order) => ({ ...b, group: b.group ?? '', order, text: b.value.toFixed(options.decimals ?? 3) }));
  const categories = [...new Set(options.bars.map((b) => b.category))];
  const x = { field: 'category', type: 'nominal' as const, title: options.xTitle ?? null, sort: categories, axis: { labelAngle: 0 } };
  const offset = grouped ? { xOffset: { field: 'group', type: 'nominal' as const } } : {};
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: options.title,
    width: options.width ?? 320,
    height: options.height ?? 220,
    data: { values },
    encoding: { x, ...offset, y: { field: 'value', type: 'quantitative', title: options.yTitle } },
    layer: [
      { mark: 'bar', encoding: grouped ? { color: { field: 'group', type: 'nominal', title: null } } : {} },
      { mark: { type: 'text', dy: -6, fontSize: 10 }, encoding: { text: { field: 'text' } } },
    ],
  } as TopLevelSpec;
}
