import { checkOptions, positiveInt } from '../training/options';
import { LAYERS_PACKAGE, CORE_VERSION } from '../training/plugin-meta';
import { Callback, type CallbackPlugin, type Logs } from './callback';

/**
 * Where the bar writes: `process.stdout` by default in Node; `console.log` lines elsewhere.
 *
 * @example
 * ```ts
 * const lines: string[] = [];
 * const out: ProgressStream = { write: (s) => lines.push(s), isTTY: false };
 * ```
 */
export interface ProgressStream {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/**
 * Options of {@link progressBar}.
 *
 * @example
 * ```ts
 * const o: ProgressBarOptions = { width: 30, updateEvery: 5 };
 * ```
 */
export interface ProgressBarOptions {
  stream?: ProgressStream;
  /** Force the live bar (true) or plain lines (false); default: live only in a TTY outside CI. */
  live?: boolean;
  /** Live bar: redraw every this many batches (default: about 20 redraws per epoch). */
  updateEvery?: number;
  /** Live bar: the bar's width in characters (default 30). */
  width?: number;
  /** The clock in milliseconds (tests inject one). */
  now?: () => number;
}

function defaultStream(): ProgressStream {
  const out = (globalThis as { process?: { stdout?: ProgressStream } }).process?.stdout;
  if (out && typeof out.write === 'function') return out;
  let pending = '';
  return {
    write: (s: string) => {
      pending += s.replace(/\r[^\n]*/g, '');
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) console.log(line);
    },
  };
}

function inCI(): boolean {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env?.CI !== undefined && env.CI !== '' && env.CI !== 'false';
}

/** `1.234s`, `850ms`, `2m05s`: the same form for elapsed time and ETA. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)}s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

/** ` - loss: 0.6931 - accuracy: 0.5000` (4 decimals, or exponent form for tiny/huge values). */
export function formatLogs(logs: Logs): string {
  return Object.entries(logs)
    .map(([k, v]) => {
      const a = Math.abs(v);
      const text = Number.isFinite(v) && v !== 0 && (a < 1e-3 || a >= 1e5) ? v.toExponential(3) : v.toFixed(4);
      return ` - ${k}: ${text}`;
    })
    .join('');
}

/** Keras-style progress: a live bar with ETA in a terminal, one plain line per epoch otherwise. */
export class ProgressBar extends Callback {
  private readonly stream: ProgressStream;
  private readonly live: boolean;
  private readonly width: number;
  private readonly now: () => number;
  private readonly updateEvery: number | undefined;
  private epochStart = 0;
  private epoch = 0;

  constructor(options: ProgressBarOptions = {}) {
    super();
    checkOptions('progressBar', options, ['stream', 'live', 'updateEvery', 'width', 'now']);
    this.stream = options.stream ?? defaultStream();
    this.live = options.live ?? (this.stream.isTTY === true && !inCI());
    this.width = positiveInt('progressBar', 'width', options.width ?? 30);
    this.updateEvery = options.updateEvery === undefined ? undefined : positiveInt('progressBar', 'updateEvery', options.updateEvery);
    this.now = options.now ?? (() => performance.now());
  }

  override onTrainBegin(): void {
    if (this.live) this.batchLogInterval = this.updateEvery ?? Math.max(1, Math.floor(this.context.stepsPerEpoch / 20));
  }

  override onEpochBegin(epoch: number): void {
    this.epoch = epoch;
    this.epochStart = this.now();
  }

  override onBatchEnd(batch: number, logs: Logs | undefined): void {
    if (!this.live || logs === undefined) return;
    const steps = this.context.stepsPerEpoch;
    const done = batch + 1;
    const elapsed = this.now() - this.epochStart;
    const eta = (elapsed / done) * (steps - done);
    this.stream.write(`\r${this.header()} ${this.bar(done / steps)} ${done}/${steps} - ETA ${formatDuration(eta)}${formatLogs(logs)}\x1b[K`);
  }

  override onEpochEnd(_epoch: number, logs: Logs): void {
    const steps = this.context.stepsPerEpoch;
    const elapsed = formatDuration(this.now() - this.epochStart);
    if (this.live) {
      this.stream.write(`\r${this.header()} ${this.bar(1)} ${steps}/${steps} - ${elapsed}${formatLogs(logs)}\x1b[K\n`);
    } else {
      this.stream.write(`${this.header()} - ${steps} step${steps === 1 ? '' : 's'} - ${elapsed}${formatLogs(logs)}\n`);
    }
  }

  private header(): string {
    return `Epoch ${this.epoch + 1}/${this.context.epochs}`;
  }

  private bar(fraction: number): string {
    const filled = Math.min(this.width, Math.floor(fraction * this.width));
    const head = filled < this.width ? '>' : '';
    return `[${'='.repeat(filled)}${head}${'.'.repeat(Math.max(0, this.width - filled - head.length))}]`;
  }
}

/**
 * A progress display: a live bar with ETA, loss and metrics when writing to a terminal, plain
 * lines (`Epoch 1/5 - 40 steps - 1.20s - loss: 0.6931`) when not a TTY or when `CI` is set.
 * `fit` adds one by default (`verbose: 1`).
 *
 * @example
 * ```ts
 * await model.fit(x, y, { epochs: 5, verbose: 0, callbacks: [progressBar({ width: 20 })] });
 * ```
 */
export function progressBar(options: ProgressBarOptions = {}): ProgressBar {
  return new ProgressBar(options);
}

/** The `progressBar` callback plugin. @example `use(progressBarCallback)` */
export const progressBarCallback: CallbackPlugin = {
  kind: 'callback', name: 'progressBar', package: LAYERS_PACKAGE, coreVersion: CORE_VERSION, create: (o) => progressBar(o as ProgressBarOptions),
};
