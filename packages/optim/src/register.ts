/**
 * Registers every optimizer and scheduler plugin of `@tensorkit/optim`:
 * `import '@tensorkit/optim/register'`. This is the package's only module with a side effect.
 *
 * @example
 * ```ts
 * import '@tensorkit/optim/register';
 * ```
 *
 * @packageDocumentation
 */
import { use } from '@tensorkit/core';
import { optimizerPlugins } from './optimizers/plugins';
import { schedulerPlugins } from './schedulers/plugins';

use(optimizerPlugins, schedulerPlugins);
