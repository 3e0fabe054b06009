export { serializeRegularizer, type Regularizer, type RegularizerPlugin } from './regularizer';
export { l1, l2, l1l2, l1Regularizer, l2Regularizer, l1l2Regularizer, type StrengthArg } from './norms';

import { l1Regularizer, l2Regularizer, l1l2Regularizer } from './norms';
import type { RegularizerPlugin } from './regularizer';

/** Every built-in regularizer plugin (what `./register` registers). */
export const REGULARIZER_PLUGINS: readonly RegularizerPlugin[] = [l1Regularizer, l2Regularizer, l1l2Regularizer];

declare module '@tensorkit/core' {
  interface RegularizerRegistry {
    l1: RegularizerPlugin; l2: RegularizerPlugin; l1l2: RegularizerPlugin; l1_l2: RegularizerPlugin;
  }
}
