/**
 * `lr_schedulers.json`: 30-epoch learning-rate sequences. Schedules are JS-double arithmetic,
 * independent of any backend, and the oracle's tolerance for them (1e-12) is beyond a float32
 * tensor. So, like `init.json`, they are not a per-backend case table: {@link lrSchedulersHostTable}
 * runs each case with `@tensorkit/optim`'s schedulers on the host, following the oracle's
 * protocol (an `SGD(lr=0.1, momentum=0.9)` optimizer, the lr read before each `step()`), and the
 * conformance package's `test/lr-schedulers.test.ts` compares every sequence with
 * {@link LR_SCHEDULE_TOLERANCE}. The backend suite lists the op ids as excluded with that reason.
 */
import {
  SGD, stepLR, multiStepLR, exponentialLR, cosineAnnealingLR, cosineAnnealingWarmRestarts, linearLR, constantLR, polynomialLR,
  oneCycleLR, reduceLROnPlateau, type Scheduler, type SchedulerPlugin,
} from '@tensorkit/optim';
import { variable } from '@tensorkit/tensor';
import type { Tolerance } from '../compare';
import type { HostTensor } from '../from-torch';
import type { OracleCase, ParamValue } from '../oracle';

/** The oracle README's tolerance for values "computed only in JS doubles". */
export const LR_SCHEDULE_TOLERANCE: Tolerance = { rtol: 1e-12, atol: 1e-15 };

/** The scheduler plugin of each op id. */
const PLUGINS: Readonly<Record<string, SchedulerPlugin<never>>> = {
  'sched.StepLR': stepLR, 'sched.MultiStepLR': multiStepLR, 'sched.ExponentialLR': exponentialLR,
  'sched.CosineAnnealingLR': cosineAnnealingLR, 'sched.CosineAnnealingWarmRestarts': cosineAnnealingWarmRestarts,
  'sched.LinearLR': linearLR, 'sched.ConstantLR': constantLR, 'sched.PolynomialLR': polynomialLR,
  'sched.OneCycleLR': oneCycleLR, 'sched.ReduceLROnPlateau': reduceLROnPlateau,
} as unknown as Readonly<Record<string, SchedulerPlugin<never>>>;

/** `params` keys that describe the run rather than the scheduler. */
const PROTOCOL_KEYS = new Set(['scheduler', 'base_lr', 'epochs', 'optimizer']);

/** PyTorch's scheduler arguments under tensorkit's names (`T_max` → `tMax`, `min_lr` → `minLr`). */
export function schedulerOptions(params: Readonly<Record<string, ParamValue>>): Record<string, ParamValue> {
  const camel = (k: string): string => {
    const s = k.replace(/_([a-zA-Z0-9])/g, (_, c: string) => c.toUpperCase());
    return s.charAt(0).toLowerCase() + s.slice(1);
  };
  return Object.fromEntries(Object.entries(params).filter(([k]) => !PROTOCOL_KEYS.has(k)).map(([k, v]) => [camel(k), v]));
}

/** Runs one case's protocol and returns its outputs (`lr`, and `momentum` for OneCycleLR) in doubles. */
export function runLrSchedule(c: OracleCase): Record<string, HostTensor> {
  const plugin = PLUGINS[c.op];
  if (plugin === undefined) throw new Error(`no tensorkit scheduler for op '${c.op}'`);
  const epochs = Number(c.params.epochs ?? 30);
  const w = variable([0]);
  try {
    const optimizer = new SGD([w], { lr: 0.1, momentum: 0.9 });
    const scheduler: Scheduler = plugin.create(optimizer, schedulerOptions(c.params) as never);
    const metrics = c.inputs.metrics?.data;
    const lr: number[] = [];
    const momentum: number[] = [];
    for (let e = 0; e < epochs; e++) {
      lr.push(optimizer.paramGroups[0]!.lr);
      momentum.push(optimizer.paramGroups[0]!.momentum);
      if (metrics) scheduler.step(metrics[e]!);
      else scheduler.step();
    }
    const host = (data: number[]): HostTensor => ({ shape: [epochs], data, dtype: 'float32' });
    return { lr: host(lr), ...(c.outputs.momentum ? { momentum: host(momentum) } : {}) };
  } finally {
    w.dispose();
  }
}

/** The runner of each op id of `lr_schedulers.json`. */
export const lrSchedulersHostTable: Readonly<Record<string, (c: OracleCase) => Record<string, HostTensor>>> = Object.fromEntries(
  Object.keys(PLUGINS).map((op) => [op, runLrSchedule]),
);

/** The op ids of `lr_schedulers.json`, excluded from the per-backend suite with the reason. */
export const lrSchedulersExcluded: Readonly<Record<string, string>> = Object.fromEntries(
  Object.keys(PLUGINS).map((op) => [op, 'JS-double schedules at 1e-12, run on the host by test/lr-schedulers.test.ts']),
);
