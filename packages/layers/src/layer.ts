import { ArgumentError, ShapeError, formatShape, type NamedPlugin } from '@tensorkit/core';
import type { Tensor } from '@tensorkit/tensor';
import { Module } from './module';

/** Options every layer factory accepts. */
export interface LayerOptions {
  /**
   * The per-sample input shape (without the batch axis), Keras-style. On the first layer of a
   * {@link Sequential} it builds the whole model up front, so `summary()` works before any call.
   */
  inputShape?: readonly number[];
}

/**
 * A layer plugin (kind `'layer'`): `create(config)` rebuilds a layer from its
 * {@link Layer.getConfig}, which is how saved models are loaded by name.
 *
 * @example
 * ```ts
 * const plugin: LayerPlugin = { kind: 'layer', name: 'myLayer', package: 'my-pkg', create: (c) => new MyLayer(c) };
 * ```
 */
export interface LayerPlugin extends NamedPlugin<'layer'> {
  create(config: object): Layer;
}

/**
 * A module whose weights are created once the input shape is known (Keras-style lazy building),
 * and that can describe itself as JSON (`getConfig`) to be rebuilt by its plugin's `create`.
 *
 * @example
 * ```ts
 * const d = dense({ units: 3 });
 * d.built;                     // false
 * d.apply(zeros([2, 5]));      // builds a [5, 3] kernel
 * d.computeOutputShape([-1, 5]); // [-1, 3]
 * ```
 */
export abstract class Layer extends Module {
  /** The registry name of the layer type, e.g. `'dense'`. */
  abstract readonly className: string;
  /** The per-sample input shape given at construction, if any. */
  readonly inputShape: number[] | undefined;
  /** Whether {@link Layer.build} has run. */
  built = false;
  /** The input shape (batch axis first) the layer was built for; saved models rebuild from it. */
  buildShape: number[] | undefined = undefined;

  constructor(options: LayerOptions = {}) {
    super();
    const shape = options.inputShape;
    if (shape !== undefined) {
      if (!Array.isArray(shape) || shape.some((d) => !Number.isInteger(d) || d < 1)) {
        throw new ArgumentError('INVALID_ARGUMENT', `${new.target.name}: inputShape must be positive integers without the batch axis, e.g. [784]; got ${JSON.stringify(shape)}`);
      }
      this.inputShape = [...shape];
    }
  }

  override describe(): string {
    return this.className;
  }

  /**
   * Creates the weights for inputs of `inputShape` (batch axis included; it may be `-1`). Runs
   * once, on the first call; layers without weights keep the default, which does nothing.
   */
  protected buildWeights(inputShape: readonly number[]): void {
    void inputShape;
  }

  /**
   * Builds the layer for inputs of `inputShape` (batch axis first, `-1` if unknown): checks the
   * shape and creates the weights. Does nothing when already built.
   *
   * @example
   * ```ts
   * const d = dense({ units: 3 });
   * d.build([-1, 5]);
   * d.parameters().map((p) => p.shape); // [[5, 3], [3]]
   * ```
   */
  build(inputShape: readonly number[]): void {
    if (this.built) return;
    this.computeOutputShape(inputShape);
    this.buildWeights(inputShape);
    this.built = true;
    this.buildShape = [...inputShape];
  }

  /**
   * The output shape for an input shape (batch axis first, `-1` if unknown). Throws a
   * `ShapeError` naming the layer when the input does not fit it.
   *
   * @example
   * ```ts
   * flatten().computeOutputShape([-1, 3, 4]); // [-1, 12]
   * ```
   */
  abstract computeOutputShape(inputShape: readonly number[]): number[];

  /**
   * The layer's configuration as JSON: its plugin's `create(config)` rebuilds an equivalent
   * (unbuilt, freshly initialized) layer.
   *
   * @example
   * ```ts
   * dense({ units: 3, activation: 'relu' }).getConfig(); // { units: 3, activation: 'relu', useBias: true, ... }
   * ```
   */
  getConfig(): Record<string, unknown> {
    return this.inputShape === undefined ? {} : { inputShape: [...this.inputShape] };
  }

  protected override beforeForward(inputs: readonly Tensor[]): void {
    const x = inputs[0];
    if (x === undefined) throw new ArgumentError('INVALID_ARGUMENT', `${this.className}.apply: expected an input tensor, got none`);
    if (!this.built) this.build(x.shape);
    else this.computeOutputShape(x.shape);
  }

  /** Requires an input rank among `ranks`. */
  protected assertRank(inputShape: readonly number[], ranks: readonly number[], layout: string): void {
    if (!ranks.includes(inputShape.length)) {
      throw new ShapeError(
        'INVALID_SHAPE',
        `${this.className}: expected a rank-${ranks.join(' or ')} input ${layout}, got ${formatShape(inputShape)}`,
      );
    }
  }

  /** Requires an input rank of at least `min`. */
  protected assertMinRank(inputShape: readonly number[], min: number, layout: string): void {
    if (inputShape.length < min) {
      throw new ShapeError('INVALID_SHAPE', `${this.className}: expected an input of rank >= ${min} ${layout}, got ${formatShape(inputShape)}`);
    }
  }

  /** Requires axis `axis` of the input to equal the size the weights were built for. */
  protected assertDim(inputShape: readonly number[], axis: number, expected: number, what: string): void {
    const got = inputShape.at(axis);
    if (got !== expected) {
      throw new ShapeError(
        'SHAPE_MISMATCH',
        `${this.className}: the layer was built for ${what} ${expected}, but the input ${formatShape(inputShape)} has ${String(got)}; ` +
          'a layer keeps the input size it was first called with (create a new layer for another size)',
      );
    }
  }
}
