/**
 * How an oracle case is run: the {@link OpRunner} contract of the case tables, and
 * {@link runForward}, which converts the inputs, runs the op and reads the outputs back in
 * PyTorch's layout.
 */
import { vjp } from '@tensorkit/autograd';
import { dispose, tensor, tidy, type Tensor } from '@tensorkit/tensor';
import { fromTorch, toTorch, type HostTensor, type Layout } from './from-torch';
import type { OracleCase, OracleTensor, Params } from './oracle';
import type { ToleranceCategory } from './tolerance';

/** The case's inputs as tensorkit tensors (tensorkit layout, float32/int32/bool), by oracle name. */
export type CaseInputs = Readonly<Record<string, Tensor>>;

/** The op's outputs, by oracle output name, in tensorkit layout. */
export type CaseOutputs = Readonly<Record<string, Tensor>>;

/**
 * One entry of a case table: how to run every oracle case with a given `op` id.
 *
 * `forward` is a pure, synchronous function of the converted inputs, so that it runs inside
 * `tidy` and can be differentiated: {@link runGrads} takes the vector-Jacobian product of
 * `forward` over the outputs in `grad_of` ({@link forwardVjp}), with the oracle's upstream
 * converted by `outputLayouts`, and converts each gradient back with `inputLayouts` (a gradient
 * has its input's layout). An op whose gradient cannot be checked that way adds a `grads` runner
 * of its own next to `forward`.
 */
export interface OpRunner {
  /** Decides the default tolerance (see `DEFAULT_TOLERANCES`). Int and bool outputs are always exact. */
  readonly category: ToleranceCategory;
  /** Layout of each oracle input; `plain` when absent. */
  readonly inputLayouts?: Readonly<Record<string, Layout>>;
  /** Layout of each oracle output; `plain` when absent. */
  readonly outputLayouts?: Readonly<Record<string, Layout>>;
  /** Runs the tensorkit op(s). Must return exactly the oracle's outputs, by name. */
  readonly forward: (inputs: CaseInputs, params: Params, c: OracleCase) => CaseOutputs;
  /**
   * Computes the oracle's `grads` (vector-Jacobian products of the outputs in `grad_of` with
   * `upstream`, in tensorkit layout) for the case's float inputs, by input name. Optional: without
   * it the gradients are the VJP of `forward` ({@link forwardVjp}). The suite checks the grads of
   * every case that has them either way.
   */
  readonly grads?: (inputs: CaseInputs, upstream: CaseOutputs, params: Params, c: OracleCase) => CaseOutputs;
}

/** A case table: runners by oracle `op` id. */
export type CaseTable = Readonly<Record<string, OpRunner>>;

/** Host data as a tensor in its dtype. */
export function hostToTensor(h: HostTensor): Tensor {
  const values =
    h.dtype === 'float32' ? Float32Array.from(h.data) : h.dtype === 'int32' ? Int32Array.from(h.data) : Uint8Array.from(h.data);
  return tensor(values, h.shape, h.dtype);
}

/** An oracle tensor converted to `layout` and uploaded. */
export function oracleToTensor(t: OracleTensor, layout: Layout = 'plain'): Tensor {
  return hostToTensor(fromTorch(t, layout));
}

/** Reads a tensor back as host data (awaiting the backend). */
export async function readHost(t: Tensor): Promise<HostTensor> {
  const data = await t.data();
  return { shape: [...t.shape], data: Array.from(data), dtype: t.dtype };
}

/**
 * Runs a case forward: converts its inputs, calls `runner.forward` inside `tidy`, reads every
 * output and converts it back to PyTorch's layout. Every tensor it creates is disposed.
 * Throws if the runner does not return exactly the oracle's outputs.
 */
export async function runForward(runner: OpRunner, c: OracleCase): Promise<Record<string, HostTensor>> {
  const inputs: Record<string, Tensor> = {};
  let outputs: CaseOutputs = {};
  try {
    for (const [name, t] of Object.entries(c.inputs)) inputs[name] = oracleToTensor(t, runner.inputLayouts?.[name]);
    outputs = tidy(() => runner.forward(inputs, c.params, c));
    const got = Object.keys(outputs).sort();
    const want = Object.keys(c.outputs).sort();
    if (got.join() !== want.join()) {
      throw new Error(`the runner of '${c.op}' returned outputs [${got.join(', ')}], the oracle has [${want.join(', ')}]`);
    }
    const result: Record<string, HostTensor> = {};
    for (const [name, t] of Object.entries(outputs)) result[name] = toTorch(await readHost(t), runner.outputLayouts?.[name]);
    return result;
  } finally {
    dispose(Object.values(inputs));
    dispose(Object.values(outputs));
  }
}

/**
 * The oracle's upstream cotangent of a case, by output name: a single tensor belongs to the one
 * output in `grad_of`; absent means 1 for a scalar output.
 */
