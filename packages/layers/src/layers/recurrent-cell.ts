/**
 * What lstmCell and gruCell share: PyTorch's two input projections (`x·weightIh + biasIh` and
 * `h·weightHh + biasHh`, gates stacked on the last axis), PyTorch's init U(±1/√hidden), and the
 * step API over a list of state tensors.
 */
import { ArgumentError, formatShape } from '@tensorkit/core';
import { add, matMul, rand, zeros, type Tensor, type Variable } from '@tensorkit/tensor';
import { Layer, type LayerOptions } from '../layer';
import { boolArg, intArg, optionsOf, seedArg } from './args';

/** Options of the recurrent cells. */
export interface RecurrentCellOptions extends LayerOptions {
  /** The size of the hidden state. Required. */
  hiddenSize: number;
  /** Learn the biases `biasIh` and `biasHh`. Default true. */
  useBias?: boolean;
  /** Seeds the initial weights. */
  seed?: number;
}

/** The option names of {@link RecurrentCellOptions}. */
export const CELL_OPTIONS = ['hiddenSize', 'useBias', 'seed', 'inputShape'] as const;

/** A recurrent cell: one time step from an input `[N, F]` and a state list to the next state. */
export abstract class RecurrentCell extends Layer {
  readonly hiddenSize: number;
  readonly useBias: boolean;
  readonly seed: number | undefined;
  /** `[in, gates·hidden]` (PyTorch's `weight_ih` transposed), once built. */
  weightIh: Variable | undefined;
  /** `[hidden, gates·hidden]` (PyTorch's `weight_hh` transposed), once built. */
  weightHh: Variable | undefined;
  /** `[gates·hidden]`, once built (when `useBias`). */
  biasIh: Variable | undefined;
  /** `[gates·hidden]`, once built (when `useBias`). */
  biasHh: Variable | undefined;
  /** The number of gates stacked in the weights (4 for LSTM, 3 for GRU). */
  protected abstract readonly gates: number;
  /** The number of state tensors (2 for LSTM: h and c; 1 for GRU). */
  abstract readonly stateSize: number;

  protected constructor(options: RecurrentCellOptions, name: string) {
    const o = optionsOf(options, name, CELL_OPTIONS);
    super(o);
    this.hiddenSize = intArg(o.hiddenSize, 'hiddenSize', name);
    this.useBias = boolArg(o.useBias ?? true, 'useBias', name);
    this.seed = seedArg(o.seed, name);
  }

  computeOutputShape(inputShape: readonly number[]): number[] {
    this.assertRank(inputShape, [2], '[batch, features]');
    if (this.weightIh !== undefined) this.assertDim(inputShape, -1, this.weightIh.shape[0]!, 'input features');
    return [inputShape[0]!, this.hiddenSize];
  }

  protected override buildWeights(inputShape: readonly number[]): void {
    const h = this.hiddenSize;
    const width = this.gates * h;
    const bound = 1 / Math.sqrt(h);
    let k = 0;
    const draw = (shape: number[]): Tensor => rand(shape, { low: -bound, high: bound, ...(this.seed === undefined ? {} : { seed: this.seed + k++ }) });
    this.weightIh = this.addParameter('weightIh', draw([inputShape.at(-1)!, width]));
    this.weightHh = this.addParameter('weightHh', draw([h, width]));
    if (this.useBias) {
      this.biasIh = this.addParameter('biasIh', draw([width]));
      this.biasHh = this.addParameter('biasHh', draw([width]));
    }
  }

  /** `x·weightIh + biasIh` and `h·weightHh + biasHh`, each `[N, gates·hidden]`. */
  protected projections(x: Tensor, h: Tensor): [Tensor, Tensor] {
    const xi = matMul(x, this.weightIh!);
    const hh = matMul(h, this.weightHh!);
    return this.useBias ? [add(xi, this.biasIh!), add(hh, this.biasHh!)] : [xi, hh];
  }

  /**
   * The zero state for a batch of `batch`: `stateSize` tensors `[batch, hidden]`.
   *
   * @example
   * ```ts
   * lstmCell({ hiddenSize: 8 }).initialState(2); // [h0, c0], each [2, 8] zeros
   * ```
   */
  initialState(batch: number): Tensor[] {
    return Array.from({ length: this.stateSize }, () => zeros([batch, this.hiddenSize]));
  }

  /**
   * One time step: the next state from input `x` `[N, F]` and the current `state`; the first
   * state tensor is the output `h`. Builds the cell on first use.
   *
   * @example
   * ```ts
   * const cell = lstmCell({ hiddenSize: 5 });
   * const [h1, c1] = cell.step(x, cell.initialState(3));
   * ```
   */
  step(x: Tensor, state: readonly Tensor[]): Tensor[] {
    this.build(x.shape);
    this.computeOutputShape(x.shape);
    const n = x.shape[0]!;
    if (state.length !== this.stateSize || state.some((s) => s.rank !== 2 || s.shape[0] !== n || s.shape[1] !== this.hiddenSize)) {
      throw new ArgumentError(
        'INVALID_ARGUMENT',
        `${this.className}.step: expected ${this.stateSize} state tensor(s) of shape [${n}, ${this.hiddenSize}], got ${state.map((s) => formatShape(s.shape)).join(', ') || 'none'}`,
      );
    }
    return this.cellStep(x, state);
  }

  /** The cell's equations. */
  protected abstract cellStep(x: Tensor, state: readonly Tensor[]): Tensor[];

  /** The output `h` for input `x` and an optional state (zeros when omitted). */
  forward(x: Tensor, ...state: Tensor[]): Tensor {
    return this.step(x, state.length > 0 ? state : this.initialState(x.shape[0]!))[0]!;
  }

  override getConfig(): Record<string, unknown> {
    return { ...super.getConfig(), hiddenSize: this.hiddenSize, useBias: this.useBias, ...(this.seed === undefined ? {} : { seed: this.seed }) };
  }
}
