import { GRUCell } from './gru-cell';
import { layerPlugin } from './plugin';
import { Recurrent, type RecurrentOptions } from './recurrent';

/** Options of {@link gru}. */
export type GRUOptions = RecurrentOptions;

/**
 * A GRU over sequences `[N, T, F]` (batch first), from a zero state: `[N, hidden]`, or
 * `[N, T, hidden]` with `returnSequences`. Its weights are those of a {@link GRUCell}
 * (`cell.weightIh`, …). Create it with {@link gru}.
 *
 * @example
 * ```ts
 * new GRU({ hiddenSize: 8, returnSequences: true }).apply(randn([2, 5, 3])).shape; // [2, 5, 8]
 * ```
 */
export class GRU extends Recurrent<GRUCell> {
  readonly className = 'gru';

  constructor(options: GRUOptions) {
    super(options, 'gru', (o) => new GRUCell(o));
  }
}

/**
 * A GRU layer: `gru({ hiddenSize, useBias, returnSequences })`.
 *
 * @example
 * ```ts
 * const model = new Sequential([embedding({ numEmbeddings: 1000, embeddingDim: 32 }), gru({ hiddenSize: 64 }), dense({ units: 1 })]);
 * ```
 */
export function gru(options: GRUOptions): GRU {
  return new GRU(options);
}

/**
 * The `gru` layer plugin.
 *
 * @example
 * ```ts
 * lookup('layer', 'gru');
 * ```
 */
export const gruLayer = /* @__PURE__ */ layerPlugin<GRUOptions>('gru', (c) => new GRU(c));
