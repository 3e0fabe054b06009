/** TensorFlow Playground's palette: class 0 orange, class 1 blue; more classes for MNIST. */
export const CLASS_RGB: readonly (readonly [number, number, number])[] = [
  [245, 147, 34],
  [8, 119, 189],
];

export const css = ([r, g, b]: readonly [number, number, number]): string => `rgb(${r}, ${g}, ${b})`;

/** The heat-map colour of P(class 1) = p: the likelier class's colour, paler when unsure. */
export function probabilityColor(p: number): [number, number, number] {
  const confidence = Math.abs(2 * p - 1);
  const base = CLASS_RGB[p >= 0.5 ? 1 : 0]!;
  const mix = 0.15 + 0.6 * confidence;
  return [0, 1, 2].map((k) => Math.round(255 + (base[k]! - 255) * mix)) as [number, number, number];
}

/** Sizes a canvas's backing store to its CSS size times the device pixel ratio; returns the CSS size. */
export function fitCanvas(canvas: HTMLCanvasElement): { width: number; height: number; ctx: CanvasRenderingContext2D } {
  const ratio = window.devicePixelRatio || 1;
  const width = canvas.clientWidth || canvas.width;
  const height = canvas.clientHeight || canvas.height;
  if (canvas.width !== Math.round(width * ratio)) canvas.width = Math.round(width * ratio);
  if (canvas.height !== Math.round(height * ratio)) canvas.height = Math.round(height * ratio);
  const ctx = canvas.getContext('2d')!;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  return { width, height, ctx };
}
