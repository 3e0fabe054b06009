/**
 * Registers every activation of `@tensorkit/activations` (names and aliases of NAMES.md):
 * `import '@tensorkit/activations/register'`. This is the package's only module with a side
 * effect.
 *
 * @example
 * ```ts
 * import '@tensorkit/activations/register';
 * get('activation', 'gelu').apply(x, { approximate: 'tanh' });
 * ```
 *
 * @packageDocumentation
 */
import { use } from '@tensorkit/core';
import { activationPlugins } from './plugins';

use(activationPlugins);
