import { ArgumentError, DTypeError, ShapeError, formatShape } from '@tensorkit/core';
import {
  cast, expandDims, gather, mul, notEqual, ones, reshape, squeeze, sum, takeAlongAxis, where, type Tensor, type TensorLike,
} from '@tensorkit/tensor';
import { asTensor, floatArg, sameShape } from './options';
import { firstBad, shouldCheckValues } from './value-checks';

/*
 * Class-index targets, shared by crossEntropy, nll, sparseCategoricalCrossEntropy,
 * multiMarginHinge and categoricalFocal. The class axis is the LAST axis of the prediction
 * (tensorkit is channels-last), and the target has the prediction's shape without it.
 */

/** Checked class-index targets and what the losses need from them. @internal */
export interface ClassTargets {
  /** int32 indices, with ignored entries replaced by 0 so that gathers stay in range. */
  readonly safe: Tensor;
  /** 1 where the target counts, 0 where it equals `ignoreIndex` (float32); undefined when nothing can be ignored. */
  readonly mask: Tensor | undefined;
  /** The number of classes. */
  readonly numClasses: number;
}

/**
 * Converts and checks class-index targets for a prediction `[..., C]`: the shape must be the
 * prediction's without its last axis, and every index in `[0, C)` or equal to `ignoreIndex`.
 * Float labels are cast to int32 (as Keras does). @internal
 */
export function classTargets(yTrue: TensorLike, yPred: Tensor, loss: string, ignoreIndex?: number): ClassTargets {
  const raw = asTensor(yTrue, 'yTrue', loss);
  if (raw.dtype === 'bool') {
    throw new DTypeError('DTYPE_MISMATCH', `${loss}: class-index labels must be int32, got bool ${formatShape(raw.shape)}; cast them with cast(yTrue, 'int32')`);
  }
  if (yPred.rank < 1) {
    throw new ShapeError('INVALID_SHAPE', `${loss}: yPred must have a class axis (last), got a scalar; pass [batch, classes] scores`);
  }
  const numClasses = yPred.shape[yPred.rank - 1]!;
  const expected = yPred.shape.slice(0, -1);
  if (!sameShape(raw.shape, expected)) {
    throw new ShapeError(
      'SHAPE_MISMATCH',
      `${loss}: class-index labels have shape ${formatShape(raw.shape)}, but yPred ${formatShape(yPred.shape)} needs labels of shape ` +
        `${formatShape(expected)} (one index per row; the class axis is the last axis). For one-hot labels use the categorical loss`,
    );
  }
  const idx = raw.dtype === 'int32' ? raw : cast(raw, 'int32');
  if (shouldCheckValues(loss)) {
    const bad = firstBad(idx, (v) => (v >= 0 && v < numClasses) || v === ignoreIndex);
    if (bad) {
      const ignore = ignoreIndex === undefined ? '' : ` (or ignoreIndex ${ignoreIndex})`;
      throw new ArgumentError(
        'INVALID_ARGUMENT',
        `${loss}: class index ${bad.value} at flat position ${bad.index} of yTrue ${formatShape(idx.shape)} is out of range for ` +
          `${numClasses} classes; labels must be in [0, ${numClasses - 1}]${ignore}. Labels counted from 1 need sub(yTrue, 1)`,
      );
    }
  }
  if (ignoreIndex === undefined) return { safe: idx, mask: undefined, numClasses };
  const keep = notEqual(idx, ignoreIndex);
  return { safe: where(keep, idx, 0), mask: cast(keep, 'float32'), numClasses };
}

/** `values[..., target]`: the entry of each row at its class index (shape without the class axis). @internal */
export function pick(values: Tensor, targets: ClassTargets): Tensor {
  return squeeze(takeAlongAxis(values, expandDims(targets.safe, -1), -1), -1);
}

/** Class weights `[C]` (checked) looked up per target: `weight[target]`; ones when absent. @internal */
export function targetWeights(weight: TensorLike | undefined, targets: ClassTargets, loss: string): Tensor | undefined {
  const w = classWeights(weight, targets.numClasses, loss);
  return w === undefined ? undefined : reshape(gather(w, reshape(targets.safe, [-1]), 0), targets.safe.shape);
}

/** Class weights `[C]`, checked; undefined when absent. @internal */
export function classWeights(weight: TensorLike | undefined, numClasses: number, loss: string): Tensor | undefined {
  if (weight === undefined) return undefined;
  const w = floatArg(weight, 'weight', loss);
  if (!sameShape(w.shape, [numClasses])) {
    throw new ShapeError(
      'SHAPE_MISMATCH',
      `${loss}: class weights have shape ${formatShape(w.shape)}, but yPred has ${numClasses} classes; pass one weight per class (shape [${numClasses}])`,
    );
  }
  return w;
}

/** The per-target factor `mask · weight[target]` (undefined when both are absent) and its sum (the weighted 'mean' divisor). @internal */
export function targetFactor(targets: ClassTargets, weights: Tensor | undefined): { factor: Tensor | undefined; total: Tensor } {
  const factor = weights && targets.mask ? mul(weights, targets.mask) : (weights ?? targets.mask);
  return { factor, total: factor ? sum(factor) : sum(ones(targets.safe.shape)) };
}
