/**
 * Registers every loss of `@tensorkit/losses` (aliases included): `import '@tensorkit/losses/register'`.
 * This is the package's only module with a side effect.
 *
 * @example
 * ```ts
 * import '@tensorkit/losses/register';
 * ```
 *
 * @packageDocumentation
 */
import { use } from '@tensorkit/core';
import { losses } from './all';

use(losses);
