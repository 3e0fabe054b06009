import type { LayerPlugin } from './layer';
import { denseLayer } from './layers/dense';
import { flattenLayer } from './layers/flatten';

/**
 * Every layer plugin of this package; `import '@tensorkit/layers/register'` registers them all.
 *
 * @example
 * ```ts
 * import { use } from '@tensorkit/core';
 * use(layerPlugins);
 * ```
 */
export const layerPlugins: readonly LayerPlugin[] = [denseLayer, flattenLayer];
