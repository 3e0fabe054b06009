import type { Backend, TensorInfo } from './backend';
import type { DType } from './dtype';

/** Attributes of kernels that take none. */
export type NoAttrs = Record<string, never>;

/**
 * Geometry shared by the 2-D convolution kernels (channels-last, NHWC).
 * `pads` is `[top, bottom, left, right]`; filters are `[kh, kw, inC / groups, outC]`.
 */
export interface Conv2DAttrs {
  strides: readonly [number, number];
  pads: readonly [number, number, number, number];
  dilations: readonly [number, number];
  groups: number;
}

/**
 * Geometry shared by the 2-D pooling kernels (NHWC). `pads` is `[top, bottom, left, right]`;
 * `ceilMode` only changes the output size, which `computePool2DInfo` derives.
 */
export interface Pool2DAttrs {
  poolSize: readonly [number, number];
  strides: readonly [number, number];
  pads: readonly [number, number, number, number];
  dilations: readonly [number, number];
  ceilMode: boolean;
}

/**
 * The fused Adam/AdamW update (an optional kernel: optimizers use it when the active backend
 * has it, and compose the same math from primitives otherwise). Per element, in this order:
 * `θ = param·paramScale; g = grad + weightDecay·param; m = β1·m + (1−β1)·g;
 * v = β2·v + (1−β2)·g²; [amsgrad: vMax = max(vMax, v), v = vMax]; θ −= stepSize·m/(√v + epsHat)`.
 * `stepSize = lr·√(1−β2ᵗ)/(1−β1ᵗ)` and `epsHat = eps·√(1−β2ᵗ)` fold PyTorch's bias corrections
 * in; `paramScale = 1 − lr·weightDecay` is AdamW's decoupled decay (then `weightDecay` is 0).
 */
export interface AdamUpdateAttrs {
  beta1: number;
  beta2: number;
  stepSize: number;
  epsHat: number;
  weightDecay: number;
  paramScale: number;
  amsgrad: boolean;
}

/** Average pooling adds PyTorch's divisor options; `divisorOverride` 0 means none. */
export interface AvgPool2DAttrs extends Pool2DAttrs {
  countIncludePad: boolean;
  divisorOverride: number;
}

/**
 * Unary elementwise kernels with no attributes. Input `[x]`; the output has `x`'s shape and dtype,
 * except `LogicalNot` (bool) and the float functions (float32).
 */
export const UNARY_KERNELS = [
  'Neg', 'Abs', 'Sign', 'Exp', 'Log', 'Log1p', 'Expm1', 'Sqrt', 'Rsqrt', 'Square', 'Reciprocal',
  'Sin', 'Cos', 'Tanh', 'Sigmoid', 'Softplus', 'Erf', 'Floor', 'Ceil', 'Round', 'Relu', 'Relu6',
  'LogicalNot', 'IsNaN',
] as const;

/** Binary arithmetic kernels: inputs `[a, b]` of one dtype, broadcast; output in that dtype. */
export const ARITHMETIC_KERNELS = ['Add', 'Sub', 'Mul', 'Div', 'Pow', 'Maximum', 'Minimum', 'Mod'] as const;

/** Binary comparison and logic kernels: inputs `[a, b]`, broadcast; output bool. */
export const COMPARISON_KERNELS = [
  'Equal', 'NotEqual', 'Less', 'LessEqual', 'Greater', 'GreaterEqual', 'LogicalAnd', 'LogicalOr',
] as const;

/** Reductions over `attrs.axes` (normalised, sorted, unique); the reduced axes are removed. */
export const REDUCTION_KERNELS = ['Sum', 'Prod', 'Max', 'Min', 'All', 'Any'] as const;

/** A unary kernel name. */
export type UnaryKernelName = (typeof UNARY_KERNELS)[number];
/** A binary arithmetic kernel name. */
export type ArithmeticKernelName = (typeof ARITHMETIC_KERNELS)[number];
/** A comparison or logic kernel name. */
export type ComparisonKernelName = (typeof COMPARISON_KERNELS)[number];
/** A reduction kernel name. */
export type ReductionKernelName = (typeof REDUCTION_KERNELS)[number];

/**
 * Every kernel name and its attributes: the primitive set a backend implements. Third-party
 * packages add fused or custom kernels by module augmentation:
 *
 * @example
 * ```ts
 * declare module '@tensorkit/core' {
 *   interface KernelAttrMap { MyFusedGelu: { approximate: boolean } }
 * }
 * ```
 *
 * Inputs, by kernel (all positional):
 * - unary: `[x]`; `LeakyRelu {alpha}`, `HardTanh {min, max}` (gradient 0 at the ends),
 *   `Clamp {min, max}` (gradient passes at the ends), `Step {alpha}` (`x > 0 ? 1 : alpha`).
 * - binary: `[a, b]` broadcast (NumPy rules). `Where`: `[condition(bool), a, b]` broadcast.
 * - `Cast {dtype}`: `[x]`.
 * - reductions: `[x]`; `ArgMax`/`ArgMin {axis}` give int32 with `axis` removed.
 * - `BatchMatMul {transposeA, transposeB}`: `[a, b]`, rank 3, `a` `[batchA, M, K]`
 *   (`[batchA, K, M]` if transposed), `b` `[batchB, K, N]`; batch sizes equal or 1.
 * - `Transpose {perm}`, `Slice {begin, size, step}` (positive steps),
 *   `Concat {axis}` (any number of inputs), `Pad {paddings, constantValue}`, `Tile {reps}`,
 *   `BroadcastTo {shape}`.
 * - `Gather {axis}`: `[x, indices(int32)]`; output `x.shape[:axis] + indices.shape + x.shape[axis+1:]`.
 *   `GatherGrad {axis, shape}`: `[indices, dy]`, the scatter-add adjoint of `Gather`.
 * - `TakeAlongAxis {axis}`: `[x, indices(int32, same rank)]`, output `indices.shape`.
 *   `TakeAlongAxisGrad {axis, shape}`: `[indices, dy]`, its scatter-add adjoint.
 * - `Conv2D`: `[x, filter]`; `Conv2DBackpropInput {inputShape}`: `[dy, filter]`;
 *   `Conv2DBackpropFilter {filterShape}`: `[x, dy]`.
 * - `MaxPool2D`: `[x]`; `MaxPool2DGrad`: `[dy, x]`; `AvgPool2D`: `[x]`;
 *   `AvgPool2DGrad {inputShape}`: `[dy]`.
 * - Optional fused kernels (not part of the primitive set): `AdamUpdate`: inputs
 *   `[param, grad, m, v]` (+ `vMax` with amsgrad), outputs `[param, m, v]` (+ `vMax`).
 */
