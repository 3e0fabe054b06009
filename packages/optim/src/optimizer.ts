/**
 * {@link Optimizer}: `torch.optim.Optimizer` with JS names. Every optimizer is this class driven
 * by an {@link UpdateRule} (its defaults, option checks, state and elementwise update), so param
 * groups, clipping, lazy state, `stateDict` and memory handling exist once.
 */
import { ArgumentError, ShapeError, formatShape } from '@tensorkit/core';
import { noGrad, variableGrads } from '@tensorkit/autograd';
import { clamp, clone, dispose, full, isTensor, isVariable, mul, tidy, variable, type Tensor, type Variable } from '@tensorkit/tensor';
import { clipCoefficient, totalNormOf } from './clip';
import { checkOptions, positive, show, type Check } from './validate';

/**
 * The hyperparameters every optimizer has. Each optimizer adds its own (`betas`, `momentum`, ...).
 *
 * @example
 * ```ts
 * const h: BaseHyper = { lr: 0.01 };
 * ```
 */
export interface BaseHyper {
  lr: number;
}

/**
 * One parameter group: its parameters and its own hyperparameters, all mutable (schedulers set
 * `lr`, and `momentum` or `betas[0]`). `initialLr` is set by the first scheduler attached, as
 * PyTorch's `initial_lr`, so that several schedulers share one base learning rate.
 *
 * @example
 * ```ts
 * optimizer.paramGroups[0]!.lr = 0.01;
 * ```
 */
export type ParamGroup<H extends BaseHyper = BaseHyper> = H & { params: Variable[]; initialLr?: number };

/**
 * A parameter group as passed to a constructor: its parameters and any hyperparameters that differ
 * from the optimizer's options.
 *
 * @example
 * ```ts
 * const g: ParamGroupInput<AdamOptions> = { params: [w], lr: 1e-4 };
 * ```
 */
export type ParamGroupInput<H> = { params: readonly Variable[] } & { [K in keyof H]?: H[K] | undefined };

/**
 * What an optimizer is constructed over: a list of variables (one group) or a list of groups.
 *
 * @example
 * ```ts
 * const p: ParamsInput<SGDOptions> = [{ params: [w] }, { params: [b], lr: 0.1 }];
 * ```
 */
export type ParamsInput<H> = readonly Variable[] | readonly ParamGroupInput<H>[];

/**
 * Keras-style clipping applied by `step` before the update (at most one of them):
 * - `clipNorm`: each gradient is rescaled to norm at most `clipNorm`, separately;
 * - `globalClipNorm`: all gradients together, as {@link clipGradNorm};
 * - `clipValue`: each element is clamped to `[-clipValue, clipValue]`.
 * Norm clipping multiplies by `min(1, maxNorm / (norm + 1e-6))`, PyTorch's formula.
 *
 * @example
 * ```ts
 * new Adam(params, { lr: 1e-3, globalClipNorm: 1 });
 * ```
 */
export interface ClipOptions {
  clipNorm?: number | undefined;
  globalClipNorm?: number | undefined;
  clipValue?: number | undefined;
}

/**
 * The options of an optimizer's constructor: its hyperparameters (any may be omitted: PyTorch's
 * defaults) and the clipping options.
 *
 * @example
 * ```ts
 * const o: OptimizerOptions<AdamHyper> = { lr: 1e-3, betas: [0.9, 0.99], clipNorm: 1 };
 * ```
 */
export type OptimizerOptions<H> = { [K in keyof H]?: H[K] | undefined } & ClipOptions;

/**
 * What {@link UpdateRule.update} receives for one parameter. `state` holds the parameter's state
 * tensors (as declared by `stateInit`); `step` is this update's step number, counting from 1.
 *
 * @example
 * ```ts
 * const update = ({ param, grad, group }: ParamUpdate<BaseHyper>) => param.assign(sub(param, mul(grad, group.lr)));
 * ```
 */
export interface ParamUpdate<H> {
  readonly param: Variable;
  readonly grad: Tensor;
  readonly state: Readonly<Record<string, Variable>>;
  /** Per-parameter numbers the rule keeps between steps (NAdam's momentum product), saved by `stateDict`. */
  readonly scalars: Record<string, number>;
  readonly step: number;
  readonly group: H;
}

/**
 * The definition of one optimizer algorithm. Third-party optimizers implement one and construct
 * `new Optimizer(rule, params, options)`.
 *
 * @example
 * ```ts
 * const signSgd: UpdateRule<{ lr: number }> = {
 *   name: 'signSgd', defaults: { lr: 0.01 }, checks: { lr: nonNegative }, stateInit: () => ({}),
 *   update: ({ param, grad, group }) => param.assign(sub(param, mul(sign(grad), group.lr))),
 * };
 * ```
 */
