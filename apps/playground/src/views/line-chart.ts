/**
 * A small line chart on a canvas: each series is a list of (step, value) points; long series are
 * averaged into one point per pixel column, which also smooths mini-batch noise.
 */
import { fitCanvas } from './colors';

export interface Series {
  label: string;
  color: string;
  points: readonly (readonly [number, number])[];
}

const PAD = { left: 38, right: 8, top: 16, bottom: 18 };

function bucketed(points: Series['points'], columns: number): [number, number][] {
  if (points.length <= columns) return points.map(([x, y]) => [x, y]);
  const out: [number, number][] = [];
  const per = points.length / columns;
  for (let c = 0; c < columns; c++) {
    const chunk = points.slice(Math.floor(c * per), Math.floor((c + 1) * per));
    out.push([chunk.at(-1)![0], chunk.reduce((a, p) => a + p[1], 0) / chunk.length]);
  }
  return out;
}

/** Draws the series; `yMax` fixes the top of the y axis (else the largest value). */
export function drawLineChart(canvas: HTMLCanvasElement, series: readonly Series[], yMax?: number): void {
  const { width, height, ctx } = fitCanvas(canvas);
  ctx.clearRect(0, 0, width, height);
  const plotW = width - PAD.left - PAD.right;
  const plotH = height - PAD.top - PAD.bottom;
  const all = series.flatMap((s) => s.points);
  const xMax = Math.max(1, ...all.map((p) => p[0]));
  const top = yMax ?? Math.max(1e-6, ...all.map((p) => (Number.isFinite(p[1]) ? p[1] : 0)));
  const sx = (x: number): number => PAD.left + (x / xMax) * plotW;
  const sy = (y: number): number => PAD.top + plotH - (Math.min(Math.max(y, 0), top) / top) * plotH;

  ctx.font = '10px system-ui, sans-serif';
  ctx.fillStyle = '#777';
  ctx.strokeStyle = '#e4e4e4';
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const f of [0, 0.5, 1]) {
    ctx.beginPath();
    ctx.moveTo(PAD.left, sy(top * f));
    ctx.lineTo(width - PAD.right, sy(top * f));
    ctx.stroke();
    ctx.fillText((top * f).toPrecision(2), PAD.left - 4, sy(top * f));
  }
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  ctx.fillText(`step ${xMax}`, width - PAD.right - 24, height - PAD.bottom + 4);

  let legendX = PAD.left;
  for (const s of series) {
    const pts = bucketed(s.points, Math.max(2, Math.floor(plotW)));
    ctx.strokeStyle = s.color;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    pts.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(sx(x), sy(y)) : ctx.lineTo(sx(x), sy(y))));
    ctx.stroke();
    ctx.fillStyle = s.color;
    ctx.textAlign = 'left';
    ctx.fillText(s.label, legendX, 2);
    legendX += ctx.measureText(s.label).width + 14;
  }
}
