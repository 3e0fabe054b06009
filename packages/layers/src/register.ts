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

use(layerPlugins);
