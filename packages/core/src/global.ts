/*
 * Process-wide state lives on globalThis under a Symbol.for key: the ESM and CJS builds of a
 * package, or two installed copies, must see one registry and one engine.
 */
const KEY = Symbol.for('tensorkit.registry');

/**
 * The shared state object. `slots` holds state other packages keep process-wide (the engine's
 * state is `slots.engine`), so they get the same sharing for free.
 *
 * @example
 * ```ts
 * const engineState = globalState().slots['engine'];
 * ```
 */
export interface GlobalState {
  /** The layout version of this object; bumped only on incompatible changes. */
  readonly layout: 1;
  /** kind -> name -> registered entry. */
  readonly plugins: Map<string, Map<string, RegisteredEntry>>;
  /** backend -> kernel name -> kernel config (a fast path for dispatch). */
  readonly kernels: Map<string, Map<string, unknown>>;
  /** Named slots for other packages' process-wide state. */
  readonly slots: Record<string, unknown>;
}

/**
 * One registered plugin, with the name it was registered under and whether it is an alias.
 *
 * @example
 * ```ts
 * const entry: RegisteredEntry = { plugin: relu, canonical: 'relu', owner: '@tensorkit/activations' };
 * ```
 */
export interface RegisteredEntry {
  readonly plugin: unknown;
  readonly canonical: string;
  readonly owner: string;
}

/**
 * Returns the process-wide tensorkit state, creating it on first use.
 *
 * @example
 * ```ts
 * globalState().plugins.get('optimizer');
 * ```
 */
export function globalState(): GlobalState {
  const g = globalThis as unknown as Record<symbol, GlobalState | undefined>;
  let state = g[KEY];
  if (!state) {
    state = { layout: 1, plugins: new Map(), kernels: new Map(), slots: {} };
    g[KEY] = state;
  }
  return state;
}
