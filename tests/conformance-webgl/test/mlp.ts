import { noGrad, variableGrads } from '@tensorkit/autograd';
import {
  add, dispose, logSoftmax, matMul, mean, mul, neg, randn, relu, sub, takeAlongAxis, tidy, variable, zeros, type Tensor,
  type Variable,
} from '@tensorkit/tensor';

/** A small MLP (in → hidden → classes) trained by plain SGD: the shape of a real training loop. */
export interface Mlp {
  readonly params: Variable[];
  /** One step: forward, cross-entropy, `variableGrads`, SGD update under `noGrad`. Returns the loss. */
  step(x: Tensor, labels: Tensor, lr: number): Tensor;
}

export function makeMlp(sizes: readonly number[], seed: number): Mlp {
  const params: Variable[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const w = tidy(() => mul(randn([sizes[l]!, sizes[l + 1]!], { seed: seed + l }), Math.sqrt(2 / sizes[l]!)));
    const b = zeros([sizes[l + 1]!]);
    params.push(variable(w), variable(b));
    dispose([w, b]);
  }
  const forward = (x: Tensor): Tensor => {
    let h = x;
    for (let l = 0; l < params.length; l += 2) {
      h = add(matMul(h, params[l]!), params[l + 1]!);
      if (l + 2 < params.length) h = relu(h);
    }
    return h;
  };
  return {
    params,
    step(x, labels, lr) {
      const { value, grads } = variableGrads(() => {
        const logp = logSoftmax(forward(x), -1);
        return neg(mean(takeAlongAxis(logp, labels, 1)));
      });
      noGrad(() => {
        for (const [v, g] of grads) tidy(() => v.assign(sub(v, mul(g, lr))));
      });
      dispose([...grads.values()]);
      return value;
    },
  };
}
