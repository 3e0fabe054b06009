import { checkOptions } from '../training/options';
import { LAYERS_PACKAGE, CORE_VERSION } from '../training/plugin-meta';
import { saveModel } from '../io/save-load';
import type { ModelStore } from '../io/storage';
import { Callback, type CallbackPlugin, type Logs } from './callback';
import { Monitor, type MonitorMode } from './monitor';

/**
 * Options of {@link modelCheckpoint}.
 *
 * @example
 * ```ts
 * const o: ModelCheckpointOptions = { monitor: 'val_accuracy', mode: 'max' };
 * ```
 */
export interface ModelCheckpointOptions {
  /** The log key deciding "best" (default `'val_loss'`). */
  monitor?: string;
  mode?: MonitorMode;
  minDelta?: number;
}

/** Saves the model whenever the monitored value reaches a new best. */
export class ModelCheckpoint extends Callback {
  private readonly monitor: Monitor;
  /** The epochs at which the model was saved. */
  readonly savedEpochs: number[] = [];

  constructor(
    private readonly target: string | ModelStore,
    options: ModelCheckpointOptions = {},
  ) {
    super();
    checkOptions('modelCheckpoint', options, ['monitor', 'mode', 'minDelta']);
    this.monitor = new Monitor('modelCheckpoint', options.monitor ?? 'val_loss', options.mode, options.minDelta ?? 0);
  }

  override onTrainBegin(): void {
    this.monitor.check(this.context);
    this.monitor.reset();
  }

  override async onEpochEnd(epoch: number, logs: Logs): Promise<void> {
    if (!this.monitor.improve(this.monitor.value(logs))) return;
    await saveModel(this.context.model, this.target);
    this.savedEpochs.push(epoch);
  }
}

/**
 * Saves the model (architecture + safetensors weights) each time `monitor` improves, so the
 * target always holds the best model so far (Keras `ModelCheckpoint(save_best_only=True)`).
 *
 * @example
 * ```ts
 * await model.fit(x, y, { epochs: 50, validationSplit: 0.2, callbacks: [modelCheckpoint('./best-model')] });
 * ```
 */
export function modelCheckpoint(target: string | ModelStore, options: ModelCheckpointOptions = {}): ModelCheckpoint {
  return new ModelCheckpoint(target, options);
}

/** The `modelCheckpoint` callback plugin (`{ target, monitor, mode, minDelta }`). @example `use(modelCheckpointCallback)` */
export const modelCheckpointCallback: CallbackPlugin = {
  kind: 'callback', name: 'modelCheckpoint', package: LAYERS_PACKAGE, coreVersion: CORE_VERSION,
  create: (o) => {
    const { target, ...rest } = (o ?? {}) as unknown as { target: string | ModelStore } & ModelCheckpointOptions;
    return modelCheckpoint(target, rest);
  },
};
