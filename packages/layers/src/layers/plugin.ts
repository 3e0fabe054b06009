import { CORE_VERSION } from '@tensorkit/core';
import type { Layer, LayerPlugin } from '../layer';

/** The plugin of a built-in layer: `create(config)` passes the config to the layer's constructor. */
export function layerPlugin<O>(name: string, create: (config: O) => Layer): LayerPlugin {
  return { kind: 'layer', name, package: '@tensorkit/layers', coreVersion: CORE_VERSION, create: (config) => create(config as O) };
}
