import { ArgumentError, ShapeError, formatShape } from '@tensorkit/core';
import { add, type Tensor } from '@tensorkit/tensor';
import { Layer, type LayerOptions } from '../layer';
import { ModuleList } from '../sequential';
import { optionsOf } from './args';
import { layerPlugin } from './plugin';
import { layerFromJSON, layerToJSON, type LayerJSON } from './serialize';

/** Options of {@link residual}. */
export interface ResidualOptions extends LayerOptions {
  /** A layer (or layers applied in order) on the shortcut path, e.g. a 1×1 strided conv; default the identity. */
  shortcut?: Layer | readonly Layer[];
}

const asList = (v: Layer | readonly Layer[]): readonly Layer[] => (Array.isArray(v) ? v : [v as Layer]);

function checkLayers(layers: readonly unknown[], what: string): void {
  if (layers.length === 0 || layers.some((l) => !(l instanceof Layer))) {
    throw new ArgumentError('INVALID_ARGUMENT', `residual: '${what}' must be a Layer or a non-empty list of Layers`);
  }
}

/**
 * A residual block, `block(x) + shortcut(x)` with the identity shortcut by default (ResNet's
 * `x + F(x)`). `block` is a layer or a list of layers applied in order; their weights are named
 * `block.<i>.<name>` and `shortcut.<i>.<name>`. Create it with {@link residual}.
 *
 * @example
 * ```ts
 * const r = new Residual([dense({ units: 4 }), activation({ activation: 'relu' }), dense({ units: 4 })]);
 * r.apply(randn([2, 4])).shape; // [2, 4]
 * ```
 */
export class Residual extends Layer {
  readonly className = 'residual';
  /** The main path. */
  readonly block: ModuleList<Layer>;
  /** The shortcut path (empty for the identity). */
  readonly shortcut: ModuleList<Layer>;

  constructor(block: Layer | readonly Layer[], options: ResidualOptions = {}) {
    const o = optionsOf(options, 'residual', ['shortcut', 'inputShape']);
    super(o);
    checkLayers(asList(block), 'block');
    if (o.shortcut !== undefined) checkLayers(asList(o.shortcut), 'shortcut');
    this.block = this.addModule('block', new ModuleList(asList(block)));
    this.shortcut = this.addModule('shortcut', new ModuleList(o.shortcut === undefined ? [] : asList(o.shortcut)));
  }

  private static pathShape(layers: readonly Layer[], inputShape: readonly number[], build: boolean): number[] {
    let shape = [...inputShape];
    for (const layer of layers) {
      if (build) layer.build(shape);
      shape = layer.computeOutputShape(shape);
      layer.outputShape = shape;
    }
    return shape;
  }

  computeOutputShape(inputShape: readonly number[]): number[] {
    const main = Residual.pathShape(this.block.items, inputShape, false);
    const side = Residual.pathShape(this.shortcut.items, inputShape, false);
    if (main.join() !== side.join()) {
      throw new ShapeError(
        'SHAPE_MISMATCH',
        `residual: the block maps ${formatShape(inputShape)} to ${formatShape(main)} but the shortcut gives ${formatShape(side)}; ` +
          'give a shortcut layer (e.g. a 1x1 conv2d) that matches the block',
      );
    }
    return main;
  }

  protected override buildWeights(inputShape: readonly number[]): void {
    Residual.pathShape(this.block.items, inputShape, true);
    Residual.pathShape(this.shortcut.items, inputShape, true);
  }

  forward(x: Tensor): Tensor {
    const run = (layers: readonly Layer[]): Tensor => layers.reduce((y, layer) => layer.apply(y), x);
    return add(run(this.block.items), run(this.shortcut.items));
  }

  override getConfig(): Record<string, unknown> {
    return {
      ...super.getConfig(),
      block: this.block.items.map(layerToJSON),
      ...(this.shortcut.items.length > 0 ? { shortcut: this.shortcut.items.map(layerToJSON) } : {}),
    };
  }
}

/**
 * A residual block: `residual(block, { shortcut })` computes `block(x) + shortcut(x)`
 * (identity shortcut by default), so ResNet-style models are a `Sequential` of blocks.
 *
 * @example
 * ```ts
 * const basicBlock = residual([
 *   conv2d({ filters: 16, kernelSize: 3, padding: 1 }), batchNorm(), activation({ activation: 'relu' }),
 *   conv2d({ filters: 16, kernelSize: 3, padding: 1 }), batchNorm(),
 * ]);
 * ```
 */
export function residual(block: Layer | readonly Layer[], options: ResidualOptions = {}): Residual {
  return new Residual(block, options);
}

/** The JSON config of a residual block. */
interface ResidualConfig extends LayerOptions {
  block: readonly LayerJSON[];
  shortcut?: readonly LayerJSON[];
}

/**
 * The `residual` layer plugin: rebuilds the nested layers through the registry.
 *
 * @example
 * ```ts
 * lookup('layer', 'residual');
 * ```
 */
export const residualLayer = /* @__PURE__ */ layerPlugin<ResidualConfig>('residual', ({ block, shortcut, ...rest }) => {
  if (!Array.isArray(block)) throw new ArgumentError('INVALID_ARGUMENT', "residual: the config needs 'block', a list of { className, config }");
  return new Residual(block.map(layerFromJSON), { ...rest, ...(shortcut === undefined ? {} : { shortcut: shortcut.map(layerFromJSON) }) });
});
