import { tidy, type Tensor, type TensorLike } from '@tensorkit/tensor';
import { assertSameShape, floatArg } from './options';
import { reduce, type Reduction } from './reduce';

/**
 * The shared body of every pointwise loss: convert both arguments to float32, require equal
 * shapes, apply `f(t, p)` elementwise and reduce, all inside one `tidy`. @internal
 */
export function pointwise(
  loss: string,
  yTrue: TensorLike,
  yPred: TensorLike,
  reduction: Reduction,
  f: (t: Tensor, p: Tensor) => Tensor,
): Tensor {
  return tidy(() => {
    const t = floatArg(yTrue, 'yTrue', loss);
    const p = floatArg(yPred, 'yPred', loss);
    assertSameShape(t, p, loss);
    return reduce(f(t, p), reduction);
  });
}
