import { DTypeError, TensorkitError, formatShape, has, lookup } from '@tensorkit/core';
import { add, tidy, zerosLike, type Tensor } from '@tensorkit/tensor';
import type { GradFunc } from './gradient-types';
import { BUILTIN_GRADIENTS } from './gradients/index';
import type { Tape, TapeNode } from './tape';

/** The gradient function of a kernel: a registered plugin first, then the built-in table. */
function gradFuncOf(kernelName: string): GradFunc {
  if (has('gradient', kernelName)) return lookup('gradient', kernelName).gradFunc as unknown as GradFunc;
  const builtin = BUILTIN_GRADIENTS[kernelName];
  if (builtin) return builtin;
  throw new TensorkitError(
    'NOT_DIFFERENTIABLE',
    `grad: kernel '${kernelName}' has no gradient; register one with use({ kind: 'gradient', kernelName: '${kernelName}', gradFunc }) ` +
      'or wrap the computation in customGrad',
  );
}

/**
 * The nodes on a path from some x to some y, in recording order, and the ids of every tensor
 * that depends on some x (only those need a gradient).
 */
function pathNodes(
  nodes: readonly TapeNode[],
  xIds: ReadonlySet<number>,
  yIds: ReadonlySet<number>,
): { path: TapeNode[]; fromX: ReadonlySet<number> } {
  const fromX = new Set(xIds);
  const forward: TapeNode[] = [];
  for (const n of nodes) {
    if (n.inputIds.some((id) => fromX.has(id))) {
      forward.push(n);
      for (const id of n.outputIds) fromX.add(id);
    }
  }
  const toY = new Set(yIds);
  const kept: TapeNode[] = [];
  for (let i = forward.length - 1; i >= 0; i--) {
    const n = forward[i]!;
    if (n.outputIds.some((id) => toY.has(id))) {
      kept.push(n);
      for (const id of n.inputIds) toY.add(id);
    }
  }
  return { path: kept.reverse(), fromX };
}

function nodeGrads(node: TapeNode, dys: readonly (Tensor | null)[], fromX: ReadonlySet<number>): readonly (Tensor | null)[] {
  if (node.gradFn) return node.gradFn(dys, { inputs: node.inputs, outputs: node.outputs });
  const dy = dys[0] ?? zerosLike(node.outputs[0]!);
  const needsInputGrad = node.inputIds.map((id) => fromX.has(id));
  return gradFuncOf(node.kernelName)(dy, { inputs: node.inputs, outputs: node.outputs, attrs: node.attrs, needsInputGrad });
}

/**
 * Reverse-mode accumulation over `tape`: the gradient of `sum(ys[k] * dys[k])` with respect to
 * each of `xs`. An x that does not influence the ys gets zeros. The backward ops are themselves
 * recorded on any enclosing tape, which is what makes higher-order gradients work.
 * @internal
 */
export function backward(tape: Tape, ys: readonly Tensor[], dys: readonly Tensor[], xs: readonly Tensor[]): Tensor[] {
  for (const x of xs) {
    if (x.dtype !== 'float32') {
      throw new DTypeError(
        'DTYPE_MISMATCH',
        `grad: cannot differentiate with respect to a ${x.dtype} tensor ${formatShape(x.shape)}; gradients exist for float32 only (cast it first)`,
      );
    }
  }
  return tidy(() => {
    const acc = new Map<number, Tensor>();
    ys.forEach((y, k) => {
      const prev = acc.get(y.id);
      acc.set(y.id, prev ? add(prev, dys[k]!) : dys[k]!);
    });
    const { path: nodes, fromX } = pathNodes(tape.nodes, new Set(xs.map((x) => x.id)), new Set(ys.map((y) => y.id)));
    for (let i = nodes.length - 1; i >= 0; i--) {
      const node = nodes[i]!;
      const dyList = node.outputIds.map((id) => acc.get(id) ?? null);
      if (dyList.every((d) => d === null)) continue;
      const grads = nodeGrads(node, dyList, fromX);
      node.inputs.forEach((input, j) => {
        const g = grads[j];
        if (!g || input.dtype !== 'float32') return;
        if (g.shape.length !== input.shape.length || g.shape.some((d, k) => d !== input.shape[k])) {
          throw new TensorkitError(
            'SHAPE_MISMATCH',
            `grad: the gradient of '${node.kernelName}' for input ${j} has shape ${formatShape(g.shape)} but the input is ${formatShape(input.shape)}; ` +
              'a gradient function must return one gradient per input, shaped like it',
          );
        }
        const id = node.inputIds[j]!;
        const prev = acc.get(id);
        acc.set(id, prev ? add(prev, g) : g);
      });
    }
    // A returned gradient is a tensor the caller owns, never an alias of a dy they passed in.
    return xs.map((x) => {
      const g = acc.get(x.id);
      if (!g) return zerosLike(x);
      return dys.includes(g) ? add(g, 0) : g;
    });
  });
}
