/**
 * `@tensorkit/autograd`: reverse-mode automatic differentiation. Importing any function of this
 * package is enough: the gradients of every built-in kernel sit in a static table here, so no
 * side-effect import is needed. Third-party kernels register theirs with kind `gradient`.
 *
 * @packageDocumentation
 */
export { grad, grads, valueAndGrad, valueAndGrads, vjp, variableGrads, noGrad, stopGradient } from './api';
export { customGrad, type CustomGradResult } from './custom-grad';
export type { GradFunc, GradientPlugin, SavedTensors } from './gradient-types';
export { BUILTIN_GRADIENTS } from './gradients/index';
