import { globalState } from '@tensorkit/core';
import { isVariable, setKernelHook, type KernelRecord, type Tensor, type Variable } from '@tensorkit/tensor';
import { retain } from './retain';

/** The backward function of one recorded node, for nodes made by `customGrad`. */
export type NodeGradFn = (
  dys: readonly (Tensor | null)[],
  saved: { inputs: readonly Tensor[]; outputs: readonly Tensor[] },
) => readonly (Tensor | null)[];

/**
 * One recorded kernel call. `inputIds`/`outputIds` identify the tensors the user holds; `inputs`
 * and `outputs` are retained clones of them that share data, so a `tidy` inside the function
 * cannot free what the backward pass needs.
 * @internal
 */
export interface TapeNode {
  readonly kernelName: string;
  readonly attrs: object;
  readonly inputIds: readonly number[];
  readonly outputIds: readonly number[];
  readonly inputs: readonly Tensor[];
  readonly outputs: readonly Tensor[];
  readonly gradFn?: NodeGradFn;
  /** The inputs that were variables, so `variableGrads` can find what a loss used. */
  readonly sourceVariables?: readonly Variable[];
}

/** A tape: the nodes recorded while its gradient scope was open. @internal */
export interface Tape {
  readonly nodes: TapeNode[];
}

interface AutogradState {
  readonly tapes: Tape[];
}

function autogradState(): AutogradState {
  const slots = globalState().slots;
  return ((slots['autograd'] as AutogradState | undefined) ??= { tapes: [] });
}

/** Records a node on every open tape: outer tapes see inner backward passes (higher order). */
export function recordNode(record: KernelRecord, gradFn?: NodeGradFn): void {
  const { tapes } = autogradState();
  if (tapes.length === 0) return;
  const variables = record.inputs.filter(isVariable);
  const node: TapeNode = {
    kernelName: record.kernelName,
    attrs: record.attrs,
    inputIds: record.inputs.map((t) => t.id),
    outputIds: record.outputs.map((t) => t.id),
    inputs: record.inputs.map(retain),
    outputs: record.outputs.map(retain),
    ...(gradFn ? { gradFn } : {}),
    ...(variables.length ? { sourceVariables: variables } : {}),
  };
  for (const tape of tapes) tape.nodes.push(node);
}

const hook = { record: (r: KernelRecord) => recordNode(r) };

/** Opens a tape; the engine hook is installed while any tape is open. @internal */
export function openTape(): Tape {
  const state = autogradState();
  const tape: Tape = { nodes: [] };
  state.tapes.push(tape);
  if (state.tapes.length === 1) setKernelHook(hook);
  return tape;
}

/**
 * Closes `tape`. Its nodes' retained tensors are released once no open tape still holds them.
 * @internal
 */
export function closeTape(tape: Tape): void {
  const state = autogradState();
  const i = state.tapes.lastIndexOf(tape);
  if (i >= 0) state.tapes.splice(i, 1);
  if (state.tapes.length === 0) setKernelHook(null);
}

/** Frees a closed tape's retained tensors that no open tape shares. @internal */
export function releaseTape(tape: Tape): void {
  const stillHeld = new Set<TapeNode>();
  for (const open of autogradState().tapes) for (const n of open.nodes) stillHeld.add(n);
  for (const node of tape.nodes) {
    if (stillHeld.has(node)) continue;
    for (const t of node.inputs) t.dispose();
    for (const t of node.outputs) t.dispose();
  }
  tape.nodes.length = 0;
}
