import { ArgumentError, lookup } from '@tensorkit/core';
import { Layer, type LayerPlugin } from '../layer';

/**
 * A layer as JSON: its registry name and its config.
 *
 * @example
 * ```ts
 * const json: LayerJSON = { className: 'dense', config: { units: 3 } };
 * ```
 */
export interface LayerJSON {
  readonly className: string;
  readonly config: Record<string, unknown>;
}

/**
 * A layer's JSON form (its `className` and `getConfig()`), from which {@link layerFromJSON}
 * rebuilds it through the registry.
 *
 * @example
 * ```ts
 * layerToJSON(dense({ units: 3 })); // { className: 'dense', config: { units: 3, activation: null, useBias: true } }
 * ```
 */
export function layerToJSON(layer: Layer): LayerJSON {
  return { className: layer.className, config: layer.getConfig() };
}

/**
 * Rebuilds a layer from {@link layerToJSON}'s form with the registered plugin of that name (an
 * unregistered name is a `NOT_REGISTERED` error naming it).
 *
 * @example
 * ```ts
 * import '@tensorkit/layers/register';
 * layerFromJSON({ className: 'dense', config: { units: 3 } });
 * ```
 */
export function layerFromJSON(json: LayerJSON): Layer {
  if (typeof json !== 'object' || json === null || typeof json.className !== 'string') {
    throw new ArgumentError('INVALID_ARGUMENT', `layerFromJSON: expected { className, config }, got ${JSON.stringify(json)}`);
  }
  const plugin = lookup('layer', json.className) as LayerPlugin;
  const layer = plugin.create(json.config ?? {});
  if (!(layer instanceof Layer)) {
    throw new ArgumentError('INVALID_ARGUMENT', `layerFromJSON: the '${json.className}' plugin's create() did not return a Layer`);
  }
  return layer;
}
