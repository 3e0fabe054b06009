import { clone, dispose, type Tensor } from '@tensorkit/tensor';
import { checkOptions, positiveInt } from '../training/options';
import { LAYERS_PACKAGE, CORE_VERSION } from '../training/plugin-meta';
import { Callback, type CallbackPlugin, type Logs } from './callback';
import { Monitor, type MonitorMode } from './monitor';

/**
 * Options of {@link earlyStopping} (Keras's names and defaults).
 *
 * @example
 * ```ts
 * const o: EarlyStoppingOptions = { monitor: 'val_loss', patience: 3, restoreBestWeights: true };
 * ```
 */
export interface EarlyStoppingOptions {
  /** The log key to watch (default `'val_loss'`). */
  monitor?: string;
  /** Epochs without improvement before stopping (default 0). */
  patience?: number;
  /** The smallest change that counts as an improvement (default 0). */
  minDelta?: number;
  /** `'min'`, `'max'`, or `'auto'` (max for accuracy-like keys). */
  mode?: MonitorMode;
  /** On stopping, put back the weights of the best epoch (default false). */
  restoreBestWeights?: boolean;
}

/** Stops training when the monitored value stops improving. */
export class EarlyStopping extends Callback {
  private readonly monitor: Monitor;
  private readonly patience: number;
  private readonly restoreBestWeights: boolean;
  private wait = 0;
  private best: Record<string, Tensor> | null = null;
  /** The epoch training stopped at, or -1. */
  stoppedEpoch = -1;
  /** The epoch with the best monitored value. */
  bestEpoch = -1;

  constructor(options: EarlyStoppingOptions = {}) {
    super();
    checkOptions('earlyStopping', options, ['monitor', 'patience', 'minDelta', 'mode', 'restoreBestWeights']);
    this.monitor = new Monitor('earlyStopping', options.monitor ?? 'val_loss', options.mode, options.minDelta ?? 0);
    this.patience = positiveInt('earlyStopping', 'patience', options.patience ?? 0, 0);
    this.restoreBestWeights = options.restoreBestWeights ?? false;
  }

  override onTrainBegin(): void {
    this.monitor.check(this.context);
    this.monitor.reset();
    this.wait = 0;
    this.stoppedEpoch = -1;
    this.bestEpoch = -1;
  }

  override onEpochEnd(epoch: number, logs: Logs): void {
    const value = this.monitor.value(logs);
    if (this.monitor.improve(value)) {
      this.wait = 0;
      this.bestEpoch = epoch;
      if (this.restoreBestWeights) this.snapshot();
      return;
    }
    this.wait++;
    if (this.wait >= this.patience) {
      this.stoppedEpoch = epoch;
      this.context.stopTraining = true;
      if (this.restoreBestWeights && this.best) this.context.model.loadStateDict(this.best);
    }
  }

  override onTrainEnd(): void {
    dispose(this.best);
    this.best = null;
  }

  private snapshot(): void {
    dispose(this.best);
    this.best = Object.fromEntries(Object.entries(this.context.model.stateDict()).map(([k, v]) => [k, clone(v)]));
  }
}

/**
 * Stops training once `monitor` has not improved for `patience` epochs, optionally restoring the
 * best epoch's weights.
 *
 * @example
 * ```ts
 * await model.fit(x, y, { epochs: 100, validationSplit: 0.2, callbacks: [earlyStopping({ patience: 5, restoreBestWeights: true })] });
 * ```
 */
export function earlyStopping(options: EarlyStoppingOptions = {}): EarlyStopping {
  return new EarlyStopping(options);
}

/** The `earlyStopping` callback plugin. @example `use(earlyStoppingCallback)` */
export const earlyStoppingCallback: CallbackPlugin = {
  kind: 'callback', name: 'earlyStopping', package: LAYERS_PACKAGE, coreVersion: CORE_VERSION, create: (o) => earlyStopping(o as EarlyStoppingOptions),
};
