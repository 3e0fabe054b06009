import { variableGrads } from '@tensorkit/autograd';
import { dispose, sqrt, square, sum, tidy, type Tensor, type Variable } from '@tensorkit/tensor';

/**
 * The Euclidean norm of the gradient of `loss` with respect to each of `vars`, in order: one
 * backward pass, read once.
 */
export async function gradientNorms(loss: () => Tensor, vars: readonly Variable[]): Promise<number[]> {
  const { value, grads } = variableGrads(loss, [...vars]);
  const norms = tidy(() => vars.map((v) => sqrt(sum(square(grads.get(v)!)))));
  const values = await Promise.all(norms.map(async (n) => (await n.data())[0]!));
  dispose([value, ...grads.values(), ...norms]);
  return values;
}
