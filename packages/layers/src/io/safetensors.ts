import { FormatError, sizeFromShape, type BackendValues, type DType } from '@tensorkit/core';

/**
 * One tensor's raw content, as stored in a safetensors file: row-major little-endian data.
 *
 * @example
 * ```ts
 * const entry: RawTensor = { dtype: 'float32', shape: [2], data: new Float32Array([1, 2]) };
 * ```
 */
export interface RawTensor {
  dtype: DType;
  shape: number[];
  data: BackendValues;
}

/**
 * The decoded content of a safetensors file.
 *
 * @example
 * ```ts
 * const { tensors, metadata } = decodeSafetensors(bytes);
 * ```
 */
export interface SafetensorsContent {
  tensors: Record<string, RawTensor>;
  metadata: Record<string, string>;
}

/** Our dtypes and their safetensors names (`BOOL` is one byte per element). */
const WRITE_DTYPE: Record<DType, string> = { float32: 'F32', int32: 'I32', bool: 'BOOL' };
/** What we can read; F64 and I64 (PyTorch's defaults for doubles and indices) narrow to 32 bits. */
const READ_DTYPE: Record<string, { dtype: DType; bytes: number }> = {
  F32: { dtype: 'float32', bytes: 4 },
  I32: { dtype: 'int32', bytes: 4 },
  BOOL: { dtype: 'bool', bytes: 1 },
  F64: { dtype: 'float32', bytes: 8 },
  I64: { dtype: 'int32', bytes: 8 },
};
/** The Rust reference implementation refuses headers above 100 MB. */
const MAX_HEADER = 100_000_000;

function corrupt(what: string, fix = 'the file is damaged or not a safetensors file; save it again'): FormatError {
  return new FormatError('CORRUPT_DATA', `decodeSafetensors: ${what}; ${fix}`);
}

function bytesOf(t: RawTensor): Uint8Array {
  if (t.dtype === 'bool') return Uint8Array.from(t.data as ArrayLike<number>, (v) => (v ? 1 : 0));
  const typed = t.dtype === 'float32' ? Float32Array.from(t.data as ArrayLike<number>) : Int32Array.from(t.data as ArrayLike<number>);
  return new Uint8Array(typed.buffer, typed.byteOffset, typed.byteLength);
}

/**
 * Encodes tensors as a safetensors file: an 8-byte little-endian header length, a JSON header
 * (`dtype`, `shape`, `data_offsets` per tensor, optional `__metadata__` of strings) padded with
 * spaces to a multiple of 8 bytes, then the data, in the order given. PyTorch's
 * `safetensors.torch.load_file` reads the result.
 *
 * @example
 * ```ts
 * const bytes = encodeSafetensors({ 'layers.0.kernel': { dtype: 'float32', shape: [2], data: new Float32Array([1, 2]) } });
 * ```
 */
export function encodeSafetensors(tensors: Record<string, RawTensor>, metadata?: Record<string, string>): Uint8Array {
  const header: Record<string, unknown> = {};
  if (metadata !== undefined && Object.keys(metadata).length > 0) header.__metadata__ = metadata;
  const chunks: Uint8Array[] = [];
  let offset = 0;
  for (const [name, t] of Object.entries(tensors)) {
    if (name === '__metadata__') throw new FormatError('CORRUPT_DATA', "encodeSafetensors: '__metadata__' is reserved and cannot name a tensor");
    if (t.data.length !== sizeFromShape(t.shape)) {
      throw new FormatError('CORRUPT_DATA', `encodeSafetensors: tensor '${name}' has ${t.data.length} values for shape [${t.shape.join(',')}]`);
    }
    const bytes = bytesOf(t);
    header[name] = { dtype: WRITE_DTYPE[t.dtype], shape: t.shape, data_offsets: [offset, offset + bytes.byteLength] };
    chunks.push(bytes);
    offset += bytes.byteLength;
  }
  let json = new TextEncoder().encode(JSON.stringify(header));
  const padded = Math.ceil(json.byteLength / 8) * 8;
  if (padded !== json.byteLength) {
    const p = new Uint8Array(padded).fill(0x20);
    p.set(json);
    json = p;
  }
  const out = new Uint8Array(8 + padded + offset);
  new DataView(out.buffer).setBigUint64(0, BigInt(padded), true);
  out.set(json, 8);
  let at = 8 + padded;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

function parseHeader(bytes: Uint8Array): { header: Record<string, unknown>; dataStart: number } {
  if (bytes.byteLength < 8) throw corrupt(`the file has ${bytes.byteLength} bytes, fewer than the 8-byte header length`);
  const n = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getBigUint64(0, true);
  if (n > BigInt(Math.min(MAX_HEADER, bytes.byteLength - 8))) {
    throw corrupt(`the header length ${n} exceeds the ${bytes.byteLength - 8} bytes after it (or the 100 MB limit)`);
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(8, 8 + Number(n)));
  let header: unknown;
  try {
    if (!text.startsWith('{')) throw new Error('no object');
    header = JSON.parse(text);
  } catch {
    throw corrupt(`the ${n}-byte header is not a JSON object (it starts with ${JSON.stringify(text.slice(0, 16))})`);
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) throw corrupt('the header is not a JSON object');
  return { header: header as Record<string, unknown>, dataStart: 8 + Number(n) };
}

interface Entry {
  name: string;
  kind: { dtype: DType; bytes: number; source: string };
  shape: number[];
  begin: number;
  end: number;
}

function parseEntry(name: string, value: unknown): Entry {
  const v = value as { dtype?: unknown; shape?: unknown; data_offsets?: unknown } | null;
  const kind = typeof v?.dtype === 'string' ? READ_DTYPE[v.dtype] : undefined;
  if (!kind) throw corrupt(`tensor '${name}' has dtype ${JSON.stringify(v?.dtype)}`, `tensorkit reads ${Object.keys(READ_DTYPE).join(', ')}`);
  const shape = v!.shape;
  if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && d >= 0)) throw corrupt(`tensor '${name}' has shape ${JSON.stringify(shape)}`);
  const off = v!.data_offsets;
  if (!Array.isArray(off) || off.length !== 2 || !off.every((o) => Number.isInteger(o) && o >= 0) || off[0] > off[1]) {
    throw corrupt(`tensor '${name}' has data_offsets ${JSON.stringify(off)}`);
  }
  return { name, kind: { ...kind, source: v!.dtype as string }, shape: shape as number[], begin: off[0] as number, end: off[1] as number };
}

