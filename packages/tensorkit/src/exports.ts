/*
 * Every public name of the tensorkit packages, flat, plus one namespace per package. Where two
 * packages export the same name, the tensor op wins (`relu`, `conv2d`, `zeros`, `add`), as in
 * TensorFlow.js (`tf.conv2d` is the op, `tf.layers.conv2d` the layer); the other one stays
 * reachable through its namespace: `layers.conv2d`, `init.zeros`, `activations.relu`.
 * This module has no side effects; `index.ts` adds the registrations.
 */
export * from '@tensorkit/core';
export * from '@tensorkit/tensor';
export * from '@tensorkit/autograd';
export * from '@tensorkit/activations';
export * from '@tensorkit/losses';
export * from '@tensorkit/init';
export * from '@tensorkit/optim';
export * from '@tensorkit/layers';
export * from '@tensorkit/backend-cpu';

// Clashes resolved explicitly: the tensor op wins, then the activation function (a function of
// tensors) over the layer factory of the same name.
export {
  relu, relu6, leakyRelu, hardTanh, sigmoid, tanh, softplus, softmax, logSoftmax, type LeakyReluOptions, type HardTanhOptions,
  zeros, ones, truncatedNormal, add, conv1d, conv2d, conv2dTranspose, maxPool2d, avgPool2d, flatten, reshape, erf,
} from '@tensorkit/tensor';
export { prelu } from '@tensorkit/activations';

export * as core from '@tensorkit/core';
export * as autograd from '@tensorkit/autograd';
export * as activations from '@tensorkit/activations';
export * as losses from '@tensorkit/losses';
export * as init from '@tensorkit/init';
export * as optim from '@tensorkit/optim';
export * as layers from '@tensorkit/layers';
export * as cpu from '@tensorkit/backend-cpu';
