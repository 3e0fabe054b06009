import { ArgumentError, StateError, lookup } from '@tensorkit/core';
import type { Tensor } from '@tensorkit/tensor';
import type { Module } from '../module';
import type { Metric, MetricPlugin } from '../metrics/metric';
import { checkOptions } from './options';
import type { CompileConfig, LossFunction, LossPluginLike, OptimizerLike, OptimizerPluginLike } from './types';

/** A model's training setup after {@link compile}. */
export interface Compiled {
  readonly config: CompileConfig;
  /** The loss as a function of `(yTrue, yPred)`. */
  readonly loss: LossFunction;
  readonly lossName: string;
  readonly metrics: Metric[];
  /** The optimizer, once created (at the first `fit`, when the model's weights exist). */
  optimizer: OptimizerLike | null;
  /** How to create it over the trainable parameters. */
  readonly makeOptimizer: ((m: Module) => OptimizerLike) | null;
}

const COMPILED = new WeakMap<Module, Compiled>();

/**
 * The compile state of `model`, or a clear error when it was never compiled.
 *
 * @example
 * ```ts
 * compiledOf(model, 'fit').lossName; // 'mse'
 * ```
 */
export function compiledOf(model: Module, op: string): Compiled {
  const c = COMPILED.get(model);
  if (!c) throw new StateError('INVALID_STATE', `${op}: the model is not compiled; call model.compile({ optimizer, loss, metrics }) first`);
  return c;
}

/** The compile state of `model`, if any. */
export function maybeCompiled(model: Module): Compiled | undefined {
  return COMPILED.get(model);
}

function isOptimizer(o: unknown): o is OptimizerLike {
  return typeof o === 'object' && o !== null && typeof (o as OptimizerLike).step === 'function' && Array.isArray((o as OptimizerLike).paramGroups);
}

function resolveOptimizer(config: CompileConfig): Pick<Compiled, 'optimizer' | 'makeOptimizer'> {
  const spec = config.optimizer as unknown;
  if (isOptimizer(spec)) {
    if (config.optimizerOptions !== undefined) {
      throw new ArgumentError('INVALID_ARGUMENT', 'compile: optimizerOptions apply to an optimizer given by name or plugin; this optimizer is already built');
    }
    return { optimizer: spec, makeOptimizer: null };
  }
  const plugin = (typeof spec === 'string' ? lookup('optimizer', spec) : spec) as OptimizerPluginLike | null;
  if ((typeof plugin !== 'object' && typeof plugin !== 'function') || plugin === null || typeof plugin.create !== 'function') {
    throw new ArgumentError('INVALID_ARGUMENT', `compile: 'optimizer' must be an optimizer name ('adam'), plugin or instance, got ${String(spec)}`);
  }
  const options = config.optimizerOptions;
  return { optimizer: null, makeOptimizer: (m) => plugin.create(m.trainableParameters(), options) };
}

function resolveLoss(config: CompileConfig): { loss: LossFunction; lossName: string; plugin: LossPluginLike | null } {
  const spec = config.loss as unknown;
  if (typeof spec === 'function') {
    if (config.lossOptions !== undefined) throw new ArgumentError('INVALID_ARGUMENT', 'compile: lossOptions apply to a loss given by name or plugin, not to a function');
    return { loss: spec as LossFunction, lossName: (spec as { name?: string }).name || 'custom', plugin: null };
  }
  const plugin = (typeof spec === 'string' ? lookup('loss', spec) : spec) as LossPluginLike | null;
  if (typeof plugin !== 'object' || plugin === null || typeof plugin.compute !== 'function') {
    throw new ArgumentError('INVALID_ARGUMENT', `compile: 'loss' must be a loss name ('mse'), plugin or function, got ${String(spec)}`);
  }
  const options = config.lossOptions;
  return { loss: (yTrue: Tensor, yPred: Tensor) => plugin.compute(yTrue, yPred, options), lossName: plugin.name, plugin };
}

function resolveMetric(spec: unknown): Metric {
  const m = typeof spec === 'string' ? (lookup('metric', spec) as MetricPlugin).create() : spec;
  if (typeof m === 'object' && m !== null && typeof (m as MetricPlugin).create === 'function' && (m as { kind?: string }).kind === 'metric') {
    return (m as MetricPlugin).create();
  }
  if (typeof m !== 'object' || m === null || typeof (m as Metric).update !== 'function' || typeof (m as Metric).result !== 'function') {
    throw new ArgumentError('INVALID_ARGUMENT', `compile: each metric must be a metric name ('accuracy'), plugin or metric, got ${String(spec)}`);
  }
  return m as Metric;
}

