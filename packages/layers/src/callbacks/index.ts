export { Callback, type CallbackPlugin, type Logs, type TrainingContext } from './callback';
export { History, history, historyCallback } from './history';
export { ProgressBar, progressBar, progressBarCallback, formatDuration, formatLogs, type ProgressBarOptions, type ProgressStream } from './progress-bar';
export { EarlyStopping, earlyStopping, earlyStoppingCallback, type EarlyStoppingOptions } from './early-stopping';
export { LRSchedulerCallback, lrScheduler, lrSchedulerCallback, type LRSchedulerOptions, type SchedulerLike, type SchedulerSource } from './lr-scheduler';
export { TerminateOnNaN, terminateOnNaN, terminateOnNaNCallback } from './terminate-on-nan';
export { ModelCheckpoint, modelCheckpoint, modelCheckpointCallback, type ModelCheckpointOptions } from './model-checkpoint';
export type { MonitorMode } from './monitor';

import type { CallbackPlugin } from './callback';
import { earlyStoppingCallback } from './early-stopping';
import { historyCallback } from './history';
import { lrSchedulerCallback } from './lr-scheduler';
import { modelCheckpointCallback } from './model-checkpoint';
import { progressBarCallback } from './progress-bar';
import { terminateOnNaNCallback } from './terminate-on-nan';

/** Every built-in callback plugin (what `./register` registers). */
export const CALLBACK_PLUGINS: readonly CallbackPlugin[] = [
  historyCallback, progressBarCallback, earlyStoppingCallback, lrSchedulerCallback, terminateOnNaNCallback, modelCheckpointCallback,
];

declare module '@tensorkit/core' {
  interface CallbackRegistry {
    history: CallbackPlugin; progressBar: CallbackPlugin; earlyStopping: CallbackPlugin; lrScheduler: CallbackPlugin;
    terminateOnNaN: CallbackPlugin; modelCheckpoint: CallbackPlugin;
  }
}
