/**
 * Per-layer gradient norms: ‖∂loss/∂kernel‖ of each dense layer, as one device tensor, so
 * vanishing (tiny near the input) and exploding (huge) gradients show without extra reads.
 */
import type { Dense } from '@tensorkit/layers';
import { norm, stack, tidy, type Tensor, type Variable } from '@tensorkit/tensor';

export function kernelGradNorms(denses: readonly Dense[], grads: Map<Variable, Tensor>): Tensor {
  return tidy(() =>
    stack(
      denses.map((d) => {
        const g = grads.get(d.kernel!);
        if (!g) throw new Error(`no gradient for the kernel of dense layer ${denses.indexOf(d)}`);
        return norm(g);
      }),
    ),
  );
}