/** The output activation of the model's last layer, when it can tell: `'softmax'`, `'sigmoid'`, `'none'`, or undefined. */
function outputActivation(model: Module): string | undefined {
  const items = (model as unknown as { layers?: { items?: unknown[] } }).layers?.items;
  const last = Array.isArray(items) ? (items[items.length - 1] as { className?: string; getConfig?: () => Record<string, unknown> }) : undefined;
  if (!last || typeof last.getConfig !== 'function') return undefined;
  if (last.className === 'softmax' || last.className === 'sigmoid') return last.className;
  let act: unknown;
  try {
    act = last.getConfig().activation;
  } catch {
    return undefined; // e.g. a plain-function activation, which has no config: nothing to check
  }
  const name = typeof act === 'string' ? act : typeof act === 'object' && act !== null ? (act as { name?: unknown }).name : undefined;
  if (name === 'softmax' || name === 'sigmoid') return name;
  if (last.className === 'dense' || last.className === 'conv2d' || last.className === 'conv1d') {
    return name === undefined || name === null || name === 'linear' || name === 'none' ? 'none' : undefined;
  }
  return undefined;
}

function warnMismatch(model: Module, plugin: LossPluginLike, options: object | undefined): void {
  const expects = plugin.expectsWith ? plugin.expectsWith(options) : plugin.expects;
  const act = outputActivation(model);
  if (act === undefined) return;
  if ((act === 'softmax' || act === 'sigmoid') && expects === 'logits') {
    console.warn(
      `compile: the model ends in ${act} but loss '${plugin.name}' expects logits, so ${act} is applied twice; ` +
        `remove the final ${act} (recommended, more stable) or use a loss that takes probabilities (e.g. categoricalCrossEntropy without fromLogits)`,
    );
  } else if (act === 'none' && expects === 'probabilities') {
    console.warn(
      `compile: the model outputs logits (no final softmax/sigmoid) but loss '${plugin.name}' expects probabilities; ` +
        `pass lossOptions: { fromLogits: true } or use crossEntropy, or end the model with a softmax/sigmoid`,
    );
  }
}

/**
 * Forgets a model's compile state and frees the optimizer `compile` created for it (an optimizer
 * instance the caller passed in stays theirs). `Module.dispose()` calls this.
 *
 * @example
 * ```ts
 * releaseCompiled(model);
 * ```
 */
export function releaseCompiled(model: Module): void {
  const c = COMPILED.get(model);
  if (c?.makeOptimizer && c.optimizer) c.optimizer.dispose?.();
  COMPILED.delete(model);
}

/**
 * Configures a model for training: the optimizer, the loss and the metrics. Names are looked up
 * in the registry. It warns (once, with `console.warn`) when the model ends in a softmax or
 * sigmoid and the loss expects logits, or outputs logits and the loss expects probabilities.
 * `model.compile(config)` calls this.
 *
 * @example
 * ```ts
 * compile(model, { optimizer: 'adam', optimizerOptions: { lr: 1e-3 }, loss: 'crossEntropy', metrics: ['accuracy'] });
 * ```
 */
export function compile(model: Module, config: CompileConfig): void {
  checkOptions('compile', config, ['optimizer', 'optimizerOptions', 'loss', 'lossOptions', 'metrics']);
  if (config === undefined || config.optimizer === undefined || config.loss === undefined) {
    throw new ArgumentError('INVALID_ARGUMENT', "compile: 'optimizer' and 'loss' are required, e.g. compile({ optimizer: 'adam', loss: 'mse' })");
  }
  const { loss, lossName, plugin } = resolveLoss(config);
  const metricSpecs = config.metrics ?? [];
  if (!Array.isArray(metricSpecs)) throw new ArgumentError('INVALID_ARGUMENT', `compile: 'metrics' must be an array, got ${typeof metricSpecs}`);
  const metrics = metricSpecs.map(resolveMetric);
  const names = metrics.map((m) => m.name);
  const dup = names.find((n, i) => names.indexOf(n) !== i || n === 'loss');
  if (dup !== undefined) throw new ArgumentError('INVALID_ARGUMENT', `compile: two metrics log as '${dup}'; give each a distinct name`);
  const opt = resolveOptimizer(config);
  releaseCompiled(model);
  COMPILED.set(model, { config, loss, lossName, metrics, ...opt });
  if (plugin) warnMismatch(model, plugin, config.lossOptions);
}