export interface KernelAttrMap
  extends Record<UnaryKernelName | ArithmeticKernelName | ComparisonKernelName, NoAttrs>,
    Record<ReductionKernelName, { axes: readonly number[] }> {
  LeakyRelu: { alpha: number };
  HardTanh: { min: number; max: number };
  Clamp: { min: number; max: number };
  Step: { alpha: number };
  Where: NoAttrs;
  Cast: { dtype: DType };
  ArgMax: { axis: number };
  ArgMin: { axis: number };
  BatchMatMul: { transposeA: boolean; transposeB: boolean };
  Transpose: { perm: readonly number[] };
  Slice: { begin: readonly number[]; size: readonly number[]; step: readonly number[] };
  Concat: { axis: number };
  Pad: { paddings: readonly (readonly [number, number])[]; constantValue: number };
  Tile: { reps: readonly number[] };
  BroadcastTo: { shape: readonly number[] };
  Gather: { axis: number };
  GatherGrad: { axis: number; shape: readonly number[] };
  TakeAlongAxis: { axis: number };
  TakeAlongAxisGrad: { axis: number; shape: readonly number[] };
  Conv2D: Conv2DAttrs;
  Conv2DBackpropInput: Conv2DAttrs & { inputShape: readonly number[] };
  Conv2DBackpropFilter: Conv2DAttrs & { filterShape: readonly number[] };
  MaxPool2D: Pool2DAttrs;
  MaxPool2DGrad: Pool2DAttrs;
  AvgPool2D: AvgPool2DAttrs;
  AvgPool2DGrad: AvgPool2DAttrs & { inputShape: readonly number[] };
  AdamUpdate: AdamUpdateAttrs;
}

/**
 * A kernel name, declared in {@link KernelAttrMap}.
 *
 * @example
 * ```ts
 * const name: KernelName = 'BatchMatMul';
 * ```
 */
export type KernelName = keyof KernelAttrMap & string;

/**
 * What a kernel function receives.
 *
 * @example
 * ```ts
 * const fn: KernelFunc<'Add'> = ({ inputs: [a, b], backend }) => addImpl(a!, b!, backend);
 * ```
 */
export interface KernelArgs<K extends KernelName = KernelName, B extends Backend = Backend> {
  readonly inputs: readonly TensorInfo[];
  readonly attrs: KernelAttrMap[K];
  readonly backend: B;
}

/**
 * A kernel function: computes its output(s) on `backend` and returns their `TensorInfo`.
 *
 * @example
 * ```ts
 * const negCpu: KernelFunc<'Neg'> = ({ inputs: [x], backend }) => ...;
 * ```
 */
export type KernelFunc<K extends KernelName = KernelName, B extends Backend = Backend> = (
  args: KernelArgs<K, B>,
) => TensorInfo | TensorInfo[];

/**
 * One kernel of one backend, as a plain plugin object (tfjs-core's shape).
 *
 * @example
 * ```ts
 * export const addCpu: KernelConfig<'Add'> = { kind: 'kernel', kernelName: 'Add', backendName: 'cpu', kernelFunc };
 * use(addCpu);
 * ```
 */
export interface KernelConfig<K extends KernelName = KernelName, B extends Backend = Backend> {
  readonly kind: 'kernel';
  readonly kernelName: K;
  readonly backendName: string;
  /** Declared as a method so that a specific kernel config is assignable to the general one. */
  kernelFunc(args: KernelArgs<K, B>): TensorInfo | TensorInfo[];
  readonly package?: string;
  readonly coreVersion?: string;
}

/**
 * A gradient plugin (kind `gradient`): the backward function of a kernel, for third-party
 * kernels and overrides. `@tensorkit/autograd` defines the exact `gradFunc` signature; the
 * registry consults these before autograd's built-in table.
 *
 * @example
 * ```ts
 * use({ kind: 'gradient', kernelName: 'MyFusedGelu', gradFunc: (dy, saved) => [mul(dy, geluGrad(saved.inputs[0]))] });
 * ```
 */
export interface GradientConfig {
  readonly kind: 'gradient';
  readonly kernelName: string;
  readonly gradFunc: (...args: never[]) => unknown;
  readonly package?: string;
  readonly coreVersion?: string;
}