export interface UpdateRule<H extends BaseHyper> {
  /** The registry name (`'adam'`); `loadStateDict` refuses another optimizer's state. */
  readonly name: string;
  /** PyTorch's defaults. */
  readonly defaults: Readonly<H>;
  /** One check per hyperparameter; also the list of accepted option names. */
  readonly checks: { readonly [K in keyof H]: Check };
  /** Checks between options (e.g. nesterov needs momentum); throws naming the options. */
  readonly checkGroup?: (group: Readonly<H>) => void;
  /** The state tensors a parameter of this group needs, by name, with their initial fill value. */
  readonly stateInit: (group: Readonly<H>) => Readonly<Record<string, number>>;
  /** Names of the per-parameter numbers `update` keeps in `scalars` (required in a state dict once a step was taken). */
  readonly scalarKeys?: readonly string[];
  /** One elementwise update of one parameter; runs under `noGrad` and `tidy`, assigns `param` and `state`. */
  readonly update: (u: ParamUpdate<H>) => void;
}

/** Per-parameter state: the step count and the state tensors. */
interface ParamState {
  step: number;
  readonly tensors: Record<string, Variable>;
  readonly scalars: Record<string, number>;
}

/**
 * The serialisable state of an optimizer (PyTorch's `state_dict()` layout with JS names):
 * parameters are referred to by their position across all groups, in order. The tensors are new
 * handles owned by the caller: dispose them (`dispose(sd.state)`) when done.
 *
 * @example
 * ```ts
 * const sd = optimizer.stateDict();
 * sd.paramGroups[0]!.lr; // 0.001
 * ```
 */
export interface OptimizerStateDict {
  readonly optimizer: string;
  readonly state: Readonly<Record<number, ParamStateDict>>;
  readonly paramGroups: readonly (Readonly<Record<string, unknown>> & { readonly params: readonly number[] })[];
}

/**
 * The saved state of one parameter in an {@link OptimizerStateDict}.
 *
 * @example
 * ```ts
 * const entry: ParamStateDict = optimizer.stateDict().state[0]!; // { step: 3, tensors: { expAvg, expAvgSq }, scalars: {} }
 * ```
 */
export interface ParamStateDict {
  readonly step: number;
  readonly tensors: Readonly<Record<string, Tensor>>;
  readonly scalars: Readonly<Record<string, number>>;
}

const CLIP_CHECKS: Readonly<Record<keyof ClipOptions, Check>> = { clipNorm: positive, globalClipNorm: positive, clipValue: positive };

const label = (v: Variable): string => `'${v.name}' ${formatShape(v.shape)}`;

const cloneHyper = <T>(v: T): T => (Array.isArray(v) ? ([...v] as T) : v);

/**
 * Checks an optimizer's options against its rule (names, values, one clipping option at most,
 * the rule's cross-option checks) and splits them into the clipping settings and the group
 * defaults. Optimizers run it when built, and `sgd({ ... })` when options are chosen.
 * @internal
 */
export function resolveOptimizerOptions<H extends BaseHyper>(
  rule: UpdateRule<H>,
  options: OptimizerOptions<H>,
): { clip: ClipOptions; defaults: H } {
  checkOptions(rule.name, options, { ...rule.checks, ...CLIP_CHECKS });
  const { clipNorm, globalClipNorm, clipValue, ...hyper } = options;
  const clips = Object.entries({ clipNorm, globalClipNorm, clipValue }).filter(([, v]) => v !== undefined);
  if (clips.length > 1) {
    throw new ArgumentError(
      'INVALID_ARGUMENT',
      `${rule.name}: options ${clips.map(([k]) => `'${k}'`).join(' and ')} were both set; use only one of clipNorm, globalClipNorm and clipValue`,
    );
  }
  const defaults = { ...rule.defaults, ...definedOnly(hyper) } as H;
  rule.checkGroup?.(defaults);
  return { clip: Object.fromEntries(clips) as ClipOptions, defaults };
}

/**
 * An optimizer: parameter groups, lazily created per-parameter state, `step(grads)`,
 * `minimize(lossFn)`, `stateDict`/`loadStateDict` and `dispose`. The algorithm is its
 * {@link UpdateRule}; the built-in ones are the subclasses `SGD`, `Adam`, ... (PyTorch's names).
 *
 * There is no `zeroGrad`: gradients are never accumulated in the parameters, they are values
 * passed to `step` (the Map returned by `variableGrads`), so there is nothing to reset.
 *
 * @example
 * ```ts
 * const opt = new Adam([w, b], { lr: 1e-3 });
 * for (let i = 0; i < 100; i++) dispose(opt.minimize(() => mean(square(sub(add(matMul(x, w), b), y)))));
 * opt.dispose();
 * ```
 */
