/*
 * A training loop written out with variableGrads and an optimizer, for experiments that look
 * inside a step (the gradient norm before clipping), which `fit` keeps to itself.
 */
import { variableGrads } from '@tensorkit/autograd';
import { clipGradNorm } from '@tensorkit/optim';
import { dispose, type Tensor, type Variable } from '@tensorkit/tensor';

/** Options of {@link trainSteps}. */
export interface TrainStepsOptions {
  /** The loss of the current parameters (a scalar). */
  loss: () => Tensor;
  params: readonly Variable[];
  optimizer: { step(grads: Map<Variable, Tensor>): void };
  steps: number;
  /** Clip the gradients' total norm to this before each step. */
  maxNorm?: number;
}

/** One step's loss and the gradients' total norm before any clipping. */
export interface StepRecord {
  loss: number;
  gradNorm: number;
}

/**
 * Runs `steps` optimizer steps and records each one. Stops early once the loss or the gradient
 * norm is no longer finite: the run has diverged and NaN arithmetic only wastes time.
 */
export async function trainSteps(o: TrainStepsOptions): Promise<StepRecord[]> {
  const records: StepRecord[] = [];
  for (let s = 0; s < o.steps; s++) {
    const { value, grads } = variableGrads(o.loss, [...o.params]);
    // the total norm is what clipGradNorm measures; with no maxNorm the clipped copy is unused
    const clipped = clipGradNorm(grads, o.maxNorm ?? Number.MAX_VALUE);
    const [loss, gradNorm] = [(await value.data())[0]!, (await clipped.totalNorm.data())[0]!];
    records.push({ loss, gradNorm });
    if (Number.isFinite(loss) && Number.isFinite(gradNorm)) o.optimizer.step(o.maxNorm === undefined ? grads : clipped.grads);
    dispose([value, ...grads.values(), ...clipped.grads.values(), clipped.totalNorm]);
    if (!Number.isFinite(loss) || !Number.isFinite(gradNorm)) break;
  }
  return records;
}
