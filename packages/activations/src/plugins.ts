/*
 * The activations as registry plugins. Naming scheme: the function `relu` is the plugin
 * `reluActivation`, registered as 'relu' (NAMES.md). Every object is built by a pure call, so a
 * bundler drops the ones an app never imports.
 */
import { CORE_VERSION } from '@tensorkit/core';
import type { Tensor } from '@tensorkit/tensor';
import { celu, elu, selu, type EluOptions } from './exponential';
import { optionsOf } from './options';
import type { ActivationPlugin } from './plugin';
import { hardTanh, leakyRelu, linear, relu, relu6, type HardTanhOptions, type LeakyReluOptions } from './rectifiers';
import { hardSigmoid, hardSwish, logSigmoid, sigmoid, silu, tanh } from './sigmoid-family';
import { gelu, mish, softplus, softsign, type GeluOptions, type SoftplusOptions } from './smooth';
import { logSoftmax, softmax } from './softmax';

const PACKAGE = '@tensorkit/activations';

/** Options of the softmax plugins' `apply`. */
export interface SoftmaxOptions {
  /** The axis to normalise over. Default -1 (the last). */
  axis?: number;
}

function withOptions<O extends object>(name: string, apply: (x: Tensor, o?: O) => Tensor, aliases?: string[]): ActivationPlugin<O> {
  return { kind: 'activation', name, ...(aliases ? { aliases } : {}), package: PACKAGE, coreVersion: CORE_VERSION, apply };
}

/** A plugin for an activation without options: passing any option is an error, not ignored. */
function plain(name: string, fn: (x: Tensor) => Tensor, aliases?: string[]): ActivationPlugin {
  return withOptions<object>(
    name,
    (x, o) => {
      optionsOf(o, name, []);
      return fn(x);
    },
    aliases,
  );
}

/** The {@link sigmoid} plugin, registered as `'sigmoid'`. @example `dense({ units: 1, activation: sigmoidActivation })` */
export const sigmoidActivation = /* @__PURE__ */ plain('sigmoid', sigmoid);
/** The {@link tanh} plugin (`'tanh'`). @example `tanhActivation.apply(x)` */
export const tanhActivation = /* @__PURE__ */ plain('tanh', tanh);
/** The {@link relu} plugin (`'relu'`). @example `reluActivation.apply(x)` */
export const reluActivation = /* @__PURE__ */ plain('relu', relu);
/** The {@link relu6} plugin (`'relu6'`). @example `relu6Activation.apply(x)` */
export const relu6Activation = /* @__PURE__ */ plain('relu6', relu6);
/** The {@link leakyRelu} plugin (`'leakyRelu'`). @example `leakyReluActivation.apply(x, { negativeSlope: 0.2 })` */
export const leakyReluActivation = /* @__PURE__ */ withOptions<LeakyReluOptions>('leakyRelu', leakyRelu);
/** The {@link hardTanh} plugin (`'hardTanh'`). @example `hardTanhActivation.apply(x, { minVal: 0, maxVal: 1 })` */
export const hardTanhActivation = /* @__PURE__ */ withOptions<HardTanhOptions>('hardTanh', hardTanh);
/** The {@link linear} plugin (`'linear'`, alias `'identity'`). @example `linearActivation.apply(x)` */
export const linearActivation = /* @__PURE__ */ plain('linear', linear, ['identity']);
/** The {@link elu} plugin (`'elu'`). @example `eluActivation.apply(x, { alpha: 1 })` */
export const eluActivation = /* @__PURE__ */ withOptions<EluOptions>('elu', elu);
/** The {@link selu} plugin (`'selu'`). @example `seluActivation.apply(x)` */
export const seluActivation = /* @__PURE__ */ plain('selu', selu);
/** The {@link celu} plugin (`'celu'`). @example `celuActivation.apply(x, { alpha: 2 })` */
export const celuActivation = /* @__PURE__ */ withOptions<EluOptions>('celu', celu);
/** The {@link gelu} plugin (`'gelu'`). @example `geluActivation.apply(x, { approximate: 'tanh' })` */
export const geluActivation = /* @__PURE__ */ withOptions<GeluOptions>('gelu', gelu);
/** The {@link softplus} plugin (`'softplus'`). @example `softplusActivation.apply(x, { beta: 2 })` */
export const softplusActivation = /* @__PURE__ */ withOptions<SoftplusOptions>('softplus', softplus);
/** The {@link softsign} plugin (`'softsign'`). @example `softsignActivation.apply(x)` */
export const softsignActivation = /* @__PURE__ */ plain('softsign', softsign);
/** The {@link silu} plugin (`'silu'`, alias `'swish'`). @example `siluActivation.apply(x)` */
export const siluActivation = /* @__PURE__ */ plain('silu', silu, ['swish']);
/** The {@link mish} plugin (`'mish'`). @example `mishActivation.apply(x)` */
export const mishActivation = /* @__PURE__ */ plain('mish', mish);
/** The {@link hardSigmoid} plugin (`'hardSigmoid'`). @example `hardSigmoidActivation.apply(x)` */
export const hardSigmoidActivation = /* @__PURE__ */ plain('hardSigmoid', hardSigmoid);
/** The {@link hardSwish} plugin (`'hardSwish'`). @example `hardSwishActivation.apply(x)` */
export const hardSwishActivation = /* @__PURE__ */ plain('hardSwish', hardSwish);
/** The {@link logSigmoid} plugin (`'logSigmoid'`). @example `logSigmoidActivation.apply(x)` */
export const logSigmoidActivation = /* @__PURE__ */ plain('logSigmoid', logSigmoid);
/** The {@link softmax} plugin (`'softmax'`); `apply(x, { axis })`. @example `softmaxActivation.apply(logits, { axis: -1 })` */
export const softmaxActivation = /* @__PURE__ */ withOptions<SoftmaxOptions>('softmax', (x, o) => {
  const { axis = -1 } = optionsOf(o, 'softmax', ['axis']);
  return softmax(x, axis);
});
/** The {@link logSoftmax} plugin (`'logSoftmax'`); `apply(x, { axis })`. @example `logSoftmaxActivation.apply(logits)` */
export const logSoftmaxActivation = /* @__PURE__ */ withOptions<SoftmaxOptions>('logSoftmax', (x, o) => {
  const { axis = -1 } = optionsOf(o, 'logSoftmax', ['axis']);
  return logSoftmax(x, axis);
});

