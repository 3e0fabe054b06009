/**
 * One training session: a config's dataset on its backend, the network and the optimizer. Every
 * method returns device tensors without reading them; the loop reads once per redraw.
 */
import { variableGrads } from '@tensorkit/autograd';
import { crossEntropy, setLossValueChecks } from '@tensorkit/losses';
import { adagrad, adam, adamw, rmsprop, sgd, type Optimizer } from '@tensorkit/optim';
import {
  add, argMax, cast, dispose, equal, gather, mean, reshape, setBackend, slice, softmax, stack, tensor, tidy, type Tensor,
} from '@tensorkit/tensor';
import type { Config, OptimizerName } from '../config';
import { loadDataset, type Dataset } from '../datasets';
import { Batches } from './batches';
import { kernelGradNorms } from './grad-norms';
import { buildNetwork, type Network } from './network';

const OPTIMIZER_PLUGINS = { sgd, adam, adamw, rmsprop, adagrad } satisfies Record<OptimizerName, unknown>;

/** Heat-map resolution: GRID × GRID points over the dataset's square. */
export const GRID = 48;

/** What one step leaves on the device. */
export interface StepTensors {
  /** The batch loss before the update (penalty included), a scalar. */
  loss: Tensor;
  /** Kernel gradient norms per dense layer, when asked for. */
  norms?: Tensor;
}

/** What one evaluation leaves on the device (eval mode: no dropout). */
export interface EvalTensors {
  /** Training-set accuracy, then held-out accuracy when the dataset has a test split. */
  accuracy: Tensor;
  /** 2-D datasets: P(class 1) on the GRID × GRID heat-map points, row 0 at the top. MNIST: predicted test labels. */
  view: Tensor;
}

function gridPoints(extent: number): Float32Array {
  const pts = new Float32Array(GRID * GRID * 2);
  for (let r = 0; r < GRID; r++) {
    for (let c = 0; c < GRID; c++) {
      const i = (r * GRID + c) * 2;
      pts[i] = -extent + ((c + 0.5) / GRID) * 2 * extent;
      pts[i + 1] = extent - ((r + 0.5) / GRID) * 2 * extent;
    }
  }
  return pts;
}

export class Session {
  steps = 0;
  private readonly tensors: Tensor[];

  private constructor(
    readonly config: Config,
    readonly dataset: Dataset,
    readonly network: Network,
    private readonly optimizer: Pick<Optimizer, 'step' | 'dispose'>,
    private readonly batches: Batches,
    private readonly x: Tensor,
    private readonly y: Tensor,
    private readonly probe: Tensor,
    private readonly test: { x: Tensor; y: Tensor } | undefined,
  ) {
    // for MNIST the probe is the test set itself
    this.tensors = [...new Set([x, y, probe, ...(test ? [test.x, test.y] : [])])];
  }

  /** Starts the config's backend, loads its dataset and builds a fresh network. */
  static async create(config: Config): Promise<Session> {
    // The labels are made by the page, always valid class indices: skip the losses' synchronous
    // value check, which would stall the WebGL pipeline (and warn) on the first step.
    setLossValueChecks('never');
    await setBackend(config.backend);
    const data = await loadDataset(config.dataset);
    const rows = data.y.length;
    const x = tensor(data.x, [rows, data.features]);
    const y = tensor(data.y, [rows], 'int32');
    const test = data.test && {
      x: tensor(data.test.x, [data.test.y.length, data.features]),
      y: tensor(data.test.y, [data.test.y.length], 'int32'),
    };
    const probe = data.extent === undefined ? test!.x : tensor(gridPoints(data.extent), [GRID * GRID, 2]);
    const network = buildNetwork(config, data.features, data.classes);
    const optimizer = OPTIMIZER_PLUGINS[config.optimizer].create(network.model.trainableParameters(), { lr: config.lr });
    const batches = new Batches(rows, config.batchSize, config.seed);
    return new Session(config, data, network, optimizer, batches, x, y, probe, test);
  }

  /** One optimizer step on the next batch. */
  step(withNorms: boolean): StepTensors {
    const { model, denses } = this.network;
    model.train();
    const out = tidy(() => {
      const [xb, yb] = this.batches.fullBatch ? [this.x, this.y] : this.batch();
      const { value, grads } = variableGrads(
        () => model.regularizationLosses().reduce((sum, p) => add(sum, p), crossEntropy(yb, model.apply(xb))),
        model.trainableParameters(),
      );
      const norms = withNorms ? kernelGradNorms(denses, grads) : undefined;
      this.optimizer.step(grads);
      return norms ? { loss: value, norms } : { loss: value };
    });
    this.steps++;
    return out;
  }

  /** Accuracy and the picture's data, from the current weights. */
  evaluate(): EvalTensors {
    const { model } = this.network;
    model.eval();
    return tidy(() => {
      const acc = (x: Tensor, y: Tensor): Tensor => mean(cast(equal(argMax(model.apply(x), -1), y), 'float32'));
      const accuracies = [acc(this.x, this.y), ...(this.test ? [acc(this.test.x, this.test.y)] : [])];
      const logits = model.apply(this.probe);
      const view = this.test ? argMax(logits, -1) : reshape(slice(softmax(logits, -1), [null, [1, 2]]), [-1]);
      return { accuracy: stack(accuracies), view };
    });
  }

  private batch(): [Tensor, Tensor] {
    const idx = tensor(this.batches.next(), undefined, 'int32');
    return [gather(this.x, idx, 0), gather(this.y, idx, 0)];
  }

  dispose(): void {
    this.optimizer.dispose();
    this.network.model.dispose();
    dispose(this.tensors);
  }
}
