/**
 * `tensorkit-plugin-example`: a third-party tensorkit plugin package. It exports a custom
 * activation with its own gradient (`squarePlus`), an optimizer (`Lion`) and a layer (`RMSNorm`)
 * as plain plugin objects, and widens the registry's types so their names type-check in apps.
 * Register them with `use(plugins)` or `import 'tensorkit-plugin-example/register'`.
 *
 * @packageDocumentation
 */
import type { LayerPlugin } from '@tensorkit/layers';
import type { LionPlugin } from './lion';
import type { SquarePlusPlugin } from './square-plus';
import { lion } from './lion';
import { rmsNormLayer } from './rms-norm';
import { squarePlusActivation } from './square-plus';

export { squarePlus, squarePlusActivation, type SquarePlusOptions, type SquarePlusPlugin } from './square-plus';
export { Lion, lion, type LionHyper, type LionPlugin } from './lion';
export { RMSNorm, rmsNorm, rmsNormLayer, type RMSNormOptions } from './rms-norm';
export { PACKAGE } from './package-name';

/** Every plugin of this package: `use(plugins)`. */
export const plugins = [squarePlusActivation, lion, rmsNormLayer] as const;

// The names this package registers, so `activation: 'squarePlus'`, `get('optimizer', 'lion')` and
// `compile({ optimizer: 'lion' })` type-check in an app that imports this package.
declare module '@tensorkit/core' {
  interface ActivationRegistry {
    squarePlus: SquarePlusPlugin;
  }
  interface OptimizerRegistry {
    lion: LionPlugin;
  }
  interface LayerRegistry {
    rmsNorm: LayerPlugin;
  }
}
