import { ArgumentError, ShapeError, formatShape } from '@tensorkit/core';
import { noGrad } from '@tensorkit/autograd';
import { isTensor, variable, type Tensor, type Variable } from '@tensorkit/tensor';
import { formatSummary } from './summary';
import type { History } from './callbacks/history';
import type { Logs } from './callbacks/callback';
import { compile as compileModel, releaseCompiled } from './training/compile';
import { fit as fitModel, type FitOptions } from './training/fit';
import { evaluate as evaluateModel, predict as predictModel, type BatchOptions } from './training/evaluate';
import type { CompileConfig } from './training/types';

/** Options of {@link Module.loadStateDict}. */
export interface LoadStateDictOptions {
  /**
   * When true (the default), every parameter and buffer must be present and no extra key is
   * allowed. When false, missing and extra keys are ignored; the shapes of the others are still checked.
   */
  strict?: boolean;
}

/** Something that turns a weight into a scalar penalty (the regularizers of this package). */
export interface Penalty {
  penalty(w: Tensor): Tensor;
}

const NAME_RE = /^[A-Za-z0-9_]+$/;

/**
 * The base of every layer and model, with PyTorch's `nn.Module` semantics: it owns parameters
 * (trainable or frozen {@link Variable}s), buffers (non-trainable state such as batch norm's
 * running statistics) and sub-modules, all by name. Subclass it and write `forward` to build a
 * model that is not a plain stack of layers.
 *
 * @example
 * ```ts
 * class TwoTower extends Module {
 *   a = this.addModule('a', dense({ units: 4 }));
 *   b = this.addModule('b', dense({ units: 4 }));
 *   forward(x: Tensor): Tensor { return add(this.a.apply(x), this.b.apply(x)); }
 * }
 * const m = new TwoTower();
 * m.apply(randn([2, 3])).shape; // [2, 4]
 * m.namedParameters().map(([n]) => n); // ['a.kernel', 'a.bias', 'b.kernel', 'b.bias']
 * ```
 */
export abstract class Module {
  /** True in training mode (after construction and `train()`), false after `eval()`. */
  training = true;
  /** The shape of the last output (or the inferred one once a layer is built); `-1` marks an unknown batch size. */
  outputShape: number[] | undefined;
  private readonly ownParams = new Map<string, Variable>();
  private readonly ownBuffers = new Map<string, Variable>();
  private readonly ownModules = new Map<string, Module>();
  private readonly ownPenalties: [Variable, Penalty][] = [];

  /** The computation. Call {@link Module.apply} instead, which builds lazy layers first. */
  abstract forward(...inputs: Tensor[]): Tensor;

  /**
   * Runs the module: builds it on first use when its weights depend on the input shape, then
   * calls `forward`.
   *
   * @example
   * ```ts
   * const y = model.apply(x);
   * ```
   */
  apply(...inputs: Tensor[]): Tensor {
    inputs.forEach((x, i) => {
      if (!isTensor(x)) {
        throw new ArgumentError('INVALID_ARGUMENT', `${this.describe()}.apply: input ${i} is not a Tensor (got ${typeof x}); convert it with tensor(...)`);
      }
    });
    this.beforeForward(inputs);
    const y = this.forward(...inputs);
    this.outputShape = [...y.shape];
    return y;
  }

  /** Called by `apply` before `forward`: layers build their weights and check the input shape here. */
  protected beforeForward(inputs: readonly Tensor[]): void {
    void inputs;
  }

  /** The module's type for messages and summaries: the layer's registry name, else the class name. */
  describe(): string {
    return this.constructor.name;
  }

  private assertNewName(name: string, what: string): void {
    if (typeof name !== 'string' || !NAME_RE.test(name)) {
      throw new ArgumentError('INVALID_ARGUMENT', `${this.describe()}.${what}: name ${JSON.stringify(name)} must be letters, digits or '_' (dots separate levels)`);
    }
    if (this.ownParams.has(name) || this.ownBuffers.has(name) || this.ownModules.has(name)) {
      throw new ArgumentError('INVALID_ARGUMENT', `${this.describe()}.${what}: '${name}' is already registered on this module; pick another name`);
    }
  }

  /**
   * Registers a parameter. Takes ownership of `value`: it becomes the variable's data and must not
   * be disposed by the caller.
   */
  protected addParameter(name: string, value: Tensor, options: { trainable?: boolean } = {}): Variable {
    this.assertNewName(name, 'addParameter');
    const v = variable(value, { trainable: options.trainable ?? true, name });
    value.dispose();
    this.ownParams.set(name, v);
    return v;
  }

  /** Registers a buffer: non-trainable state saved in the state dict. Takes ownership of `value`. */
  protected addBuffer(name: string, value: Tensor): Variable {
    this.assertNewName(name, 'addBuffer');
    const v = variable(value, { trainable: false, name });
    value.dispose();
    this.ownBuffers.set(name, v);
    return v;
  }

