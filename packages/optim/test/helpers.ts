import { variableGrads } from '@tensorkit/autograd';
import { add, matMul, mean, randn, square, sub, variable, type Tensor, type Variable } from '@tensorkit/tensor';

/** A small least-squares problem: loss(W, b) = mean((X W + b − Y)²). */
export function problem(seed = 0): { W: Variable; b: Variable; loss: () => Tensor; grads: () => { value: Tensor; grads: Map<Variable, Tensor> } } {
  const X = randn([8, 4], { seed });
  const Y = randn([8, 3], { seed: seed + 1 });
  const W = variable(randn([4, 3], { seed: seed + 2 }), { name: 'W' });
  const b = variable(randn([3], { seed: seed + 3 }), { name: 'b' });
  const loss = (): Tensor => mean(square(sub(add(matMul(X, W), b), Y)));
  return { W, b, loss, grads: () => variableGrads(loss, [W, b]) };
}

/** Expects `fn` to throw a tensorkit error with `code` whose message contains every fragment. */
export function errorOf(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (e) {
    return { code: (e as { code?: string }).code ?? 'none', message: (e as Error).message };
  }
  throw new Error('expected an error, nothing was thrown');
}
