import { add, mul, sigmoid, split, tanh, type Tensor } from '@tensorkit/tensor';
import { layerPlugin } from './plugin';
import { RecurrentCell, type RecurrentCellOptions } from './recurrent-cell';

/** Options of {@link lstmCell}. */
export type LSTMCellOptions = RecurrentCellOptions;

/**
 * One LSTM step with PyTorch's equations and gate order `i, f, g, o`: weights `weightIh`
 * `[in, 4h]` and `weightHh` `[h, 4h]` (PyTorch's transposed), biases `biasIh`, `biasHh` `[4h]`.
 * `step(x, [h, c])` returns `[h', c']`. Create it with {@link lstmCell}.
 *
 * @example
 * ```ts
 * const cell = new LSTMCell({ hiddenSize: 5 });
 * const [h1, c1] = cell.step(randn([3, 4]), cell.initialState(3));
 * ```
 */
export class LSTMCell extends RecurrentCell {
  readonly className = 'lstmCell';
  readonly stateSize = 2;
  protected readonly gates = 4;

  constructor(options: LSTMCellOptions) {
    super(options, 'lstmCell');
  }

  protected cellStep(x: Tensor, [h, c]: readonly Tensor[]): Tensor[] {
    const [xi, hh] = this.projections(x, h!);
    const [i, f, g, o] = split(add(xi, hh), this.hiddenSize, -1) as [Tensor, Tensor, Tensor, Tensor];
    const c1 = add(mul(sigmoid(f), c!), mul(sigmoid(i), tanh(g)));
    return [mul(sigmoid(o), tanh(c1)), c1];
  }
}

/**
 * An LSTM cell: `lstmCell({ hiddenSize, useBias = true })`.
 *
 * @example
 * ```ts
 * const cell = lstmCell({ hiddenSize: 32 });
 * ```
 */
export function lstmCell(options: LSTMCellOptions): LSTMCell {
  return new LSTMCell(options);
}

/**
 * The `lstmCell` layer plugin.
 *
 * @example
 * ```ts
 * lookup('layer', 'lstmCell');
 * ```
 */
export const lstmCellLayer = /* @__PURE__ */ layerPlugin<LSTMCellOptions>('lstmCell', (c) => new LSTMCell(c));