function readValues(e: Entry, bytes: Uint8Array): BackendValues {
  const n = sizeFromShape(e.shape);
  const copy = bytes.slice(e.begin, e.end); // aligned, owned copy
  const view = new DataView(copy.buffer);
  switch (e.kind.source) {
    case 'F32':
      return new Float32Array(copy.buffer);
    case 'I32':
      return new Int32Array(copy.buffer);
    case 'BOOL':
      return Uint8Array.from(copy, (b) => (b ? 1 : 0));
    case 'F64':
      return Float32Array.from({ length: n }, (_, i) => view.getFloat64(i * 8, true));
    default:
      return Int32Array.from({ length: n }, (_, i) => Number(view.getBigInt64(i * 8, true)));
  }
}

/**
 * Decodes a safetensors file, validating it fully first: the header length, the JSON, every
 * dtype, shape and offset, and that the tensors tile the data exactly (no gaps, overlaps or
 * trailing bytes). A problem throws a `FormatError` with code `CORRUPT_DATA`.
 *
 * @example
 * ```ts
 * const { tensors } = decodeSafetensors(new Uint8Array(await readFile('model.safetensors')));
 * tensors['layers.0.kernel'].shape; // [784, 128]
 * ```
 */
export function decodeSafetensors(bytes: Uint8Array | ArrayBuffer): SafetensorsContent {
  const all = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const { header, dataStart } = parseHeader(all);
  const data = all.subarray(dataStart);
  let metadata: Record<string, string> = {};
  const entries: Entry[] = [];
  for (const [name, value] of Object.entries(header)) {
    if (name === '__metadata__') {
      if (typeof value !== 'object' || value === null || Object.values(value).some((s) => typeof s !== 'string')) {
        throw corrupt('__metadata__ must map strings to strings');
      }
      metadata = value as Record<string, string>;
      continue;
    }
    entries.push(parseEntry(name, value));
  }
  let expected = 0;
  for (const e of [...entries].sort((a, b) => a.begin - b.begin)) {
    if (e.begin !== expected) throw corrupt(`tensor '${e.name}' starts at byte ${e.begin} of the data, expected ${expected} (a gap or overlap)`);
    const size = sizeFromShape(e.shape) * e.kind.bytes;
    if (e.end - e.begin !== size) throw corrupt(`tensor '${e.name}' [${e.shape.join(',')}] ${e.kind.source} needs ${size} bytes but spans ${e.end - e.begin}`);
    expected = e.end;
  }
  if (expected !== data.byteLength) {
    throw corrupt(`the tensors cover ${expected} bytes but the file holds ${data.byteLength} data bytes (truncated or padded)`);
  }
  const tensors: Record<string, RawTensor> = {};
  for (const e of entries) tensors[e.name] = { dtype: e.kind.dtype, shape: e.shape, data: readValues(e, data) };
  return { tensors, metadata };
}