  /** Registers a sub-module; its parameters appear as `<name>.<param>`. Returns it. */
  protected addModule<M extends Module>(name: string, m: M): M {
    this.assertNewName(name, 'addModule');
    if (!(m instanceof Module)) throw new ArgumentError('INVALID_ARGUMENT', `${this.describe()}.addModule: '${name}' is not a Module`);
    this.ownModules.set(name, m);
    return m;
  }

  /** Adds `reg.penalty(v)` to {@link Module.regularizationLosses}. */
  protected addPenalty(v: Variable, reg: Penalty): void {
    this.ownPenalties.push([v, reg]);
  }

  /**
   * Parameters by dotted name (`'layers.0.kernel'`): this module's own first, then each child's,
   * in registration order. Frozen (non-trainable) parameters are included.
   *
   * @example
   * ```ts
   * model.namedParameters().map(([name, v]) => `${name} ${v.shape}`);
   * ```
   */
  namedParameters(): [string, Variable][] {
    return this.collect((m) => m.ownParams);
  }

  /**
   * Every parameter, own and children's, in the order of {@link Module.namedParameters}.
   *
   * @example
   * ```ts
   * const opt = adam(model.parameters(), { lr: 1e-3 });
   * ```
   */
  parameters(): Variable[] {
    return this.namedParameters().map(([, v]) => v);
  }

  /**
   * The parameters an optimizer updates (`trainable` ones).
   *
   * @example
   * ```ts
   * model.trainableParameters().length;
   * ```
   */
  trainableParameters(): Variable[] {
    return this.parameters().filter((v) => v.trainable);
  }

  /**
   * Buffers by dotted name, e.g. `'layers.1.runningMean'`.
   *
   * @example
   * ```ts
   * batchNorm().apply(x); // after building, namedBuffers() lists runningMean and runningVar
   * ```
   */
  namedBuffers(): [string, Variable][] {
    return this.collect((m) => m.ownBuffers);
  }

  /**
   * Every buffer, own and children's.
   *
   * @example
   * ```ts
   * model.buffers().length;
   * ```
   */
  buffers(): Variable[] {
    return this.namedBuffers().map(([, v]) => v);
  }

  private collect(pick: (m: Module) => Map<string, Variable>): [string, Variable][] {
    const out: [string, Variable][] = [...pick(this)];
    for (const [name, child] of this.ownModules) {
      for (const [sub, v] of child.collect(pick)) out.push([`${name}.${sub}`, v]);
    }
    return out;
  }

  /**
   * The direct sub-modules, in registration order.
   *
   * @example
   * ```ts
   * model.children().length;
   * ```
   */
  children(): Module[] {
    return [...this.ownModules.values()];
  }

  /**
   * This module (named `''`) and every descendant, by dotted name, depth first.
   *
   * @example
   * ```ts
   * model.namedModules().map(([name]) => name); // ['', 'layers', 'layers.0', ...]
   * ```
   */
  namedModules(): [string, Module][] {
    const out: [string, Module][] = [['', this]];
    for (const [name, child] of this.ownModules) {
      for (const [sub, m] of child.namedModules()) out.push([sub === '' ? name : `${name}.${sub}`, m]);
    }
    return out;
  }

  /**
   * Sets training mode on this module and every descendant (dropout and batch norm read it).
   *
   * @example
   * ```ts
   * model.train();       // dropout active, batch statistics
   * model.train(false);  // same as eval()
   * ```
   */
  train(mode = true): this {
    if (typeof mode !== 'boolean') throw new ArgumentError('INVALID_ARGUMENT', `${this.describe()}.train: mode must be a boolean, got ${String(mode)}`);
    for (const [, m] of this.namedModules()) m.training = mode;
    return this;
  }

  /**
   * Sets evaluation mode recursively: dropout is the identity, batch norm uses running statistics.
   *
   * @example
   * ```ts
   * const y = model.eval().apply(x);
   * ```
   */
  eval(): this {
    return this.train(false);
  }

  /**
   * Parameters and buffers by dotted name. The values are the variables themselves, not copies:
   * clone them to keep a snapshot across training steps.
   *
   * @example
   * ```ts
   * Object.keys(model.stateDict()); // ['layers.0.kernel', 'layers.0.bias', ...]
   * ```
   */
  stateDict(): Record<string, Tensor> {
    return Object.fromEntries([...this.namedParameters(), ...this.namedBuffers()]);
  }

