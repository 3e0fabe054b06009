import { LSTMCell } from './lstm-cell';
import { layerPlugin } from './plugin';
import { Recurrent, type RecurrentOptions } from './recurrent';

/** Options of {@link lstm}. */
export type LSTMOptions = RecurrentOptions;

/**
 * An LSTM over sequences `[N, T, F]` (batch first), from a zero state: `[N, hidden]`, or
 * `[N, T, hidden]` with `returnSequences`. Its weights are those of an {@link LSTMCell}
 * (`cell.weightIh`, …). Create it with {@link lstm}.
 *
 * @example
 * ```ts
 * new LSTM({ hiddenSize: 8, returnSequences: true }).apply(randn([2, 5, 3])).shape; // [2, 5, 8]
 * ```
 */
export class LSTM extends Recurrent<LSTMCell> {
  readonly className = 'lstm';

  constructor(options: LSTMOptions) {
    super(options, 'lstm', (o) => new LSTMCell(o));
  }
}

/**
 * An LSTM layer: `lstm({ hiddenSize, useBias, returnSequences })`.
 *
 * @example
 * ```ts
 * const model = new Sequential([embedding({ numEmbeddings: 1000, embeddingDim: 32 }), lstm({ hiddenSize: 64 }), dense({ units: 1 })]);
 * ```
 */
export function lstm(options: LSTMOptions): LSTM {
  return new LSTM(options);
}

/**
 * The `lstm` layer plugin.
 *
 * @example
 * ```ts
 * lookup('layer', 'lstm');
 * ```
 */
export const lstmLayer = /* @__PURE__ */ layerPlugin<LSTMOptions>('lstm', (c) => new LSTM(c));
