import type { TopLevelSpec } from 'vega-lite';

/** One named curve of a line chart. */
export interface Series {
  name: string;
  points: ReadonlyArray<readonly [number, number]>;
}

/** Options of {@link lineChart}. */
export interface LineChartOptions {
  title: string;
  xTitle: string;
  yTitle: string;
  series: readonly Series[];
  /** A log-scale y axis (non-positive values are dropped, as are non-finite ones always). */
  logY?: boolean;
  /** y-axis domain, e.g. to keep a diverging curve from flattening the others. */
  yDomain?: readonly [number, number];
  /** A log-scale x axis (e.g. epochs spanning 1 to 1000). */
  logX?: boolean;
  /** Integer ticks on the x axis (epochs, layers). */
  integerX?: boolean;
  /** Draw a point on each sample as well as the line. */
  points?: boolean;
  width?: number;
  height?: number;
}

/**
 * A multi-series line chart as a vega-lite spec (one colour per series, legend in series order).
 * Non-finite values (NaN, ±Infinity: a diverging run) are dropped, so the curve simply ends.
 */
export function lineChart(options: LineChartOptions): TopLevelSpec {
  const { logY = false } = options;
  const values = options.series.flatMap((s, order) =>
    s.points
      .filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y) && (!logY || y > 0) && (!options.logX || x > 0))
      .map(([x, y]) => ({ x, y, series: s.name, order })),
  );
  const scale = {
    ...(logY ? { type: 'log' as const } : { zero: false }),
    ...(options.yDomain ? { domain: [...options.yDomain] } : {}),
  };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: options.title,
    width: options.width ?? 420,
    height: options.height ?? 260,
    data: { values },
    mark: { type: 'line', point: options.points ?? false, clip: true },
    encoding: {
      x: {
        field: 'x', type: 'quantitative', title: options.xTitle, scale: options.logX ? { type: 'log' } : { zero: false },
        ...(options.integerX ? { axis: { format: 'd', tickMinStep: 1 } } : {}),
      },
      y: { field: 'y', type: 'quantitative', title: options.yTitle, scale },
      color: { field: 'series', type: 'nominal', title: null, sort: options.series.map((s) => s.name) },
    },
  };
}
