import { ArgumentError } from '@tensorkit/core';

/**
 * The nonlinearities {@link calculateGain} knows (PyTorch's list, in tensorkit's camelCase).
 *
 * @example
 * ```ts
 * const n: Nonlinearity = 'leakyRelu';
 * ```
 */
export type Nonlinearity =
  | 'linear' | 'conv1d' | 'conv2d' | 'conv3d' | 'conv1dTranspose' | 'conv2dTranspose' | 'conv3dTranspose'
  | 'sigmoid' | 'tanh' | 'relu' | 'leakyRelu' | 'selu';

const UNIT_GAIN: readonly string[] = ['linear', 'conv1d', 'conv2d', 'conv3d', 'conv1dTranspose', 'conv2dTranspose', 'conv3dTranspose', 'sigmoid'];
const ALL: readonly string[] = [...UNIT_GAIN, 'tanh', 'relu', 'leakyRelu', 'selu'];

/** PyTorch's spellings, to point a porter at tensorkit's name. */
const TORCH_SPELLINGS: Readonly<Record<string, string>> = {
  leaky_relu: 'leakyRelu', conv_transpose1d: 'conv1dTranspose', conv_transpose2d: 'conv2dTranspose', conv_transpose3d: 'conv3dTranspose',
};

/**
 * The recommended gain of a nonlinearity (PyTorch's `calculate_gain`): the factor that keeps
 * the variance of activations stable through a layer followed by it.
 * - `linear`, `conv*`, `sigmoid`: 1; `tanh`: 5/3; `relu`: √2; `selu`: 3/4;
 * - `leakyRelu`: `√(2 / (1 + slope²))`, where `param` is the negative slope (default 0.01).
 *
 * `param` is used only by `leakyRelu`; it must be a finite number when given.
 *
 * @example
 * ```ts
 * calculateGain('relu');            // 1.4142
 * calculateGain('leakyRelu', 0.2);  // 1.3868
 * calculateGain('tanh');            // 1.6667
 * ```
 */
export function calculateGain(nonlinearity: Nonlinearity, param?: number | null): number {
  if (param !== undefined && param !== null && (typeof param !== 'number' || !Number.isFinite(param))) {
    throw new ArgumentError('INVALID_ARGUMENT', `calculateGain: param must be a finite number (the negative slope), got ${String(param)}`);
  }
  if (!ALL.includes(nonlinearity)) {
    const torch = TORCH_SPELLINGS[nonlinearity as string];
    throw new ArgumentError(
      'INVALID_ARGUMENT',
      `calculateGain: unknown nonlinearity ${JSON.stringify(nonlinearity)}${torch ? ` (tensorkit spells it '${torch}')` : ''}; ` +
        `known: ${ALL.join(', ')}`,
    );
  }
  if (UNIT_GAIN.includes(nonlinearity)) return 1;
  if (nonlinearity === 'tanh') return 5 / 3;
  if (nonlinearity === 'relu') return Math.sqrt(2);
  if (nonlinearity === 'selu') return 3 / 4;
  const slope = param ?? 0.01;
  return Math.sqrt(2 / (1 + slope * slope));
}
