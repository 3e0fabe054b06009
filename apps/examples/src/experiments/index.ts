import type { Experiment } from './types';
import { experiment as perceptronXor } from './perceptron-xor';
import { experiment as learningRate } from './learning-rate';
import { experiment as vanishingGradients } from './vanishing-gradients';
import { experiment as explodingGradients } from './exploding-gradients';
import { experiment as weightInit } from './weight-init';

/*
 * Every experiment, in the order of the course. Add one import and one entry per experiment.
 */
export const experiments: readonly Experiment[] = [
  perceptronXor,
  learningRate,
  vanishingGradients,
  explodingGradients,
  weightInit,
];

/** The experiment called `name`, or undefined. */
export function findExperiment(name: string): Experiment | undefined {
  return experiments.find((e) => e.name === name);
}
