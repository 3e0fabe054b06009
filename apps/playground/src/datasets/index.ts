import type { Dataset, DatasetName } from './dataset';
import { loadMnist } from './mnist';
import { planar } from './planar';

export { DATASET_LABELS, type Dataset, type DatasetName } from './dataset';

/** The dataset called `name` (MNIST is fetched on first use, then cached). */
export async function loadDataset(name: DatasetName): Promise<Dataset> {
  if (name !== 'mnist') return planar(name);
  mnist ??= loadMnist();
  return mnist;
}

let mnist: Promise<Dataset> | undefined;