export class Optimizer<H extends BaseHyper = BaseHyper> {
  /** The registry name of the algorithm (`'adam'`). */
  readonly name: string;
  /** The parameter groups, with their mutable hyperparameters. */
  readonly paramGroups: ParamGroup<H>[];
  /** The hyperparameters a group gets when it does not set them: PyTorch's defaults overridden by the options. */
  readonly defaults: Readonly<H>;
  private readonly rule: UpdateRule<H>;
  private readonly clip: ClipOptions;
  private readonly state = new Map<Variable, ParamState>();
  private disposed = false;

  constructor(rule: UpdateRule<H>, params: ParamsInput<H>, options: OptimizerOptions<H> = {}) {
    this.rule = rule;
    this.name = rule.name;
    const { clip, defaults } = resolveOptimizerOptions(rule, options);
    this.clip = clip;
    this.defaults = defaults;
    this.paramGroups = this.buildGroups(params);
  }

  private buildGroups(params: ParamsInput<H>): ParamGroup<H>[] {
    const owner = this.rule.name;
    if (!Array.isArray(params) || params.length === 0) {
      throw new ArgumentError('INVALID_ARGUMENT', `${owner}: expected a non-empty list of Variables or of param groups { params, lr, ... }, got ${show(params)}`);
    }
    const inputs: readonly ParamGroupInput<H>[] = params.every(isVariable)
      ? [{ params: params as readonly Variable[] } as ParamGroupInput<H>]
      : (params as readonly ParamGroupInput<H>[]);
    const seen = new Map<Variable, number>();
    return inputs.map((input, gi) => {
      if (typeof input !== 'object' || input === null || !Array.isArray(input.params) || input.params.length === 0) {
        throw new ArgumentError('INVALID_ARGUMENT', `${owner}: param group ${gi} must be { params: [Variable, ...], ...options }, got ${show(input)}`);
      }
      const { params: vars, ...hyper } = input;
      checkOptions(`${owner} (param group ${gi})`, hyper, this.rule.checks);
      vars.forEach((v, i) => {
        if (!isVariable(v)) {
          throw new ArgumentError('INVALID_ARGUMENT', `${owner}: param group ${gi}, entry ${i} is not a Variable (got ${show(v)}); create parameters with variable()`);
        }
        const other = seen.get(v);
        if (other !== undefined) {
          throw new ArgumentError(
            'INVALID_ARGUMENT',
            `${owner}: parameter ${label(v)} appears in param group ${other} and ${other === gi ? 'again in the same group' : `param group ${gi}`}; list each parameter once`,
          );
        }
        seen.set(v, gi);
      });
      const group = { ...cloneAll(this.defaults), ...definedOnly(hyper), params: [...vars] } as ParamGroup<H>;
      this.rule.checkGroup?.(group);
      return group;
    });
  }

  /** Every parameter, across groups, in order (the indices used by {@link stateDict}). */
  params(): Variable[] {
    return this.paramGroups.flatMap((g) => g.params);
  }

  /**
   * One optimization step with the given gradients (the Map returned by `variableGrads`).
   * Parameters without a gradient in the Map are skipped, as PyTorch skips `grad is None`. The
   * gradients are not disposed. Clipping options apply first.
   *
   * @example
   * ```ts
   * const { value, grads } = variableGrads(() => loss(model(x), y));
   * optimizer.step(grads);
   * dispose([value, grads]);
   * ```
   */
  step(grads: Map<Variable, Tensor>): void {
    this.assertLive('step');
    if (!(grads instanceof Map)) {
      throw new ArgumentError('INVALID_ARGUMENT', `${this.name}.step: expected the Map of gradients returned by variableGrads, got ${show(grads)}`);
    }
    const work: { param: Variable; grad: Tensor; group: ParamGroup<H> }[] = [];
    for (const group of this.paramGroups) {
      for (const param of group.params) {
        const grad = grads.get(param);
        if (grad === undefined) continue;
        this.checkGrad(param, grad);
        work.push({ param, grad, group });
      }
    }
    if (work.length === 0) return;
    const states = work.map(({ param, group }) => this.stateOf(param, group));
    noGrad(() =>
      tidy(() => {
        const clipped = this.applyClipping(work.map((w) => w.grad));
        work.forEach(({ param, group }, i) => {
          const s = states[i]!;
          s.step++;
          this.rule.update({ param, grad: clipped[i]!, state: s.tensors, scalars: s.scalars, step: s.step, group });
        });
      }),
    );
  }

