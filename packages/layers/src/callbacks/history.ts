import { LAYERS_PACKAGE, CORE_VERSION } from '../training/plugin-meta';
import { Callback, type CallbackPlugin, type Logs } from './callback';

/**
 * Records every epoch's logs; `fit` always adds one and returns it.
 *
 * @example
 * ```ts
 * const h = await model.fit(x, y, { epochs: 10 });
 * h.history.loss;   // 10 numbers
 * h.epoch;          // [0, 1, ..., 9]
 * ```
 */
export class History extends Callback {
  /** The epochs run, 0-based. */
  readonly epoch: number[] = [];
  /** Each log key's value per epoch. */
  readonly history: Record<string, number[]> = {};

  override onEpochEnd(epoch: number, logs: Logs): void {
    this.epoch.push(epoch);
    for (const [k, v] of Object.entries(logs)) (this.history[k] ??= []).push(v);
  }
}

/**
 * A fresh {@link History}.
 *
 * @example
 * ```ts
 * const h = history();
 * await model.fit(x, y, { callbacks: [h] });
 * ```
 */
export function history(): History {
  return new History();
}

/** The `history` callback plugin. @example `use(historyCallback)` */
export const historyCallback: CallbackPlugin = { kind: 'callback', name: 'history', package: LAYERS_PACKAGE, coreVersion: CORE_VERSION, create: () => history() };
