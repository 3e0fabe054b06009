/**
 * The page: wires the form and buttons to a training session and redraws after every burst.
 * Any change of a setting stops training and starts a fresh session (new weights, same seed).
 */
import '@tensorkit/activations/register';
import '@tensorkit/backend-cpu/register';
import '@tensorkit/backend-webgl/register';
import { DEFAULT_CONFIG } from './config';
import { Controls } from './controls';
import { History } from './training/history';
import { TrainLoop, type Update } from './training/loop';
import { Session } from './training/session';
import { drawBoundary } from './views/boundary';
import { css, CLASS_RGB } from './views/colors';
import { drawDigits } from './views/digits';
import { renderGradNorms, type LayerShape } from './views/grad-panel';
import { drawLineChart } from './views/line-chart';
import { renderStats } from './views/stats';

const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const ui = {
  train: byId<HTMLButtonElement>('train'),
  stop: byId<HTMLButtonElement>('stop'),
  step: byId<HTMLButtonElement>('step'),
  reset: byId<HTMLButtonElement>('reset'),
  stats: byId<HTMLOutputElement>('stats'),
  error: byId<HTMLParagraphElement>('error'),
  title: byId<HTMLHeadingElement>('picture-title'),
  picture: byId<HTMLCanvasElement>('boundary'),
  loss: byId<HTMLCanvasElement>('loss'),
  accuracy: byId<HTMLCanvasElement>('accuracy'),
  grads: byId<HTMLDivElement>('grads'),
};
const controls = new Controls(byId<HTMLFormElement>('controls'));

let session: Session | undefined;
let loop: TrainLoop | undefined;
let history = new History();
let layers: LayerShape[] = [];
let sessions = 0;
/** Rebuilds run one after another, so a quick series of changes never overlaps two sessions. */
let rebuilding: Promise<void> = Promise.resolve();

function setRunning(running: boolean): void {
  ui.train.disabled = running || !loop;
  ui.step.disabled = running || !loop;
  ui.stop.disabled = !running;
}

function showError(e: unknown): void {
  ui.error.textContent = e === '' ? '' : e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

function onUpdate(u: Update): void {
  if (!session) return;
  history.add(u.step, u.losses, u.accuracy);
  if (session.dataset.test) drawDigits(ui.picture, u.view, session.dataset);
  else drawBoundary(ui.picture, u.view, session.dataset);
  drawLineChart(ui.loss, [{ label: 'training loss', color: css(CLASS_RGB[0]!), points: history.losses.map((l, i) => [i + 1, l]) }]);
  drawLineChart(
    ui.accuracy,
    [
      { label: 'train', color: css(CLASS_RGB[1]!), points: history.accuracy.map((a) => [a.step, a.train]) },
      ...(session.dataset.test ? [{ label: 'held out', color: '#2a9d3a', points: history.accuracy.map((a) => [a.step, a.test!] as const) }] : []),
    ],
    1,
  );
  if (u.norms.length > 0 || u.step === 0) renderGradNorms(ui.grads, layers, u.norms);
  renderStats(ui.stats, sessions, u.step, history);
}

function onError(e: unknown): void {
  showError(e);
  setRunning(false);
}

async function rebuild(): Promise<void> {
  await loop?.stop();
  session?.dispose();
  session = loop = undefined;
  setRunning(false);
  const config = controls.read();
  if (typeof config === 'string') return showError(config);
  showError('');
  ui.stats.textContent = `starting ${config.backend}…`;
  try {
    session = await Session.create(config);
  } catch (e) {
    ui.stats.textContent = 'not running';
    return showError(e);
  }
  sessions++;
  history = new History();
  layers = session.network.denses.map((d) => ({ inputs: d.kernel!.shape[0]!, units: d.units }));
  ui.title.textContent = session.dataset.test ? 'Held-out digits: confusion grid and predictions' : 'Decision boundary';
  loop = new TrainLoop(session, onUpdate, onError);
  setRunning(false);
  await loop.refresh();
}

function reset(): void {
  rebuilding = rebuilding.then(rebuild);
}

controls.write(DEFAULT_CONFIG);
controls.onChange(reset);
ui.reset.addEventListener('click', reset);
ui.train.addEventListener('click', () => {
  if (!loop) return;
  loop.start();
  setRunning(true);
});
ui.stop.addEventListener('click', () => void loop?.stop().then(() => setRunning(false)));
ui.step.addEventListener('click', () => void loop?.step());
reset();
