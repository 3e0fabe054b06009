import { ArgumentError, StateError } from '@tensorkit/core';
import type { Tensor } from '@tensorkit/tensor';
import { Layer } from './layer';
import { Module } from './module';

/**
 * An indexed list of sub-modules (PyTorch's `nn.ModuleList`): its children are named `'0'`,
 * `'1'`, …, so their parameters appear as `'<list>.0.kernel'`. It has no `forward` of its own.
 *
 * @example
 * ```ts
 * class Tower extends Module {
 *   blocks = this.addModule('blocks', new ModuleList([dense({ units: 8 }), dense({ units: 8 })]));
 *   forward(x: Tensor): Tensor { for (const b of this.blocks.items) x = b.apply(x); return x; }
 * }
 * ```
 */
export class ModuleList<M extends Module = Module> extends Module {
  /** The modules, in order. */
  readonly items: M[] = [];

  constructor(modules: readonly M[] = []) {
    super();
    for (const m of modules) this.push(m);
  }

  /**
   * Appends a module (named by its index).
   *
   * @example
   * ```ts
   * list.push(dense({ units: 4 }));
   * ```
   */
  push(m: M): this {
    this.items.push(this.addModule(String(this.items.length), m));
    return this;
  }

  forward(): Tensor {
    throw new StateError('INVALID_STATE', 'ModuleList.forward: a ModuleList has no forward; call its items in your own forward');
  }
}

/** Options of {@link Sequential} as an object. */
export interface SequentialOptions {
  /** The layers, applied in order. */
  layers?: readonly Layer[];
  /** The per-sample input shape (without the batch axis): builds every layer up front. */
  inputShape?: readonly number[];
}

/**
 * A stack of layers, each applied to the previous one's output. Parameters are named
 * `layers.<i>.<name>`. Giving `inputShape` (here or on the first layer) builds every layer at
 * once, so `summary()` and `loadStateDict()` work before the first call.
 *
 * @example
 * ```ts
 * const model = new Sequential([
 *   dense({ units: 16, activation: 'relu', inputShape: [4] }),
 *   dense({ units: 3 }),
 * ]);
 * model.apply(zeros([8, 4])).shape; // [8, 3]
 * console.log(model.summary());
 * ```
 */
export class Sequential extends Module {
  /** The layers, as a {@link ModuleList} named `layers`. */
  readonly layers: ModuleList<Layer>;

  constructor(layersOrOptions: readonly Layer[] | SequentialOptions = []) {
    super();
    const options: SequentialOptions = Array.isArray(layersOrOptions) ? { layers: layersOrOptions as readonly Layer[] } : (layersOrOptions as SequentialOptions);
    if (typeof options !== 'object' || options === null) {
      throw new ArgumentError('INVALID_ARGUMENT', `Sequential: expected a list of layers or { layers, inputShape }, got ${String(options)}`);
    }
    this.layers = this.addModule('layers', new ModuleList<Layer>());
    for (const layer of options.layers ?? []) this.add(layer);
    if (options.inputShape !== undefined) this.build([-1, ...options.inputShape]);
  }

  /**
   * Appends a layer. When the model is already built, the new layer is built right away.
   *
   * @example
   * ```ts
   * const model = new Sequential();
   * model.add(dense({ units: 4, inputShape: [2] })).add(dense({ units: 1 }));
   * ```
   */
  add(layer: Layer): this {
    if (!(layer instanceof Layer)) {
      throw new ArgumentError('INVALID_ARGUMENT', `Sequential.add: expected a Layer (e.g. dense({ units: 4 })), got ${layer === null ? 'null' : typeof layer}`);
    }
    if (this.layers.items.includes(layer)) {
      throw new ArgumentError('INVALID_ARGUMENT', `Sequential.add: this ${layer.className} layer is already in the model; create a new layer to repeat it`);
    }
    const prev = this.layers.items.at(-1);
    this.layers.push(layer);
    const inShape = prev === undefined ? layer.inputShape && [-1, ...layer.inputShape] : prev.outputShape;
    if (inShape !== undefined) {
      layer.build(inShape);
      layer.outputShape = layer.computeOutputShape(inShape);
      this.outputShape = layer.outputShape;
    }
    return this;
  }

  /**
   * Builds every layer for inputs of `inputShape` (batch axis first, `-1` if unknown), recording
   * each layer's output shape.
   *
   * @example
   * ```ts
   * model.build([-1, 784]);
   * ```
   */
  build(inputShape: readonly number[]): void {
    let shape = [...inputShape];
    for (const layer of this.layers.items) {
      layer.build(shape);
      shape = layer.computeOutputShape(shape);
      layer.outputShape = shape;
    }
    this.outputShape = shape;
  }

  forward(x: Tensor): Tensor {
    if (this.layers.items.length === 0) throw new StateError('INVALID_STATE', 'Sequential: the model has no layers; add some with model.add(layer)');
    let y = x;
    for (const layer of this.layers.items) y = layer.apply(y);
    return y;
  }
}
