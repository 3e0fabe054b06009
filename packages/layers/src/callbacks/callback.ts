import type { NamedPlugin } from '@tensorkit/core';
import type { Module } from '../module';

/**
 * Values read back from the device: `loss`, each metric by name, and `val_`-prefixed
 * validation values.
 *
 * @example
 * ```ts
 * const logs: Logs = { loss: 0.31, accuracy: 0.9, val_loss: 0.35 };
 * ```
 */
export type Logs = Record<string, number>;

/**
 * What a callback knows about the run, set by `fit` before `onTrainBegin`. A callback stops
 * training by setting `stopTraining` (checked after every batch and epoch).
 *
 * @example
 * ```ts
 * class StopAtEpoch3 extends Callback {
 *   override onEpochEnd(epoch: number) { if (epoch === 2) this.context.stopTraining = true; }
 * }
 * ```
 */
export interface TrainingContext {
  readonly model: Module;
  /** The optimizer `fit` steps (created from the compile config once the model is built). */
  readonly optimizer: { readonly paramGroups: readonly { lr: number }[] };
  readonly epochs: number;
  /** The epoch the run starts at (`initialEpoch`). */
  readonly initialEpoch: number;
  readonly batchSize: number;
  readonly stepsPerEpoch: number;
  readonly samples: number;
  /** Every key the epoch logs will have, e.g. `['loss', 'accuracy', 'val_loss', 'val_accuracy']`. */
  readonly logKeys: readonly string[];
  stopTraining: boolean;
}

/**
 * The base of every callback. Hooks may be async; `fit` awaits them. `onBatchEnd` receives
 * `logs` (running means over the epoch so far) only on batches where some callback asked for them
 * through `batchLogInterval`, because reading them waits for the device.
 *
 * @example
 * ```ts
 * class PrintLoss extends Callback {
 *   override onEpochEnd(epoch: number, logs: Logs) { console.log(epoch, logs.loss); }
 * }
 * await model.fit(x, y, { epochs: 3, callbacks: [new PrintLoss()] });
 * ```
 */
export abstract class Callback {
  /** Set by `fit` before `onTrainBegin`. */
  context!: TrainingContext;
  /** Ask for running logs in `onBatchEnd` every this many batches (undefined: never). */
  batchLogInterval: number | undefined = undefined;

  /** Called by `fit` to hand over the run's context. */
  setContext(context: TrainingContext): void {
    this.context = context;
  }
  onTrainBegin(): void | Promise<void> {}
  onEpochBegin(_epoch: number): void | Promise<void> {}
  onBatchEnd(_batch: number, _logs: Logs | undefined): void | Promise<void> {}
  onEpochEnd(_epoch: number, _logs: Logs): void | Promise<void> {}
  onTrainEnd(_logs: Logs | undefined): void | Promise<void> {}
}

/**
 * The plugin of a callback: `fit(x, y, { callbacks: ['terminateOnNaN'] })` looks it up and calls
 * `create`. Custom callbacks are plugins too.
 *
 * @example
 * ```ts
 * const printLoss: CallbackPlugin = { kind: 'callback', name: 'printLoss', create: () => new PrintLoss() };
 * use(printLoss);
 * ```
 */
export interface CallbackPlugin extends NamedPlugin<'callback'> {
  create(options?: Record<string, unknown>): Callback;
}
