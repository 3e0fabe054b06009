/**
 * `@tensorkit/activations`: every activation of the course with PyTorch's numerics, stable at
 * saturation. Each one is usable three ways: as a function (`relu(x)`), as a plugin object
 * (`reluActivation`, side-effect free), and by registered name (`get('activation', 'relu')`
 * after `import '@tensorkit/activations/register'` or `use(activationPlugins)`).
 *
 * @packageDocumentation
 */
export { relu, relu6, leakyRelu, hardTanh, linear, prelu, type LeakyReluOptions, type HardTanhOptions } from './rectifiers';
export { elu, selu, celu, type EluOptions } from './exponential';
export { sigmoid, tanh, logSigmoid, silu, swish, hardSigmoid, hardSwish } from './sigmoid-family';
export { softplus, softsign, mish, gelu, type SoftplusOptions, type GeluOptions } from './smooth';
export { softmax, logSoftmax } from './softmax';
export { getActivation, type ActivationPlugin } from './plugin';
export * from './plugins';
