import { add, mul, sigmoid, split, sub, tanh, type Tensor } from '@tensorkit/tensor';
import { layerPlugin } from './plugin';
import { RecurrentCell, type RecurrentCellOptions } from './recurrent-cell';

/** Options of {@link gruCell}. */
export type GRUCellOptions = RecurrentCellOptions;

/**
 * One GRU step with PyTorch's equations and gate order `r, z, n`
 * (`n = tanh(x·W_in + b_in + r ⊙ (h·W_hn + b_hn))`, `h' = (1 - z) ⊙ n + z ⊙ h`): weights
 * `weightIh` `[in, 3h]`, `weightHh` `[h, 3h]`, biases `[3h]`. Create it with {@link gruCell}.
 *
 * @example
 * ```ts
 * const cell = new GRUCell({ hiddenSize: 5 });
 * const [h1] = cell.step(randn([3, 4]), cell.initialState(3));
 * ```
 */
export class GRUCell extends RecurrentCell {
  readonly className = 'gruCell';
  readonly stateSize = 1;
  protected readonly gates = 3;

  constructor(options: GRUCellOptions) {
    super(options, 'gruCell');
  }

  protected cellStep(x: Tensor, [h]: readonly Tensor[]): Tensor[] {
    const [xi, hh] = this.projections(x, h!);
    const [xr, xz, xn] = split(xi, this.hiddenSize, -1) as [Tensor, Tensor, Tensor];
    const [hr, hz, hn] = split(hh, this.hiddenSize, -1) as [Tensor, Tensor, Tensor];
    const r = sigmoid(add(xr, hr));
    const z = sigmoid(add(xz, hz));
    const n = tanh(add(xn, mul(r, hn)));
    return [add(n, mul(z, sub(h!, n)))];
  }
}

/**
 * A GRU cell: `gruCell({ hiddenSize, useBias = true })`.
 *
 * @example
 * ```ts
 * const cell = gruCell({ hiddenSize: 32 });
 * ```
 */
export function gruCell(options: GRUCellOptions): GRUCell {
  return new GRUCell(options);
}

/**
 * The `gruCell` layer plugin.
 *
 * @example
 * ```ts
 * lookup('layer', 'gruCell');
 * ```
 */
export const gruCellLayer = /* @__PURE__ */ layerPlugin<GRUCellOptions>('gruCell', (c) => new GRUCell(c));
