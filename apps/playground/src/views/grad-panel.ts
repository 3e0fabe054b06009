/**
 * The gradient-norm panel: one row per dense layer with ‖∂loss/∂kernel‖ on a log scale, so
 * vanishing gradients (bars shrinking toward the input) and exploding ones (red) are visible.
 */
const LOG_MIN = -7;
const LOG_MAX = 2;
const VANISHING = 1e-4;
const EXPLODING = 10;

export interface LayerShape {
  inputs: number;
  units: number;
}

export function renderGradNorms(panel: HTMLElement, layers: readonly LayerShape[], norms: ArrayLike<number>): void {
  const rows = layers.map((shape, i) => {
    const n = norms[i];
    const row = document.createElement('div');
    row.className = 'grad-row';
    const label = document.createElement('span');
    label.textContent = `dense ${i + 1} (${shape.inputs}→${shape.units})`;
    const track = document.createElement('span');
    track.className = 'grad-track';
    const bar = document.createElement('span');
    bar.className = 'grad-bar';
    const value = document.createElement('span');
    value.className = 'grad-value';
    if (n === undefined) {
      value.textContent = '–';
    } else {
      const log = Math.log10(Math.max(n, 10 ** LOG_MIN));
      bar.style.width = `${(100 * (Math.min(log, LOG_MAX) - LOG_MIN)) / (LOG_MAX - LOG_MIN)}%`;
      if (!Number.isFinite(n) || n > EXPLODING) bar.classList.add('exploding');
      else if (n < VANISHING) bar.classList.add('vanishing');
      value.textContent = Number.isFinite(n) ? n.toExponential(2) : String(n);
    }
    track.append(bar);
    row.append(label, track, value);
    return row;
  });
  panel.replaceChildren(...rows);
}
