/**
 * MNIST has no 2-D boundary, so its picture is the confusion grid of the held-out digits (rows:
 * true digit, columns: predicted; shaded by the share of the row) and a strip of test digits
 * with their predictions (green right, red wrong).
 */
import type { Dataset } from '../datasets';
import { PIXELS } from '../datasets/mnist';
import { fitCanvas } from './colors';

const SAMPLES = 12;
const thumb = document.createElement('canvas');
thumb.width = 28;
thumb.height = 28;

export function drawDigits(canvas: HTMLCanvasElement, predicted: ArrayLike<number>, data: Dataset): void {
  const { width, height, ctx } = fitCanvas(canvas);
  const test = data.test!;
  const counts = Array.from({ length: 10 }, () => new Array<number>(10).fill(0));
  for (let i = 0; i < test.y.length; i++) counts[test.y[i]!]![predicted[i]!]!++;

  ctx.fillStyle = 'white';
  ctx.fillRect(0, 0, width, height);
  const strip = width / SAMPLES;
  const gridTop = 18;
  const cell = Math.min((width - 20) / 10, (height - strip - gridTop - 24) / 10);
  const left = 20;
  ctx.font = '11px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillStyle = '#555';
  ctx.fillText('predicted →', left + 5 * cell, 8);
  for (let t = 0; t < 10; t++) {
    const rowTotal = counts[t]!.reduce((a, b) => a + b, 0) || 1;
    ctx.fillStyle = '#555';
    ctx.fillText(String(t), 9, gridTop + (t + 0.5) * cell);
    for (let p = 0; p < 10; p++) {
      const share = counts[t]![p]! / rowTotal;
      ctx.fillStyle = t === p ? `rgba(8, 119, 189, ${share})` : `rgba(220, 50, 47, ${Math.min(1, share * 3)})`;
      ctx.fillRect(left + p * cell, gridTop + t * cell, cell - 1, cell - 1);
      if (counts[t]![p]! > 0) {
        ctx.fillStyle = share > 0.5 ? 'white' : '#222';
        ctx.fillText(String(counts[t]![p]), left + (p + 0.5) * cell, gridTop + (t + 0.5) * cell);
      }
    }
  }

  // a spread of test digits, one of each class first
  const perDigit = test.y.length / 10;
  const top = height - strip - 2;
  const image = new ImageData(28, 28);
  for (let s = 0; s < SAMPLES; s++) {
    const i = (s % 10) * perDigit + Math.floor(s / 10);
    for (let k = 0; k < PIXELS; k++) {
      const v = 255 - Math.round(test.x[i * PIXELS + k]! * 255);
      image.data.set([v, v, v, 255], k * 4);
    }
    thumb.getContext('2d')!.putImageData(image, 0, 0);
    const x = s * strip;
    ctx.drawImage(thumb, x + 2, top + 2, strip - 16, strip - 16);
    ctx.fillStyle = predicted[i] === test.y[i] ? '#2a9d3a' : '#dc322f';
    ctx.fillText(String(predicted[i]), x + strip - 7, top + strip / 2);
  }
}