/**
 * Every activation plugin of this package, for `use(activationPlugins)` (what
 * `@tensorkit/activations/register` does).
 *
 * @example
 * ```ts
 * import { use } from '@tensorkit/core';
 * use(activationPlugins);
 * ```
 */
export const activationPlugins: readonly ActivationPlugin[] = [
  sigmoidActivation, tanhActivation, reluActivation, relu6Activation, leakyReluActivation, hardTanhActivation,
  linearActivation, eluActivation, seluActivation, celuActivation, geluActivation, softplusActivation,
  softsignActivation, siluActivation, mishActivation, hardSigmoidActivation, hardSwishActivation,
  logSigmoidActivation, softmaxActivation, logSoftmaxActivation,
];

declare module '@tensorkit/core' {
  /** The activations of `@tensorkit/activations`, by registered name and alias. */
  interface ActivationRegistry {
    sigmoid: ActivationPlugin;
    tanh: ActivationPlugin;
    relu: ActivationPlugin;
    relu6: ActivationPlugin;
    leakyRelu: ActivationPlugin<LeakyReluOptions>;
    hardTanh: ActivationPlugin<HardTanhOptions>;
    linear: ActivationPlugin;
    identity: ActivationPlugin;
    elu: ActivationPlugin<EluOptions>;
    selu: ActivationPlugin;
    celu: ActivationPlugin<EluOptions>;
    gelu: ActivationPlugin<GeluOptions>;
    softplus: ActivationPlugin<SoftplusOptions>;
    softsign: ActivationPlugin;
    silu: ActivationPlugin;
    swish: ActivationPlugin;
    mish: ActivationPlugin;
    hardSigmoid: ActivationPlugin;
    hardSwish: ActivationPlugin;
    logSigmoid: ActivationPlugin;
    softmax: ActivationPlugin<SoftmaxOptions>;
    logSoftmax: ActivationPlugin<SoftmaxOptions>;
  }
}
