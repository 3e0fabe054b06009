import type { Experiment } from './types';
import { experiment as perceptronXor } from './perceptron-xor';
import { experiment as activations } from './activations';
import { experiment as losses } from './losses';
import { experiment as gradientDescent } from './gradient-descent';
import { experiment as learningRate } from './learning-rate';
import { experiment as vanishingGradients } from './vanishing-gradients';
import { experiment as explodingGradients } from './exploding-gradients';
import { experiment as weightInit } from './weight-init';
import { experiment as batchNorm } from './batch-norm';
import { experiment as regularization } from './regularization';
import { experiment as optimizers } from './optimizers';
import { experiment as hyperparameters } from './hyperparameters';

/*
 * Every experiment, in the order of the course. Add one import and one entry per experiment.
 */
export const experiments: readonly Experiment[] = [
  perceptronXor,
  activations,
  losses,
  gradientDescent,
  learningRate,
  vanishingGradients,
  explodingGradients,
  weightInit,
  batchNorm,
  regularization,
  optimizers,
  hyperparameters,
];

/** The experiment called `name`, or undefined. */
export function findExperiment(name: string): Experiment | undefined {
  return experiments.find((e) => e.name === name);
}