  /**
   * Computes the gradients of `lossFn` with respect to the trainable variables it uses, takes one
   * step, disposes the gradients and returns the loss (a scalar tensor, not read: nothing waits on
   * the GPU). The caller disposes the returned loss.
   *
   * @example
   * ```ts
   * const loss = optimizer.minimize(() => mean(square(sub(predict(x), y))));
   * loss.dispose();
   * ```
   */
  minimize(lossFn: () => Tensor): Tensor {
    this.assertLive('minimize');
    if (typeof lossFn !== 'function') {
      throw new ArgumentError('INVALID_ARGUMENT', `${this.name}.minimize: expected a function returning a scalar loss, got ${show(lossFn)}`);
    }
    const { value, grads } = variableGrads(lossFn);
    try {
      this.step(grads);
    } catch (e) {
      value.dispose();
      throw e;
    } finally {
      dispose([...grads.values()]);
    }
    return value;
  }

  /**
   * The optimizer's full state: step counts and state tensors per parameter (by index across
   * groups) and each group's hyperparameters. The tensors are new handles owned by the caller.
   *
   * @example
   * ```ts
   * const sd = optimizer.stateDict();
   * other.loadStateDict(sd);
   * dispose(sd.state);
   * ```
   */
  stateDict(): OptimizerStateDict {
    this.assertLive('stateDict');
    const index = new Map(this.params().map((p, i) => [p, i]));
    const state: Record<number, ParamStateDict> = {};
    for (const [param, s] of this.state) {
      const tensors = Object.fromEntries(Object.entries(s.tensors).map(([k, v]) => [k, clone(v)]));
      state[index.get(param)!] = { step: s.step, tensors, scalars: { ...s.scalars } };
    }
    let offset = 0;
    const paramGroups = this.paramGroups.map(({ params, ...hyper }) => {
      const ids = params.map((_, i) => offset + i);
      offset += params.length;
      return { ...cloneAll(hyper), params: ids };
    });
    return { optimizer: this.name, state, paramGroups };
  }

  /**
   * Restores a state from {@link stateDict} (of an optimizer of the same kind over parameters of
   * the same shapes, in the same groups). Everything is checked before anything changes: on an
   * error, the optimizer is left as it was. The tensors of `sd` are not taken over (dispose them).
   *
   * @example
   * ```ts
   * const restored = new Adam(model.parameters());
   * restored.loadStateDict(saved);
   * ```
   */
  loadStateDict(sd: OptimizerStateDict): void {
    this.assertLive('loadStateDict');
    const owner = `${this.name}.loadStateDict`;
    const fail: (why: string) => never = (why) => {
      throw new ArgumentError('INVALID_ARGUMENT', `${owner}: ${why}; pass the result of stateDict() of a '${this.name}' optimizer over the same parameters`);
    };
    if (typeof sd !== 'object' || sd === null) fail(`expected a state dict object, got ${show(sd)}`);
    if (sd.optimizer !== this.name) fail(`the state dict is of optimizer ${show(sd.optimizer)}, not '${this.name}'`);
    if (!Array.isArray(sd.paramGroups) || typeof sd.state !== 'object' || sd.state === null) fail("missing key 'paramGroups' or 'state'");
    if (sd.paramGroups.length !== this.paramGroups.length) {
      fail(`it has ${sd.paramGroups.length} param groups, this optimizer has ${this.paramGroups.length}`);
    }
    const params = this.params();
    const hypers = sd.paramGroups.map((g, gi) => {
      const own = this.paramGroups[gi]!;
      if (!Array.isArray(g.params) || g.params.length !== own.params.length) {
        fail(`param group ${gi} has ${Array.isArray(g.params) ? g.params.length : 'no'} parameters, expected ${own.params.length}`);
      }
      const { params: _ids, initialLr, ...hyper } = g as Record<string, unknown>;
      for (const key of Object.keys(this.rule.checks)) if (!(key in hyper)) fail(`param group ${gi} is missing key '${key}'`);
      checkOptions(`${owner} (param group ${gi})`, hyper, this.rule.checks);
      if (initialLr !== undefined) positive(owner, 'initialLr', initialLr);
      const merged = { ...cloneAll(hyper), ...(initialLr === undefined ? {} : { initialLr }) } as unknown as H;
      this.rule.checkGroup?.(merged);
      return merged;
    });
    const groupOf = this.paramGroups.flatMap((g, gi) => g.params.map(() => gi));
    const entries = Object.entries(sd.state).map(([key, entry]) => {
      const i = Number(key);
      const param = params[i];
      if (!Number.isInteger(i) || param === undefined) fail(`state entry ${key} is not the index of a parameter (0..${params.length - 1})`);
      if (typeof entry !== 'object' || entry === null || !Number.isInteger(entry.step) || entry.step < 0) {
        fail(`state entry ${key} needs a non-negative integer 'step'`);
      }
      const needed = Object.keys(this.rule.stateInit(hypers[groupOf[i]!]!));
      for (const name of needed) {
        const t = entry.tensors?.[name];
        if (!isTensor(t)) fail(`state entry ${key} is missing tensor '${name}'`);
        if (t.shape.length !== param!.shape.length || t.shape.some((d, k) => d !== param!.shape[k])) {
          fail(`state tensor '${name}' of entry ${key} is ${formatShape(t.shape)} but parameter ${label(param!)} is ${formatShape(param!.shape)}`);
        }
      }
      const scalars: Record<string, number> = {};
      for (const name of entry.step > 0 ? (this.rule.scalarKeys ?? []) : []) {
        const v = entry.scalars?.[name];
        if (typeof v !== 'number' || !Number.isFinite(v)) fail(`state entry ${key} is missing the number '${name}'`);
        scalars[name] = v!;
      }
      return { param: param!, step: entry.step, scalars, tensors: Object.fromEntries(needed.map((n) => [n, entry.tensors[n]!])) };
    });
    // Everything is valid: replace state and hyperparameters.
    this.disposeState();
    for (const { param, step, tensors, scalars } of entries) {
      const owned = Object.fromEntries(Object.entries(tensors).map(([n, t]) => [n, variable(t, { trainable: false, name: `${param.name}.${n}` })]));
      this.state.set(param, { step, tensors: owned, scalars });
    }
    this.paramGroups.forEach((group, gi) => {
      const g = group as unknown as Record<string, unknown>;
      delete g.initialLr;
      Object.assign(group, hypers[gi]);
    });
  }

