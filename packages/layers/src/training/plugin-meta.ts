import { CORE_VERSION } from '@tensorkit/core';

/** The `package` and `coreVersion` fields every plugin of this package carries. */
export const PLUGIN_META = { package: '@tensorkit/layers', coreVersion: CORE_VERSION } as const;
