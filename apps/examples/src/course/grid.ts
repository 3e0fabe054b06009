import { noGrad } from '@tensorkit/autograd';
import { dispose, softmax, tensor, tidy } from '@tensorkit/tensor';
import type { Module } from '@tensorkit/layers';
import type { Dataset } from '../data/index';
import type { HeatmapOptions } from '../plot/index';

/**
 * A two-class classifier's probability of class 1 on a `size`×`size` grid covering `data` (with a
 * margin), as the `xs`/`ys`/`values` of a heatmap: the decision boundary is where it crosses 0.5.
 */
export async function probabilityGrid(model: Module, data: Dataset, size = 40): Promise<Pick<HeatmapOptions, 'xs' | 'ys' | 'values'>> {
  const range = (k: 0 | 1): number[] => {
    const v = data.x.map((p) => p[k]!);
    const [lo, hi] = [Math.min(...v) - 0.3, Math.max(...v) + 0.3];
    return Array.from({ length: size }, (_, i) => lo + ((hi - lo) * i) / (size - 1));
  };
  const xs = range(0);
  const ys = range(1);
  const wasTraining = model.training;
  model.eval();
  const p = noGrad(() => tidy(() => softmax(model.apply(tensor(ys.flatMap((y) => xs.map((x) => [x, y])))))));
  model.train(wasTraining);
  const flat = await p.data();
  dispose(p);
  return { xs, ys, values: ys.map((_, i) => xs.map((_, j) => flat[2 * (i * size + j) + 1]!)) };
}
