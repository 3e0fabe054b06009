import { CORE_VERSION } from '@tensorkit/core';

/*
 * The `package` and `coreVersion` fields every plugin of this package carries, as plain bindings:
 * plugin objects written with them (not with a spread or a property read, which bundlers must
 * assume may run a getter) are side-effect free, so an app's bundle drops the plugins it never uses.
 */
export { CORE_VERSION };
/** The npm name of this package, the `package` field of its plugins. */
export const LAYERS_PACKAGE = '@tensorkit/layers';
