/*
 * `import 'tensorkit-plugin-example/register'`: registers every plugin of this package. The only
 * module here with a side effect (and the only `sideEffects` entry of package.json).
 */
import { use } from '@tensorkit/core';
import { plugins } from './index';

use(plugins);
