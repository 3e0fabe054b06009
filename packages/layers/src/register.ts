/**
 * Registers every plugin of `@tensorkit/layers`: `import '@tensorkit/layers/register'`. This is
 * the package's only module with a side effect.
 *
 * @example
 * ```ts
 * import '@tensorkit/layers/register';
 * ```
 *
 * @packageDocumentation
 */
import { use } from '@tensorkit/core';
import { layerPlugins } from './plugins';
import { METRIC_PLUGINS } from './metrics/index';
import { REGULARIZER_PLUGINS } from './regularizers/index';
import { CALLBACK_PLUGINS } from './callbacks/index';

use(layerPlugins);
use(METRIC_PLUGINS, REGULARIZER_PLUGINS, CALLBACK_PLUGINS);
