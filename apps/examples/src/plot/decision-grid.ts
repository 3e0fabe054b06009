/** A function evaluated on a regular 2-D grid, ready for {@link heatmap}. */
export interface Grid {
  xs: number[];
  ys: number[];
  values: number[][];
}

/**
 * Evaluates a 2-input model on a `steps x steps` grid over `[xMin, xMax] x [yMin, yMax]` in one
 * batched call: `predict` gets every grid point as a row and returns one value per row.
 */
export function decisionGrid(
  predict: (points: number[][]) => ArrayLike<number>,
  range: { x: readonly [number, number]; y: readonly [number, number]; steps?: number },
): Grid {
  const steps = range.steps ?? 41;
  const axis = ([lo, hi]: readonly [number, number]) => Array.from({ length: steps }, (_, i) => lo + ((hi - lo) * i) / (steps - 1));
  const xs = axis(range.x);
  const ys = axis(range.y);
  const out = predict(ys.flatMap((y) => xs.map((x) => [x, y])));
  const values = ys.map((_, i) => xs.map((_, j) => out[i * steps + j]!));
  return { xs, ys, values };
}
