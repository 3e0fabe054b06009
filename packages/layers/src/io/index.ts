export { encodeSafetensors, decodeSafetensors, type RawTensor, type SafetensorsContent } from './safetensors';
export { encodeWeights, loadWeights } from './weights';
export { modelToJson, parseModelJson, layersFromJson, type ModelJson } from './model-json';
export { directoryStore, memoryStore, indexedDBStore, downloadStore, resolveStore, type ModelArtifacts, type ModelStore } from './storage';
export { saveModel, loadModel } from './save-load';
