import type { History } from '@tensorkit/layers';
import { lineChart, panels, savePlot, type Series } from '../plot/index';

/** The training and test curves of `history` for one metric, against the epoch (1-based). */
function seriesOf(history: History, key: string): Series[] {
  const curve = (name: string, values: readonly number[] = []): Series => ({ name, points: values.map((v, e) => [e + 1, v] as const) });
  return [curve('training', history.history[key]), curve('test', history.history[`val_${key}`])];
}

/** Writes `curves.png`: loss and accuracy per epoch, training vs. held-out test digits. */
export function saveCurves(outDir: string, history: History): Promise<string> {
  const common = { xTitle: 'epoch', width: 340, height: 220, points: true, integerX: true };
  return savePlot(outDir, 'curves.png', panels([
    lineChart({ ...common, title: 'loss (cross-entropy)', yTitle: 'loss', series: seriesOf(history, 'loss') }),
    lineChart({ ...common, title: 'accuracy', yTitle: 'accuracy', series: seriesOf(history, 'accuracy') }),
  ], { title: 'MNIST CNN' }));
}