  /**
   * Frees the per-parameter state tensors. The parameters themselves are not disposed.
   *
   * @example
   * ```ts
   * optimizer.dispose();
   * ```
   */
  dispose(): void {
    this.disposeState();
    this.disposed = true;
  }

  private disposeState(): void {
    for (const s of this.state.values()) for (const t of Object.values(s.tensors)) t.dispose();
    this.state.clear();
  }

  private assertLive(method: string): void {
    if (this.disposed) throw new ArgumentError('INVALID_ARGUMENT', `${this.name}.${method}: the optimizer was disposed; create a new one`);
  }

  private checkGrad(param: Variable, grad: unknown): void {
    if (!isTensor(grad)) {
      throw new ArgumentError('INVALID_ARGUMENT', `${this.name}.step: the gradient of parameter ${label(param)} is ${show(grad)}, not a Tensor`);
    }
    if (grad.shape.length !== param.shape.length || grad.shape.some((d, i) => d !== param.shape[i])) {
      throw new ShapeError(
        'SHAPE_MISMATCH',
        `${this.name}.step: the gradient of parameter ${label(param)} has shape ${formatShape(grad.shape)}; a gradient must have its parameter's shape (pass the Map from variableGrads)`,
      );
    }
  }

  /** The parameter's state, created on its first step (and completed if the group now needs more, e.g. amsgrad switched on). */
  private stateOf(param: Variable, group: ParamGroup<H>): ParamState {
    let s = this.state.get(param);
    if (s === undefined) {
      s = { step: 0, tensors: {}, scalars: {} };
      this.state.set(param, s);
    }
    for (const [name, fill] of Object.entries(this.rule.stateInit(group))) {
      if (s.tensors[name] !== undefined) continue;
      const init = full(param.shape, fill);
      s.tensors[name] = variable(init, { trainable: false, name: `${param.name}.${name}` });
      init.dispose();
    }
    return s;
  }

  private applyClipping(gs: Tensor[]): Tensor[] {
    const { clipNorm, globalClipNorm, clipValue } = this.clip;
    if (clipValue !== undefined) return gs.map((g) => clamp(g, -clipValue, clipValue));
    if (clipNorm !== undefined) return gs.map((g) => mul(g, clipCoefficient(totalNormOf([g], 2), clipNorm)));
    if (globalClipNorm !== undefined) {
      const coef = clipCoefficient(totalNormOf(gs, 2), globalClipNorm);
      return gs.map((g) => mul(g, coef));
    }
    return gs;
  }
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function cloneAll<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, cloneHyper(v)])) as T;
}

