import { ArgumentError } from '@tensorkit/core';
import { engineState } from './engine-state';

/*
 * Philox4x32-10 (Salmon et al., "Parallel random numbers: as easy as 1, 2, 3", SC'11), in 32-bit
 * integer arithmetic. It is counter-based: block n of stream (key) is a pure function of (key, n),
 * so results do not depend on the backend, the platform or the order of calls within one op.
 * Randomness is generated on the host and uploaded, which makes uniforms bit-identical and normals
 * identical (not just within 1e-6) on every backend.
 */
const M0 = 0xd2511f53;
const M1 = 0xcd9e8d57;
const W0 = 0x9e3779b9;
const W1 = 0xbb67ae85;

/** The high and low 32 bits of a 32x32 multiply. */
function mulHiLo(a: number, b: number, out: Uint32Array, hiIdx: number, loIdx: number): void {
  const aLo = a & 0xffff;
  const aHi = a >>> 16;
  const bLo = b & 0xffff;
  const bHi = b >>> 16;
  const lolo = aLo * bLo;
  const lohi = aLo * bHi;
  const hilo = aHi * bLo;
  const hihi = aHi * bHi;
  const mid = (lolo >>> 16) + (lohi & 0xffff) + (hilo & 0xffff);
  out[hiIdx] = hihi + (lohi >>> 16) + (hilo >>> 16) + Math.floor(mid / 0x10000);
  out[loIdx] = Math.imul(a, b);
}

const scratch = new Uint32Array(4);

/**
 * One Philox4x32-10 block: four uint32 outputs for a 128-bit counter and 64-bit key.
 * @internal
 */
export function philox4x32(counter: readonly number[], key: readonly number[], out: Uint32Array): void {
  let c0 = counter[0]! >>> 0, c1 = counter[1]! >>> 0, c2 = counter[2]! >>> 0, c3 = counter[3]! >>> 0;
  let k0 = key[0]! >>> 0, k1 = key[1]! >>> 0;
  for (let round = 0; round < 10; round++) {
    mulHiLo(M0, c0, scratch, 0, 1);
    mulHiLo(M1, c2, scratch, 2, 3);
    const n0 = (scratch[2]! ^ c1 ^ k0) >>> 0;
    const n1 = scratch[3]!;
    const n2 = (scratch[0]! ^ c3 ^ k1) >>> 0;
    const n3 = scratch[1]!;
    c0 = n0; c1 = n1; c2 = n2; c3 = n3;
    k0 = (k0 + W0) >>> 0;
    k1 = (k1 + W1) >>> 0;
  }
  out[0] = c0; out[1] = c1; out[2] = c2; out[3] = c3;
}

/** A position in a Philox stream: the key (seed) and the next block counter. @internal */
export interface RngStream {
  key: [number, number];
  counter: number;
}

/** PyTorch's default CPU seed, so unseeded runs are reproducible as in PyTorch. */
const DEFAULT_SEED = 67280421310721;

function keyOf(seed: number): [number, number] {
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new ArgumentError('INVALID_ARGUMENT', `setSeed: seed must be a non-negative safe integer, got ${String(seed)}`);
  }
  return [seed >>> 0, Math.floor(seed / 0x100000000) >>> 0];
}

/** @internal */
export function globalStream(): RngStream {
  const slots = engineState() as unknown as { rng?: RngStream };
  slots.rng ??= { key: keyOf(DEFAULT_SEED), counter: 0 };
  return slots.rng;
}

/**
 * Seeds the global generator. The same seed gives the same numbers on every backend.
 *
 * @example
 * ```ts
 * setSeed(42);
 * const a = rand([3]);
 * setSeed(42);
 * const b = rand([3]); // equal to a, bit for bit
 * ```
 */
export function setSeed(seed: number): void {
  const s = globalStream();
  s.key = keyOf(seed);
  s.counter = 0;
}

/**
 * A stream for one call: the per-call `seed` gives a fresh stream; otherwise the global one,
 * whose counter advances by the blocks used.
 * @internal
 */
export function streamFor(seed: number | undefined): RngStream {
  return seed === undefined ? globalStream() : { key: keyOf(seed), counter: 0 };
}

/**
 * Fills `out` with `n` uint32 draws from `stream`, advancing it by whole blocks.
 * @internal
 */
export function randomUint32(stream: RngStream, n: number): Uint32Array {
  const out = new Uint32Array(Math.ceil(n / 4) * 4);
  const block = new Uint32Array(4);
  const counter = [0, 0, 0, 0];
  for (let i = 0; i < out.length; i += 4) {
    const c = stream.counter++;
    counter[0] = c >>> 0;
    counter[1] = Math.floor(c / 0x100000000) >>> 0;
    philox4x32(counter, stream.key, block);
    out.set(block, i);
  }
  return out.subarray(0, n);
}

/**
 * Uniform floats in [0, 1) with 24 random bits each (exactly representable in float32).
 * @internal
 */
export function uniforms(stream: RngStream, n: number): Float64Array {
  const bits = randomUint32(stream, n);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = (bits[i]! >>> 8) * 5.9604644775390625e-8;
  return out;
}

/**
 * Standard normals by the Box-Muller transform on pairs of uniforms, in float64.
 * @internal
 */
export function normals(stream: RngStream, n: number): Float64Array {
  const u = uniforms(stream, n + (n % 2));
  const out = new Float64Array(n);
  for (let i = 0; i < n; i += 2) {
    const r = Math.sqrt(-2 * Math.log(1 - u[i]!)); // 1 - u is in (0, 1], so the log is finite
    const theta = 2 * Math.PI * u[i + 1]!;
    out[i] = r * Math.cos(theta);
    if (i + 1 < n) out[i + 1] = r * Math.sin(theta);
  }
  return out;
}
