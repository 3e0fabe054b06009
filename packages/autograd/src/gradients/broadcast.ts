import { reshape, sum, type Tensor } from '@tensorkit/tensor';

/**
 * Sums a gradient back to the shape of a broadcast input: over the leading axes the input did
 * not have, and over the axes where it had size 1.
 * @internal
 */
export function unbroadcast(dy: Tensor, shape: readonly number[]): Tensor {
  if (dy.shape.length === shape.length && dy.shape.every((d, i) => d === shape[i])) return dy;
  const lead = dy.shape.length - shape.length;
  const axes: number[] = [];
  for (let i = 0; i < dy.shape.length; i++) {
    if (i < lead || (shape[i - lead] === 1 && dy.shape[i] !== 1)) axes.push(i);
  }
  const summed = axes.length ? sum(dy, axes) : dy;
  return reshape(summed, shape);
}

/** The shape of `shape` with the reduced `axes` kept as size 1. @internal */
export function keptShape(shape: readonly number[], axes: readonly number[]): number[] {
  return shape.map((d, i) => (axes.includes(i) ? 1 : d));
}
