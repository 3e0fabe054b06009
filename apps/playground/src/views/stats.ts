/**
 * The status line. It also carries the numbers as data attributes (`data-session`, a counter of
 * fresh sessions, `data-step`, `data-first-loss`, `data-loss`, `data-accuracy`, `data-backend` (the
 * engine's active backend), `data-tensors` (live tensors: constant while training, or it leaks)),
 * which the end-to-end test reads.
 */
import { getBackend, memory } from '@tensorkit/tensor';
import type { History } from '../training/history';

export function renderStats(out: HTMLElement, session: number, step: number, history: History): void {
  const backend = getBackend();
  const tensors = memory().numTensors;
  const first = history.losses[0];
  const loss = history.recentLoss();
  const acc = history.accuracy.at(-1);
  const pct = (v: number | undefined): string => (v === undefined ? '–' : `${(100 * v).toFixed(1)}%`);
  out.textContent =
    `${backend} · step ${step} · loss ${loss === undefined ? '–' : loss.toFixed(4)} · ` +
    `train acc ${pct(acc?.train)}${acc?.test === undefined ? '' : ` · test acc ${pct(acc.test)}`} · ${tensors} tensors`;
  Object.assign(out.dataset, {
    session: String(session),
    backend,
    tensors: String(tensors),
    step: String(step),
    firstLoss: first === undefined ? '' : String(first),
    loss: loss === undefined ? '' : String(loss),
    accuracy: acc === undefined ? '' : String(acc.train),
  });
}
