import type { GradFunc } from '../gradient-types';
import { BINARY_GRADIENTS } from './binary';
import { CONV_GRADIENTS } from './conv';
import { LINALG_GRADIENTS } from './linalg';
import { POOL_GRADIENTS } from './pool';
import { REDUCTION_GRADIENTS } from './reduction';
import { SHAPE_GRADIENTS } from './shape';
import { UNARY_GRADIENTS } from './unary';

/**
 * The gradient of every built-in kernel, keyed by kernel name: one static table, so importing
 * anything from `@tensorkit/autograd` makes every gradient available (no side-effect import).
 * Registered `gradient` plugins take precedence over these.
 *
 * @example
 * ```ts
 * Object.keys(BUILTIN_GRADIENTS).includes('BatchMatMul'); // true
 * ```
 */
export const BUILTIN_GRADIENTS: Readonly<Record<string, GradFunc>> = Object.freeze({
  ...UNARY_GRADIENTS,
  ...BINARY_GRADIENTS,
  ...REDUCTION_GRADIENTS,
  ...LINALG_GRADIENTS,
  ...SHAPE_GRADIENTS,
  ...CONV_GRADIENTS,
  ...POOL_GRADIENTS,
});
