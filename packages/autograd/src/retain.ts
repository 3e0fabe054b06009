import { alias, type Tensor } from '@tensorkit/tensor';

/**
 * The tape's own handle on `t`: same id (so backward ops on it stay connected to `t` for
 * higher-order gradients), shared data, untouched by `tidy`.
 * @internal
 */
export function retain(t: Tensor): Tensor {
  return alias(t);
}
