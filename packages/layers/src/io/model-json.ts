import { FormatError, StateError, lookup } from '@tensorkit/core';
import type { Module } from '../module';
import type { Layer, LayerPlugin } from '../layer';
import { maybeCompiled } from '../training/compile';

/**
 * The architecture file `model.json`: registered layer names with their configs, the input shape
 * to build with, and the compile config when it is serializable.
 *
 * @example
 * ```ts
 * const json: ModelJson = modelToJson(model);
 * json.modelTopology.config.layers[0]; // { className: 'dense', config: { units: 16, ... } }
 * ```
 */
export interface ModelJson {
  format: 'tensorkit-model';
  formatVersion: 1;
  generatedBy: string;
  modelTopology: {
    className: 'sequential';
    config: { layers: { className: string; config: Record<string, unknown> }[]; buildInputShape: number[] | null };
  };
  compileConfig?: Record<string, unknown>;
  weightsFile: string;
}

function layersOf(model: Module, op: string): Layer[] {
  const items = (model as unknown as { layers?: { items?: Layer[] } }).layers?.items;
  if (!Array.isArray(items)) {
    throw new StateError(
      'INVALID_STATE',
      `${op}: only Sequential models have a JSON architecture; for a Module subclass save the weights with encodeWeights(model) and rebuild the class in code`,
    );
  }
  return items;
}

/** The compile config in JSON form, when every part of it is a registered name or plugin. */
function compileJson(model: Module): Record<string, unknown> | undefined {
  const c = maybeCompiled(model);
  if (!c) return undefined;
  const nameOf = (v: unknown): string | undefined =>
    typeof v === 'string' ? v : typeof v === 'object' && v !== null && typeof (v as { kind?: unknown }).kind === 'string' ? (v as { name: string }).name : undefined;
  const optimizer = nameOf(c.config.optimizer);
  const loss = nameOf(c.config.loss);
  if (optimizer === undefined || loss === undefined) return undefined;
  return {
    optimizer, loss,
    ...(c.config.optimizerOptions ? { optimizerOptions: c.config.optimizerOptions } : {}),
    ...(c.config.lossOptions ? { lossOptions: c.config.lossOptions } : {}),
    metrics: c.metrics.map((m) => m.name),
  };
}

/**
 * Describes a Sequential model as JSON (see {@link ModelJson}).
 *
 * @example
 * ```ts
 * JSON.stringify(modelToJson(model));
 * ```
 */
export function modelToJson(model: Module): ModelJson {
  const layers = layersOf(model, 'saveModel');
  const first = layers[0];
  const compileConfig = compileJson(model);
  return {
    format: 'tensorkit-model',
    formatVersion: 1,
    generatedBy: '@tensorkit/layers',
    modelTopology: {
      className: 'sequential',
      config: {
        layers: layers.map((l) => ({ className: l.className, config: l.getConfig() })),
        buildInputShape: first?.buildShape ? [...first.buildShape] : null,
      },
    },
    ...(compileConfig ? { compileConfig } : {}),
    weightsFile: 'model.safetensors',
  };
}

function bad(what: string): FormatError {
  return new FormatError('CORRUPT_DATA', `loadModel: model.json ${what}; it is not a model saved by saveModel (or it was edited)`);
}

/**
 * Parses and checks `model.json` (text or object) and returns it typed.
 *
 * @example
 * ```ts
 * const json = parseModelJson(await readFile('model.json', 'utf8'));
 * ```
 */
export function parseModelJson(source: string | unknown): ModelJson {
  let json: unknown = source;
  if (typeof source === 'string') {
    try {
      json = JSON.parse(source);
    } catch {
      throw bad(`is not valid JSON (it starts with ${JSON.stringify(source.slice(0, 20))})`);
    }
  }
  const j = json as Partial<ModelJson> | null;
  if (typeof j !== 'object' || j === null || j.format !== 'tensorkit-model') throw bad("has no format 'tensorkit-model'");
  if (j.formatVersion !== 1) throw bad(`has formatVersion ${String(j.formatVersion)}; this version of @tensorkit/layers reads 1`);
  const layers = j.modelTopology?.config?.layers;
  if (j.modelTopology?.className !== 'sequential' || !Array.isArray(layers)) throw bad('has no sequential modelTopology with a layers list');
  for (const l of layers) if (typeof l?.className !== 'string' || typeof l.config !== 'object') throw bad('has a layer without className and config');
  return j as ModelJson;
}

/**
 * The layers of a model.json, created through the registry: a missing plugin throws a
 * `NOT_REGISTERED` error that names it and the package to import.
 *
 * @example
 * ```ts
 * const layers = layersFromJson(json); // dense, flatten, ... from their plugins
 * ```
 */
export function layersFromJson(json: ModelJson): Layer[] {
  return json.modelTopology.config.layers.map((l) => (lookup('layer', l.className) as LayerPlugin).create(l.config));
}
