import type { LayerPlugin } from './layer';
import { activationLayer } from './layers/activation';
import { addLayer } from './layers/add';
import { avgPool2dLayer } from './layers/avg-pool2d';
import { batchNormLayer } from './layers/batch-norm';
import { conv1dLayer } from './layers/conv1d';
import { conv2dLayer } from './layers/conv2d';
import { conv2dTransposeLayer } from './layers/conv2d-transpose';
import { denseLayer } from './layers/dense';
import { dropoutLayer } from './layers/dropout';
import { embeddingLayer } from './layers/embedding';
import { flattenLayer } from './layers/flatten';
import { globalAvgPool2dLayer } from './layers/global-avg-pool2d';
import { gruLayer } from './layers/gru';
import { gruCellLayer } from './layers/gru-cell';
import { layerNormLayer } from './layers/layer-norm';
import { lstmLayer } from './layers/lstm';
import { lstmCellLayer } from './layers/lstm-cell';
import { maxPool2dLayer } from './layers/max-pool2d';
import { preluLayer } from './layers/prelu';
import { reshapeLayer } from './layers/reshape';
import { residualLayer } from './layers/residual';

/**
 * Every layer plugin of this package; `import '@tensorkit/layers/register'` registers them all.
 *
 * @example
 * ```ts
 * import { use } from '@tensorkit/core';
 * use(layerPlugins);
 * ```
 */
export const layerPlugins: readonly LayerPlugin[] = [
  denseLayer, flattenLayer, reshapeLayer, conv1dLayer, conv2dLayer, conv2dTransposeLayer, maxPool2dLayer, avgPool2dLayer,
  globalAvgPool2dLayer, dropoutLayer, batchNormLayer, layerNormLayer, embeddingLayer, activationLayer, preluLayer,
  lstmCellLayer, gruCellLayer, lstmLayer, gruLayer, addLayer, residualLayer,
];

declare module '@tensorkit/core' {
  /** The layers of `@tensorkit/layers`, by registered name, so `get('layer', 'dense')` is type-checked. */
  interface LayerRegistry {
    dense: LayerPlugin;
    flatten: LayerPlugin;
    reshape: LayerPlugin;
    conv1d: LayerPlugin;
    conv2d: LayerPlugin;
    conv2dTranspose: LayerPlugin;
    maxPool2d: LayerPlugin;
    avgPool2d: LayerPlugin;
    globalAvgPool2d: LayerPlugin;
    dropout: LayerPlugin;
    batchNorm: LayerPlugin;
    layerNorm: LayerPlugin;
    embedding: LayerPlugin;
    activation: LayerPlugin;
    prelu: LayerPlugin;
    lstmCell: LayerPlugin;
    gruCell: LayerPlugin;
    lstm: LayerPlugin;
    gru: LayerPlugin;
    add: LayerPlugin;
    residual: LayerPlugin;
  }
}
