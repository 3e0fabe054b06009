/**
 * The training loop. Steps run in bursts of `updateEvery`; after each burst the losses, gradient
 * norms, accuracies and the picture's data are read with async `data()` (one round trip), then
 * the loop yields to the event loop, so the page stays responsive on every backend.
 */
import { dispose, stack, type Tensor } from '@tensorkit/tensor';
import type { Session } from './session';

/** What a redraw needs, read from the device. */
export interface Update {
  /** Steps taken so far. */
  step: number;
  /** One loss per step of the burst (empty for a refresh without steps). */
  losses: ArrayLike<number>;
  /** Kernel gradient norms per dense layer at the burst's last step (empty without steps). */
  norms: ArrayLike<number>;
  /** Training accuracy, then held-out accuracy if any. */
  accuracy: ArrayLike<number>;
  /** See {@link EvalTensors.view}. */
  view: ArrayLike<number>;
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Longest stretch of steps without yielding, in ms: slow steps (big nets, software GL) still let the page paint. */
const SLICE_MS = 30;

export class TrainLoop {
  private running = false;
  private busy: Promise<void> = Promise.resolve();

  constructor(
    private readonly session: Session,
    private readonly onUpdate: (u: Update) => void,
    private readonly onError: (e: unknown) => void,
  ) {}

  get isRunning(): boolean {
    return this.running;
  }

  /** Trains until {@link stop}. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.busy = this.busy.then(() => this.run());
  }

  /** Stops after the current burst; resolves once nothing touches the session any more. */
  async stop(): Promise<void> {
    this.running = false;
    await this.busy;
  }

  /** One step and a redraw (ignored while running). */
  step(): Promise<void> {
    if (!this.running) this.busy = this.busy.then(async () => void (await this.guard(() => this.burst(1))));
    return this.busy;
  }

  /** A redraw without training (the initial picture). */
  refresh(): Promise<void> {
    this.busy = this.busy.then(async () => void (await this.guard(() => this.burst(0))));
    return this.busy;
  }

  private async run(): Promise<void> {
    while (this.running) {
      const ok = await this.guard(() => this.burst(this.session.config.updateEvery));
      if (!ok) this.running = false;
      await yieldToEventLoop();
    }
  }

  private async guard(fn: () => Promise<void>): Promise<boolean> {
    try {
      await fn();
      return true;
    } catch (e) {
      this.onError(e);
      return false;
    }
  }

  private async burst(steps: number): Promise<void> {
    const owned: Tensor[] = [];
    let update: Update;
    try {
      const losses: Tensor[] = [];
      let norms: Tensor | undefined;
      let slice = performance.now();
      for (let i = 0; i < steps; i++) {
        if (performance.now() - slice > SLICE_MS) {
          await yieldToEventLoop();
          slice = performance.now();
        }
        const out = this.session.step(i === steps - 1);
        losses.push(out.loss);
        owned.push(out.loss);
        if (out.norms) owned.push((norms = out.norms));
      }
      const evaluated = this.session.evaluate();
      owned.push(evaluated.accuracy, evaluated.view);
      const lossVector = steps > 0 ? stack(losses) : undefined;
      if (lossVector) owned.push(lossVector);
      const none = new Float32Array(0);
      const [l, g, accuracy, view] = await Promise.all([
        lossVector?.data() ?? none,
        norms?.data() ?? none,
        evaluated.accuracy.data(),
        evaluated.view.data(),
      ]);
      update = { step: this.session.steps, losses: l, norms: g, accuracy, view };
    } finally {
      dispose(owned);
    }
    // after the dispose, so the page sees the steady-state tensor count
    this.onUpdate(update);
  }
}
