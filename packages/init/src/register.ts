/**
 * Registers every initializer of `@tensorkit/init` (names and aliases of NAMES.md):
 * `import '@tensorkit/init/register'`. This is the package's only module with a side effect.
 *
 * @example
 * ```ts
 * import '@tensorkit/init/register';
 * get('initializer', 'kaimingNormal').sample([64, 32], { seed: 0 });
 * ```
 *
 * @packageDocumentation
 */
import { use } from '@tensorkit/core';
import { initializerPlugins } from './plugins';

use(initializerPlugins);
