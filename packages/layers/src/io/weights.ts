import { FormatError } from '@tensorkit/core';
import { dispose, tensor, type Tensor } from '@tensorkit/tensor';
import type { Module } from '../module';
import { decodeSafetensors, encodeSafetensors, type RawTensor } from './safetensors';

/**
 * The model's weights (`stateDict()`, dotted names) as a safetensors file.
 *
 * @example
 * ```ts
 * const bytes = await encodeWeights(model); // readable by safetensors.torch.load_file
 * ```
 */
export async function encodeWeights(model: Module, metadata?: Record<string, string>): Promise<Uint8Array> {
  const raw: Record<string, RawTensor> = {};
  for (const [name, t] of Object.entries(model.stateDict())) raw[name] = { dtype: t.dtype, shape: [...t.shape], data: await t.data() };
  return encodeSafetensors(raw, { format: 'pt', ...metadata });
}

/**
 * Loads a safetensors file into `model`. The file is validated completely, then every name,
 * shape and dtype is checked against the model, before any weight changes: on any problem it
 * throws (`FormatError` `CORRUPT_DATA` for a damaged file, `ShapeError` for a mismatch) and the
 * model is untouched.
 *
 * @example
 * ```ts
 * loadWeights(model, new Uint8Array(await readFile('model.safetensors')));
 * ```
 */
export function loadWeights(model: Module, bytes: Uint8Array | ArrayBuffer): void {
  if (!(bytes instanceof Uint8Array) && !(bytes instanceof ArrayBuffer)) {
    throw new FormatError('CORRUPT_DATA', `loadWeights: expected the bytes of a safetensors file (Uint8Array or ArrayBuffer), got ${typeof bytes}`);
  }
  const { tensors } = decodeSafetensors(bytes);
  const state: Record<string, Tensor> = {};
  try {
    for (const [name, t] of Object.entries(tensors)) state[name] = tensor(t.data, t.shape, t.dtype);
    model.loadStateDict(state);
  } finally {
    dispose(Object.values(state));
  }
}