export function upstreamOf(c: OracleCase): Record<string, OracleTensor> {
  const gradOf = c.grad_of ?? [];
  const up = c.upstream;
  if (up === undefined) {
    return Object.fromEntries(gradOf.map((name) => [name, { shape: c.outputs[name]?.shape ?? [], data: [1] }]));
  }
  if ('shape' in up && 'data' in up) {
    if (gradOf.length !== 1) throw new Error(`case ${c.name}: one upstream tensor for grad_of [${gradOf.join(', ')}]`);
    return { [gradOf[0]!]: up as OracleTensor };
  }
  return { ...(up as Readonly<Record<string, OracleTensor>>) };
}

/**
 * The generic gradient of a case: the vector-Jacobian product (autograd's `vjp`) of
 * `runner.forward` over the outputs in `grad_of`, with `upstream`, with respect to the inputs
 * named in the oracle's `grads`. Every other input (int indices, bool conditions, labels) is a
 * constant, as in PyTorch. Gradients come back in tensorkit layout, by input name.
 */
export function forwardVjp(runner: OpRunner, inputs: CaseInputs, upstream: CaseOutputs, params: Params, c: OracleCase): CaseOutputs {
  const wrt = Object.keys(c.grads ?? {});
  const gradOf = c.grad_of ?? [];
  if (gradOf.length === 0) throw new Error(`case ${c.name} has grads but no grad_of`);
  const f = (...xs: Tensor[]): Tensor[] => {
    const all: Record<string, Tensor> = { ...inputs };
    wrt.forEach((name, i) => {
      all[name] = xs[i]!;
    });
    const outputs = runner.forward(all, params, c);
    return gradOf.map((name) => {
      const y = outputs[name];
      if (y === undefined) throw new Error(`the runner of '${c.op}' returned no output '${name}' (grad_of of case ${c.name})`);
      return y;
    });
  };
  const dys = gradOf.map((name) => {
    const dy = upstream[name];
    if (dy === undefined) throw new Error(`case ${c.name}: no upstream for output '${name}'`);
    return dy;
  });
  // vjp takes one dy for a single output and a list for several.
  const { grads } = vjp(f, wrt.map((name) => input(inputs, name)), dys.length === 1 ? dys[0]! : dys);
  return Object.fromEntries(wrt.map((name, i) => [name, grads[i]!]));
}

/**
 * Runs a case's gradient: converts its inputs and upstream (with `outputLayouts`), calls
 * `runner.grads` (or {@link forwardVjp}) inside `tidy`, and converts each gradient back to
 * PyTorch's layout with its input's layout. Throws if the result is not exactly the oracle's grads.
 */
export async function runGrads(runner: OpRunner, c: OracleCase): Promise<Record<string, HostTensor>> {
  const gradsFn = runner.grads ?? ((x: CaseInputs, up: CaseOutputs, p: Params, cc: OracleCase) => forwardVjp(runner, x, up, p, cc));
  const inputs: Record<string, Tensor> = {};
  const upstream: Record<string, Tensor> = {};
  let grads: CaseOutputs = {};
  try {
    for (const [name, t] of Object.entries(c.inputs)) inputs[name] = oracleToTensor(t, runner.inputLayouts?.[name]);
    for (const [name, t] of Object.entries(upstreamOf(c))) upstream[name] = oracleToTensor(t, runner.outputLayouts?.[name]);
    grads = tidy(() => gradsFn(inputs, upstream, c.params, c));
    const got = Object.keys(grads).sort();
    const want = Object.keys(c.grads ?? {}).sort();
    if (got.join() !== want.join()) {
      throw new Error(`the grads runner of '${c.op}' returned [${got.join(', ')}], the oracle has [${want.join(', ')}]`);
    }
    const result: Record<string, HostTensor> = {};
    for (const [name, t] of Object.entries(grads)) result[name] = toTorch(await readHost(t), runner.inputLayouts?.[name]);
    return result;
  } finally {
    dispose([Object.values(inputs), Object.values(upstream), Object.values(grads)]);
  }
}

/**
 * The inputs named `x0, x1, …` in order (the oracle's convention for `concat` and `stack`).
 */
export function numberedInputs(inputs: CaseInputs, prefix = 'x'): Tensor[] {
  const out: Tensor[] = [];
  for (let i = 0; inputs[`${prefix}${i}`] !== undefined; i++) out.push(inputs[`${prefix}${i}`]!);
  if (out.length !== Object.keys(inputs).filter((k) => k.startsWith(prefix)).length) {
    throw new Error(`inputs ${Object.keys(inputs).join(', ')} are not numbered ${prefix}0, ${prefix}1, … without gaps`);
  }
  return out;
}

/** An input by name, or an error naming the case's inputs. */
export function input(inputs: CaseInputs, name: string): Tensor {
  const t = inputs[name];
  if (t === undefined) throw new Error(`the case has no input '${name}' (it has ${Object.keys(inputs).join(', ')})`);
  return t;
}
