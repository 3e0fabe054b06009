import { dispose, tensor, type Tensor } from '@tensorkit/tensor';
import type { Module } from '../module';
import { Sequential } from '../sequential';
import { layersFromJson, modelToJson, parseModelJson } from './model-json';
import { decodeSafetensors } from './safetensors';
import { resolveStore, type ModelStore } from './storage';
import { encodeWeights } from './weights';

/**
 * Saves a Sequential model: its architecture as `model.json` and its weights as safetensors.
 *
 * @example
 * ```ts
 * await saveModel(model, './my-model');            // Node: my-model/model.json + model.safetensors
 * await saveModel(model, 'indexeddb://my-model');  // browser
 * ```
 */
export async function saveModel(model: Module, target: string | ModelStore): Promise<void> {
  const store = resolveStore(target, 'saveModel');
  const json = modelToJson(model);
  const weights = await encodeWeights(model);
  await store.save({ modelJson: JSON.stringify(json, null, 2), weights });
}

/**
 * Rebuilds a saved model through the registry (a layer from a third-party package loads once its
 * plugin is registered; otherwise the error names it), builds it, loads the weights, and
 * compiles it again when the compile config was saved. Predictions match the saved model bit
 * for bit.
 *
 * @example
 * ```ts
 * const model = await loadModel('./my-model');
 * const y = await model.predict(x);
 * ```
 */
export async function loadModel(source: string | ModelStore): Promise<Sequential> {
  const store = resolveStore(source, 'loadModel');
  const artifacts = await store.load();
  const json = parseModelJson(artifacts.modelJson);
  const { tensors } = decodeSafetensors(artifacts.weights);
  const model = new Sequential(layersFromJson(json));
  const state: Record<string, Tensor> = {};
  try {
    const shape = json.modelTopology.config.buildInputShape;
    if (shape) model.build(shape);
    for (const [name, t] of Object.entries(tensors)) state[name] = tensor(t.data, t.shape, t.dtype);
    model.loadStateDict(state);
  } catch (e) {
    model.dispose();
    throw e;
  } finally {
    dispose(Object.values(state));
  }
  const c = json.compileConfig as Parameters<Sequential['compile']>[0] | undefined;
  if (c) model.compile(c);
  return model;
}
