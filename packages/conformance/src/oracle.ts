/**
 * Types of the PyTorch oracle fixtures (fixtures/README.md, "File format") and their loading.
 *
 * The fixtures are imported as JSON modules, not read with `fs`, so that the suite also runs
 * inside a browser (vitest browser mode, for the WebGL backend).
 */
import activationsJson from '../fixtures/activations.json';
import higherOrderJson from '../fixtures/higher_order.json';
import initJson from '../fixtures/init.json';
import layersJson from '../fixtures/layers.json';
import lossesJson from '../fixtures/losses.json';
import lrSchedulersJson from '../fixtures/lr_schedulers.json';
import optimizersJson from '../fixtures/optimizers.json';
import endToEndJson from '../fixtures/end_to_end.json';
import tensorOpsJson from '../fixtures/tensor_ops.json';

/** A tensor of the oracle: flat row-major `data`; float unless `dtype` says otherwise. */
export interface OracleTensor {
  readonly shape: readonly number[];
  readonly data: readonly number[];
  readonly dtype?: 'int64' | 'bool';
}

/** A JSON value of `params` (PyTorch argument names; `null` is Python's `None`). */
export type ParamValue = number | string | boolean | null | readonly ParamValue[] | { readonly [k: string]: ParamValue };

/** The non-tensor arguments of a case. */
export type Params = Readonly<Record<string, ParamValue>>;

/** One oracle case. */
export interface OracleCase {
  readonly name: string;
  readonly op: string;
  readonly params: Params;
  readonly inputs: Readonly<Record<string, OracleTensor>>;
  readonly outputs: Readonly<Record<string, OracleTensor>>;
  readonly grads?: Readonly<Record<string, OracleTensor>>;
  readonly grad_of?: readonly string[];
  readonly upstream?: OracleTensor | Readonly<Record<string, OracleTensor>>;
}

/** One fixture file. */
export interface OracleFile {
  readonly family: string;
  readonly torch: string;
  readonly cases: readonly OracleCase[];
}

/** `tensor_ops.json`: broadcasting binary ops, matmul, shape ops, indexing, reductions, unary ops. */
export const tensorOpsFixture = tensorOpsJson as unknown as OracleFile;

/** `layers.json`: linear, norms, embedding, conv1d/2d, conv_transpose2d, pooling, LSTM/GRU cells. */
export const layersFixture = layersJson as unknown as OracleFile;

/** `higher_order.json`: second derivatives, double backward, Hessian-vector products. */
export const higherOrderFixture = higherOrderJson as unknown as OracleFile;

/** `activations.json`: elementwise activations, softmax/log_softmax and prelu, random and edge inputs. */
export const activationsFixture = activationsJson as unknown as OracleFile;

/** `init.json`: fans, gains and the std/bound of every initializer (shape arithmetic, no samples). */
export const initFixture = initJson as unknown as OracleFile;

/** `losses.json`: 21 losses × reductions; grads wrt the prediction (and the target where smooth). */
export const lossesFixture = lossesJson as unknown as OracleFile;

/** `optimizers.json`: 25-step trajectories of 9 optimizers and their variants; gradient clipping. */
export const optimizersFixture = optimizersJson as unknown as OracleFile;

/** `lr_schedulers.json`: 30-epoch learning-rate sequences. */
export const lrSchedulersFixture = lrSchedulersJson as unknown as OracleFile;

/** `end_to_end.json`: the XOR MLP (200 SGD steps) and the 10-16-3 classifier (20 Adam steps), loss per step. */
export const endToEndFixture = endToEndJson as unknown as OracleFile;
