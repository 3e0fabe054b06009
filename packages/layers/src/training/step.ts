import { ShapeError, formatShape } from '@tensorkit/core';
import { variableGrads } from '@tensorkit/autograd';
import { add, concat, dispose, div, keep, mul, scalar, stack, tidy, type Tensor, type Variable } from '@tensorkit/tensor';
import type { Module } from '../module';
import { DeviceSum } from '../metrics/metric';
import type { Compiled } from './compile';
import type { OptimizerLike } from './types';

/** The compiled loss plus every regularization penalty, checked to be a scalar. */
export function totalLoss(model: Module, compiled: Compiled, yTrue: Tensor, yPred: Tensor): Tensor {
  const base = compiled.loss(yTrue, yPred);
  if (base.shape.length !== 0) {
    throw new ShapeError(
      'SHAPE_MISMATCH',
      `fit: loss '${compiled.lossName}' returned shape ${formatShape(base.shape)}, not a scalar; use reduction 'mean' or 'sum' for training`,
    );
  }
  return model.regularizationLosses().reduce((a, r) => add(a, r), base);
}

/**
 * The running loss of an epoch (a device-side sum of `loss × batch size`) and the metrics.
 * Nothing here reads the device; {@link EpochTotals.results} returns tensors to read once.
 */
export class EpochTotals {
  private readonly lossSum = new DeviceSum();
  samples = 0;

  constructor(readonly metrics: readonly { update(t: Tensor, p: Tensor): void; result(): Tensor; reset(): void }[]) {}

  add(loss: Tensor, yTrue: Tensor, yPred: Tensor): void {
    const n = yTrue.shape[0]!;
    this.lossSum.add(mul(loss, n));
    this.samples += n;
    for (const m of this.metrics) m.update(yTrue, yPred);
  }

  /** `[mean loss, ...metric values]` as one rank-1 tensor. */
  results(): Tensor {
    return tidy(() => stack([div(this.lossSum.value(scalar(0)), Math.max(1, this.samples)), ...this.metrics.map((m) => m.result())]));
  }

  reset(): void {
    this.lossSum.reset();
    this.samples = 0;
    for (const m of this.metrics) m.reset();
  }
}

/** One optimization step on a batch: forward, loss, gradients of the trainable weights, update. */
export function trainStep(
  model: Module,
  compiled: Compiled,
  optimizer: OptimizerLike,
  trainable: Variable[],
  xb: Tensor,
  yb: Tensor,
  totals: EpochTotals,
): void {
  tidy(() => {
    let pred: Tensor | undefined;
    const { value, grads } = variableGrads(() => {
      // kept: the gradient scope frees its intermediates, but the metrics need the prediction
      pred = keep(model.apply(xb));
      return totalLoss(model, compiled, yb, pred);
    }, trainable);
    try {
      optimizer.step(grads);
      totals.add(value, yb, pred!);
    } finally {
      pred!.dispose();
    }
  });
}

/** Concatenates rank-1 result tensors, reads them with one round trip, and disposes them. */
export async function readAll(parts: readonly Tensor[]): Promise<number[]> {
  const all = parts.length === 1 ? parts[0]! : concat([...parts], 0);
  try {
    return Array.from(await all.data());
  } finally {
    dispose([...parts, all]);
  }
}
