/**
 * The decision boundary of a 2-D dataset: P(class 1) over a GRID × GRID lattice, drawn as a
 * smoothly scaled heat map, with the training points on top.
 */
import type { Dataset } from '../datasets';
import { GRID } from '../training/session';
import { CLASS_RGB, css, fitCanvas, probabilityColor } from './colors';

const lattice = document.createElement('canvas');
lattice.width = GRID;
lattice.height = GRID;

export function drawBoundary(canvas: HTMLCanvasElement, probabilities: ArrayLike<number>, data: Dataset): void {
  const { width, height, ctx } = fitCanvas(canvas);
  const image = new ImageData(GRID, GRID);
  for (let i = 0; i < GRID * GRID; i++) {
    image.data.set([...probabilityColor(probabilities[i]!), 255], i * 4);
  }
  lattice.getContext('2d')!.putImageData(image, 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(lattice, 0, 0, width, height);

  const extent = data.extent!;
  ctx.lineWidth = 1;
  ctx.strokeStyle = 'white';
  for (let r = 0; r < data.y.length; r++) {
    const px = ((data.x[r * 2]! + extent) / (2 * extent)) * width;
    const py = ((extent - data.x[r * 2 + 1]!) / (2 * extent)) * height;
    ctx.beginPath();
    ctx.arc(px, py, 3, 0, 2 * Math.PI);
    ctx.fillStyle = css(CLASS_RGB[data.y[r]!]!);
    ctx.fill();
    ctx.stroke();
  }
}
