import { checkOptions, positiveInt } from '../training/options';
import { LAYERS_PACKAGE, CORE_VERSION } from '../training/plugin-meta';
import { Callback, type CallbackPlugin, type Logs } from './callback';

/** Stops training as soon as a read loss is NaN or infinite. */
export class TerminateOnNaN extends Callback {
  /** The epoch (or `epoch:batch`) where a bad loss was seen, or null. */
  stoppedAt: string | null = null;
  private epoch = 0;

  /** How often (in batches) to read the loss; undefined checks only at epoch ends. */
  constructor(every?: number) {
    super();
    this.batchLogInterval = every;
  }

  override onEpochBegin(epoch: number): void {
    this.epoch = epoch;
  }

  override onBatchEnd(batch: number, logs: Logs | undefined): void {
    if (logs) this.check(logs, `${this.epoch}:${batch}`);
  }

  override onEpochEnd(epoch: number, logs: Logs): void {
    this.check(logs, String(epoch));
  }

  private check(logs: Logs, where: string): void {
    const loss = logs.loss;
    if (loss !== undefined && !Number.isFinite(loss) && this.stoppedAt === null) {
      this.stoppedAt = where;
      this.context.stopTraining = true;
    }
  }
}

/**
 * Stops training when the loss becomes NaN or infinite. The loss is read at each epoch end, or
 * every `checkEvery` batches (each read waits for the device).
 *
 * @example
 * ```ts
 * await model.fit(x, y, { epochs: 50, callbacks: [terminateOnNaN({ checkEvery: 10 })] });
 * ```
 */
export function terminateOnNaN(options: { checkEvery?: number } = {}): TerminateOnNaN {
  checkOptions('terminateOnNaN', options, ['checkEvery']);
  return new TerminateOnNaN(options.checkEvery === undefined ? undefined : positiveInt('terminateOnNaN', 'checkEvery', options.checkEvery));
}

/** The `terminateOnNaN` callback plugin. @example `use(terminateOnNaNCallback)` */
export const terminateOnNaNCallback: CallbackPlugin = {
  kind: 'callback', name: 'terminateOnNaN', package: LAYERS_PACKAGE, coreVersion: CORE_VERSION, create: (o) => terminateOnNaN(o as { checkEvery?: number }),
};
