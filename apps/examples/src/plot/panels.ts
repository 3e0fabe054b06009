import type { TopLevelSpec } from 'vega-lite';

/**
 * Lays several specs out in a grid (vega-lite `concat`), e.g. one decision boundary per dataset
 * or a curve next to its derivative. Panels share one colour scale (one legend) unless
 * `independentColors` is set.
 */
export function panels(
  specs: readonly TopLevelSpec[],
  options: { title?: string; columns?: number; independentColors?: boolean } = {},
): TopLevelSpec {
  const stripped = specs.map((s) => {
    const { $schema: _schema, config: _config, ...rest } = s as TopLevelSpec & { config?: unknown };
    return rest;
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    ...(options.title ? { title: options.title } : {}),
    columns: options.columns ?? specs.length,
    concat: stripped,
    resolve: { scale: { color: options.independentColors ? 'independent' : 'shared' } },
  } as TopLevelSpec;
}
