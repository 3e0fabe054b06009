/*
 * vanishing-gradients: one backward pass through two 10-layer networks of the same shape. In the
 * sigmoid net every layer multiplies the backward signal by σ' ≤ 1/4 (Xavier init keeps the
 * weights' own factor near 1), so the first layer's gradient is smaller than the last's by
 * roughly 4⁹. ReLU passes the signal at 1 where active, and He init (variance 2/fanIn) makes up
 * for the half that is inactive, so every layer's gradient has about the same norm.
 */
import { dispose, mean, square, sub } from '@tensorkit/tensor';
import { Dense } from '@tensorkit/layers';
import { teacherStudent, toTensors } from '../data/index';
import { lineChart, savePlot } from '../plot/index';
import { fmt } from '../course/format';
import { gradientNorms } from '../course/grad-norms';
import { mlp } from '../course/models';
import type { Experiment, ExperimentOptions, ExperimentResult } from './types';

const WIDTH = 32;
const DEPTH = 10;
const BASE_SEED = 7;

const NETS = [
  { key: 'sigmoid', label: 'sigmoid + Xavier', activation: 'sigmoid', init: 'glorotNormal' },
  { key: 'relu', label: 'ReLU + He', activation: 'relu', init: 'heNormal' },
] as const;

async function run({ fast, outDir, log }: ExperimentOptions): Promise<ExperimentResult> {
  // the batch size stays 128: the first layer's batch-averaged gradient shrinks with larger batches
  // (its zero-mean inputs cancel), so the full run averages over more networks instead
  const { x, y } = toTensors(teacherStudent(128, { inputs: WIDTH, seed: 2 }), 'values');
  const netsPerKind = fast ? 8 : 32;
  const metrics: Record<string, number> = {};
  const series = [];
  for (const net of NETS) {
    // averaged over several initializations: one draw of a width-32 net is noisy by a factor of ~3
    const perNet: number[][] = [];
    for (let k = 0; k < netsPerKind; k++) {
      const model = mlp({
        inputs: WIDTH, hidden: Array<number>(DEPTH - 1).fill(WIDTH), outputs: 1,
        activation: net.activation, kernelInitializer: net.init, seed: BASE_SEED + 100 * k,
      });
      const kernels = model.layers.items.filter((l): l is Dense => l instanceof Dense).map((d) => d.kernel!);
      perNet.push(await gradientNorms(() => mean(square(sub(model.apply(x), y))), kernels));
      model.dispose();
    }
    const norms = perNet[0]!.map((_, layer) => perNet.reduce((s, n) => s + n[layer]!, 0) / perNet.length);
    const ratio = norms.at(-1)! / norms[0]!;
    metrics[`${net.key}First`] = norms[0]!;
    metrics[`${net.key}Last`] = norms.at(-1)!;
    metrics[`${net.key}Ratio`] = ratio;
    log(`${net.label}: gradient norms by layer ${norms.map(fmt).join(', ')}`);
    series.push({ name: net.label, points: norms.map((n, i): [number, number] => [i + 1, n]) });
  }
  dispose([x, y]);
  const plot = await savePlot(outDir, 'vanishing-gradients.png', lineChart({
    title: `Gradient norm of each layer's kernel, ${DEPTH} dense layers of width ${WIDTH}`,
    xTitle: 'layer (1 = next to the input)', yTitle: '‖∂loss/∂kernel‖', series, logY: true, points: true,
  }));
  const verdict =
    `sigmoid: the first layer's gradient (${fmt(metrics.sigmoidFirst!)}) is ${fmt(metrics.sigmoidRatio!)}x smaller than the last layer's ` +
    `(${fmt(metrics.sigmoidLast!)}); ReLU + He: last/first ratio ${fmt(metrics.reluRatio!)}`;
  return { verdict, metrics, plots: [plot] };
}

/** Per-layer gradient norms: sigmoid vanishes, ReLU + He does not. */
export const experiment: Experiment = { name: 'vanishing-gradients', title: 'Per-layer gradient norms of a 10-layer sigmoid net vs. ReLU + He', run };