  /**
   * Replaces parameter and buffer values from `state` (keyed as in {@link Module.stateDict}). Every
   * name, shape and dtype is checked before anything is assigned, so on any problem it throws and
   * the module is left untouched. The tensors are shared, not copied.
   *
   * @example
   * ```ts
   * const copy = new Sequential([dense({ units: 2, inputShape: [3] })]);
   * copy.loadStateDict(model.stateDict());
   * ```
   */
  loadStateDict(state: Record<string, Tensor>, options: LoadStateDictOptions = {}): void {
    const op = `${this.describe()}.loadStateDict`;
    if (typeof state !== 'object' || state === null) throw new ArgumentError('INVALID_ARGUMENT', `${op}: expected an object of tensors by name, got ${String(state)}`);
    const strict = options.strict ?? true;
    const own = new Map([...this.namedParameters(), ...this.namedBuffers()]);
    const problems: string[] = [];
    if (strict) {
      const missing = [...own.keys()].filter((k) => !(k in state));
      const extra = Object.keys(state).filter((k) => !own.has(k));
      if (missing.length > 0) problems.push(`missing ${missing.map((k) => `'${k}'`).join(', ')}`);
      if (extra.length > 0) problems.push(`unexpected ${extra.map((k) => `'${k}'`).join(', ')}`);
    }
    const pairs: [Variable, Tensor][] = [];
    for (const [name, target] of own) {
      const value = state[name];
      if (value === undefined) continue;
      if (!isTensor(value)) {
        problems.push(`'${name}' is not a Tensor`);
      } else if (value.isDisposed) {
        problems.push(`'${name}' was disposed`);
      } else if (value.dtype !== target.dtype || formatShape(value.shape) !== formatShape(target.shape)) {
        problems.push(`'${name}' is ${formatShape(value.shape)} ${value.dtype} but the module has ${formatShape(target.shape)} ${target.dtype}`);
      } else {
        pairs.push([target, value]);
      }
    }
    if (problems.length > 0) {
      const hint = own.size === 0 ? '; the module has no weights yet: build it first (call it once, or give inputShape)' : '';
      throw new ShapeError('SHAPE_MISMATCH', `${op}: ${problems.join('; ')}. Nothing was loaded${hint}`);
    }
    noGrad(() => {
      for (const [target, value] of pairs) target.assign(value);
    });
  }

  /**
   * The penalties of every regularized weight (own and children's), computed now from the
   * current weights; `fit` adds their sum to the loss.
   *
   * @example
   * ```ts
   * const reg = model.regularizationLosses(); // [] when no layer has a regularizer
   * ```
   */
  regularizationLosses(): Tensor[] {
    const out: Tensor[] = [];
    for (const [, m] of this.namedModules()) for (const [v, reg] of m.ownPenalties) out.push(reg.penalty(v));
    return out;
  }

  /**
   * The number of scalar weights: parameters and buffers (Keras counts batch norm's running
   * statistics as non-trainable parameters too).
   *
   * @example
   * ```ts
   * new Sequential([dense({ units: 4, inputShape: [3] })]).countParams(); // 16
   * ```
   */
  countParams(): number {
    return [...this.parameters(), ...this.buffers()].reduce((n, v) => n + v.size, 0);
  }

  /**
   * A Keras-like table: one row per leaf module (dotted name and type, last output shape,
   * parameter count), then the total, trainable and non-trainable counts.
   *
   * @example
   * ```ts
   * console.log(model.summary());
   * ```
   */
  summary(): string {
    return formatSummary(this);
  }

  /**
   * Configures training: optimizer, loss and metrics, by registered name or object (see
   * {@link compile}). Warns when the output activation and the loss disagree about logits.
   *
   * @example
   * ```ts
   * model.compile({ optimizer: 'adam', loss: 'crossEntropy', metrics: ['accuracy'] });
   * ```
   */
  compile(config: CompileConfig): void {
    compileModel(this, config);
  }

  /**
   * Trains the compiled model (see {@link fit}): `batchSize: n` is batch gradient descent,
   * `1` stochastic, `k` mini-batch. Resolves to the {@link History}.
   *
   * @example
   * ```ts
   * const h = await model.fit(x, y, { epochs: 10, batchSize: 32, validationSplit: 0.2 });
   * ```
   */
  fit(x: Tensor, y: Tensor, options?: FitOptions): Promise<History> {
    return fitModel(this, x, y, options);
  }

  /**
   * Loss and metrics over `(x, y)` in eval mode (see {@link evaluate}).
   *
   * @example
   * ```ts
   * const { loss, accuracy } = await model.evaluate(xTest, yTest);
   * ```
   */
  evaluate(x: Tensor, y: Tensor, options?: BatchOptions): Promise<Logs> {
    return evaluateModel(this, x, y, options);
  }

  /**
   * Outputs for `x` in eval mode, batched (see {@link predict}).
   *
   * @example
   * ```ts
   * const probs = await model.predict(xTest);
   * ```
   */
  predict(x: Tensor, options?: BatchOptions): Promise<Tensor> {
    return predictModel(this, x, options);
  }

  /**
   * Frees every parameter and buffer, own and children's, and the optimizer `compile` created.
   * The module cannot be used afterwards.
   *
   * @example
   * ```ts
   * model.dispose();
   * ```
   */
  dispose(): void {
    releaseCompiled(this);
    for (const [, m] of this.namedModules()) {
      for (const v of [...m.ownParams.values(), ...m.ownBuffers.values()]) v.dispose();
    }
  }
}
