import { ArgumentError, lookup } from '@tensorkit/core';
import { checkOptions } from '../training/options';
import { LAYERS_PACKAGE, CORE_VERSION } from '../training/plugin-meta';
import { Callback, type CallbackPlugin, type Logs, type TrainingContext } from './callback';

/**
 * What the callback needs of an `@tensorkit/optim` scheduler.
 *
 * @example
 * ```ts
 * const s: SchedulerLike = stepLR(optimizer, { stepSize: 10 });
 * ```
 */
export interface SchedulerLike {
  readonly needsMetric?: boolean;
  step(metric?: number): void;
  getLastLr(): number[];
}

/**
 * A scheduler, a function making one from the optimizer `fit` uses (that optimizer is created
 * when training starts), or a registered scheduler name with its options.
 *
 * @example
 * ```ts
 * lrScheduler((opt) => new StepLR(opt, { stepSize: 10 }));
 * lrScheduler('cosineAnnealingLR', { options: { tMax: 50 } });
 * ```
 */
export type SchedulerSource = SchedulerLike | ((optimizer: TrainingContext['optimizer']) => SchedulerLike) | string;

/**
 * Options of {@link lrScheduler}.
 *
 * @example
 * ```ts
 * const o: LRSchedulerOptions = { monitor: 'val_loss' };
 * ```
 */
export interface LRSchedulerOptions {
  /** For schedulers that need a metric (reduceLROnPlateau): the log key (default `'val_loss'`, or `'loss'` without validation). */
  monitor?: string;
  /** The scheduler's own options when it is given by name. */
  options?: Record<string, unknown>;
}

/** Steps a learning-rate scheduler at the end of every epoch, logging `lr`. */
export class LRSchedulerCallback extends Callback {
  private scheduler: SchedulerLike | null = null;
  private monitorKey = '';

  constructor(
    private readonly source: SchedulerSource,
    private readonly options: LRSchedulerOptions = {},
  ) {
    super();
    checkOptions('lrScheduler', options, ['monitor', 'options']);
    const ok = typeof source === 'string' || typeof source === 'function' || (typeof source === 'object' && source !== null && typeof source.step === 'function');
    if (!ok) {
      throw new ArgumentError(
        'INVALID_ARGUMENT',
        `lrScheduler: expected a scheduler, a function (optimizer) => scheduler, or a scheduler name, got ${String(source)}`,
      );
    }
  }

  override onTrainBegin(): void {
    const s = this.source;
    if (typeof s === 'string') {
      const plugin = lookup('scheduler', s) as unknown as { create(o: unknown, options?: object): SchedulerLike };
      this.scheduler = plugin.create(this.context.optimizer, this.options.options);
    } else {
      this.scheduler = typeof s === 'function' ? s(this.context.optimizer) : s;
    }
    const keys = this.context.logKeys;
    this.monitorKey = this.options.monitor ?? (keys.includes('val_loss') ? 'val_loss' : 'loss');
    if (this.scheduler.needsMetric && !keys.includes(this.monitorKey)) {
      throw new ArgumentError('INVALID_ARGUMENT', `lrScheduler: monitor '${this.monitorKey}' is not logged (logs: ${keys.join(', ')})`);
    }
  }

  override onEpochEnd(_epoch: number, logs: Logs): void {
    logs.lr = this.context.optimizer.paramGroups[0]!.lr;
    if (this.scheduler!.needsMetric) this.scheduler!.step(logs[this.monitorKey]);
    else this.scheduler!.step();
  }
}

/**
 * Steps an `@tensorkit/optim` scheduler once per epoch; `reduceLROnPlateau` receives the
 * monitored value. The learning rate used during the epoch is logged as `lr`.
 *
 * @example
 * ```ts
 * await model.fit(x, y, { epochs: 30, callbacks: [lrScheduler('stepLR', { options: { stepSize: 10, gamma: 0.5 } })] });
 * ```
 */
export function lrScheduler(source: SchedulerSource, options: LRSchedulerOptions = {}): LRSchedulerCallback {
  return new LRSchedulerCallback(source, options);
}

/** The `lrScheduler` callback plugin (`{ scheduler, monitor, options }`). @example `use(lrSchedulerCallback)` */
export const lrSchedulerCallback: CallbackPlugin = {
  kind: 'callback', name: 'lrScheduler', package: LAYERS_PACKAGE, coreVersion: CORE_VERSION,
  create: (o) => {
    const { scheduler, ...rest } = (o ?? {}) as { scheduler?: SchedulerSource } & LRSchedulerOptions;
    return lrScheduler(scheduler as SchedulerSource, rest);
  },
};

