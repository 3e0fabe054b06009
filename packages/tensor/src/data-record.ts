import type { Backend, DataId } from '@tensorkit/core';

/**
 * One block of backend data and the number of tensors sharing it. `reshape`, `clone` and
 * `Variable.assign` share data instead of copying; the block is freed when the last holder goes.
 * @internal
 */
export interface DataRecord {
  readonly dataId: DataId;
  readonly backend: Backend;
  readonly bytes: number;
  refCount: number;
}
