import type { TopLevelSpec } from 'vega-lite';

/** A labelled 2-D point drawn over a {@link heatmap}. */
export interface LabelledPoint {
  x: number;
  y: number;
  label: number | string;
}

/** Options of {@link heatmap}. */
export interface HeatmapOptions {
  title: string;
  /** Values on a regular grid: `values[i][j]` is the value at `(xs[j], ys[i])`. */
  xs: readonly number[];
  ys: readonly number[];
  values: ReadonlyArray<readonly number[]>;
  /** Colour domain, e.g. [0, 1] for a class probability. */
  domain?: readonly [number, number];
  /** Data points drawn on top, shaped by label. */
  points?: readonly LabelledPoint[];
  xTitle?: string;
  yTitle?: string;
  size?: number;
}

/**
 * A heatmap of a function on a grid (e.g. a classifier's output: its decision boundary is where
 * the colour changes), with optional labelled points on top, as a vega-lite layered spec.
 */
export function heatmap(options: HeatmapOptions): TopLevelSpec {
  const { xs, ys } = options;
  const dx = xs.length > 1 ? (xs[1]! - xs[0]!) / 2 : 0.5;
  const dy = ys.length > 1 ? (ys[1]! - ys[0]!) / 2 : 0.5;
  const cells = ys.flatMap((y, i) =>
    xs.map((x, j) => ({ x0: x - dx, x1: x + dx, y0: y - dy, y1: y + dy, v: options.values[i]?.[j] ?? NaN })),
  );
  const size = options.size ?? 240;
  const xScale = { domain: [xs[0]! - dx, xs[xs.length - 1]! + dx], nice: false, zero: false };
  const yScale = { domain: [ys[0]! - dy, ys[ys.length - 1]! + dy], nice: false, zero: false };
  const layers: TopLevelSpec[] = [
    {
      data: { values: cells },
      mark: { type: 'rect' },
      encoding: {
        x: { field: 'x0', type: 'quantitative', title: options.xTitle ?? 'x₁', scale: xScale },
        x2: { field: 'x1' },
        y: { field: 'y0', type: 'quantitative', title: options.yTitle ?? 'x₂', scale: yScale },
        y2: { field: 'y1' },
        color: {
          field: 'v', type: 'quantitative', title: null,
          scale: { scheme: 'blueorange', ...(options.domain ? { domain: [...options.domain] } : {}) },
        },
      },
    } as TopLevelSpec,
  ];
  if (options.points && options.points.length > 0) {
    layers.push({
      data: { values: options.points.map((p) => ({ ...p, label: String(p.label) })) },
      mark: { type: 'point', filled: true, size: 60, stroke: 'black', strokeWidth: 1 },
      encoding: {
        x: { field: 'x', type: 'quantitative' },
        y: { field: 'y', type: 'quantitative' },
        shape: { field: 'label', type: 'nominal', title: 'label' },
        fill: { value: 'white' },
      },
    } as TopLevelSpec);
  }
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: options.title,
    width: size,
    height: size,
    layer: layers,
  } as TopLevelSpec;
}
