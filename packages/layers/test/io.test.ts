import { describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unregister, use } from '@tensorkit/core';
import { tensor } from '@tensorkit/tensor';
import { expectError, expectRejection, regressionData } from './training-helpers';
import { Sequential } from '../src/sequential';
import { dense, denseLayer } from '../src/layers/dense';
import { decodeSafetensors, encodeSafetensors } from '../src/io/safetensors';
import { encodeWeights, loadWeights } from '../src/io/weights';
import { loadModel, saveModel } from '../src/io/save-load';
import { memoryStore, resolveStore } from '../src/io/storage';
import { modelCheckpoint } from '../src/callbacks/model-checkpoint';

function mlp(seed = 0): Sequential {
  return new Sequential([dense({ units: 4, activation: 'relu', inputShape: [3], seed }), dense({ units: 2, seed: seed + 1 })]);
}

const values = (t: { dataSync(): ArrayLike<number> }): number[] => Array.from(t.dataSync());

describe('safetensors', () => {
  it('writes the exact byte layout of the format', () => {
    const bytes = encodeSafetensors({ a: { dtype: 'int32', shape: [2], data: new Int32Array([1, -1]) } });
    const header = '{"a":{"dtype":"I32","shape":[2],"data_offsets":[0,8]}}';
    const padded = header + ' '.repeat((8 - (header.length % 8)) % 8);
    expect(padded.length % 8).toBe(0);
    const expected = new Uint8Array(8 + padded.length + 8);
    new DataView(expected.buffer).setBigUint64(0, BigInt(padded.length), true);
    expected.set(new TextEncoder().encode(padded), 8);
    expected.set([1, 0, 0, 0, 0xff, 0xff, 0xff, 0xff], 8 + padded.length);
    expect(Array.from(bytes)).toEqual(Array.from(expected));
  });

  it('round-trips F32, I32 and BOOL with metadata, and reads F64/I64 as 32-bit', () => {
    const bytes = encodeSafetensors(
      {
        w: { dtype: 'float32', shape: [2, 2], data: new Float32Array([0.1, -2, 3e-8, 4]) },
        i: { dtype: 'int32', shape: [3], data: new Int32Array([7, 8, 9]) },
        b: { dtype: 'bool', shape: [2], data: new Uint8Array([1, 0]) },
      },
      { format: 'pt' },
    );
    const { tensors, metadata } = decodeSafetensors(bytes.buffer as ArrayBuffer);
    expect(metadata).toEqual({ format: 'pt' });
    expect(Array.from(tensors.w!.data)).toEqual(Array.from(new Float32Array([0.1, -2, 3e-8, 4])));
    expect(tensors.i).toEqual({ dtype: 'int32', shape: [3], data: new Int32Array([7, 8, 9]) });
    expect(tensors.b).toEqual({ dtype: 'bool', shape: [2], data: new Uint8Array([1, 0]) });
    // a PyTorch float64 / int64 file
    const header = '{"d":{"dtype":"F64","shape":[1],"data_offsets":[0,8]},"l":{"dtype":"I64","shape":[1],"data_offsets":[8,16]}}';
    const file = new Uint8Array(8 + header.length + 16);
    const view = new DataView(file.buffer);
    view.setBigUint64(0, BigInt(header.length), true);
    file.set(new TextEncoder().encode(header), 8);
    view.setFloat64(8 + header.length, 0.5, true);
    view.setBigInt64(8 + header.length + 8, -3n, true);
    const t = decodeSafetensors(file).tensors;
    expect([t.d!.dtype, t.d!.data[0], t.l!.dtype, t.l!.data[0]]).toEqual(['float32', 0.5, 'int32', -3]);
  });

  it('refuses truncated, corrupted and inconsistent files with CORRUPT_DATA', () => {
    const good = encodeSafetensors({ w: { dtype: 'float32', shape: [4], data: new Float32Array(4) } });
    expectError(() => decodeSafetensors(good.subarray(0, 5)), 'CORRUPT_DATA', 'fewer than the 8-byte header length');
    expectError(() => decodeSafetensors(good.subarray(0, good.length - 4)), 'CORRUPT_DATA', 'cover 16 bytes but the file holds 12');
    const longHeader = good.slice();
    new DataView(longHeader.buffer).setBigUint64(0, 10_000n, true);
    expectError(() => decodeSafetensors(longHeader), 'CORRUPT_DATA', 'header length 10000 exceeds');
    const garbled = good.slice();
    garbled[8] = 0x78;
    expectError(() => decodeSafetensors(garbled), 'CORRUPT_DATA', 'is not a JSON object');
    const wrongSize = new TextEncoder().encode('{"w":{"dtype":"F32","shape":[3],"data_offsets":[0,16]}}');
    const f = new Uint8Array(8 + wrongSize.length + 16);
    new DataView(f.buffer).setBigUint64(0, BigInt(wrongSize.length), true);
    f.set(wrongSize, 8);
    expectError(() => decodeSafetensors(f), 'CORRUPT_DATA', "tensor 'w' [3] F32 needs 12 bytes but spans 16");
  });
});

describe('save and load', () => {
  it('round-trips through memory: bit-identical predictions, same architecture and compile config', async () => {
    const model = mlp();
    model.compile({ optimizer: 'adam', optimizerOptions: { lr: 0.01 }, loss: 'meanSquaredError', metrics: ['mae'] });
    const { x } = regressionData(6);
    const store = memoryStore();
    await saveModel(model, store);
    expect(store.artifacts!.weights).toBeInstanceOf(ArrayBuffer);
    const copy = await loadModel(memoryStore(store.artifacts!));
    expect(values(await copy.predict(x))).toEqual(values(await model.predict(x)));
    expect(copy.namedParameters().map(([n]) => n)).toEqual(['layers.0.kernel', 'layers.0.bias', 'layers.1.kernel', 'layers.1.bias']);
    const { y } = regressionData(6);
    expect((await copy.evaluate(x, tensor(values(y).flatMap((v) => [v, v]), [6, 2]))).mae).toBeGreaterThan(0); // compiled again
  });

  it('round-trips through a Node directory with model.json naming the layer plugins', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tk-model-'));
    try {
      const model = mlp(3);
      await saveModel(model, dir);
      const json = JSON.parse(await readFile(join(dir, 'model.json'), 'utf8'));
      expect(json.modelTopology.config.layers.map((l: { className: string }) => l.className)).toEqual(['dense', 'dense']);
      const bytes = new Uint8Array(await readFile(join(dir, 'model.safetensors')));
      expect(Object.keys(decodeSafetensors(bytes).tensors)).toEqual(['layers.0.kernel', 'layers.0.bias', 'layers.1.kernel', 'layers.1.bias']);
      const copy = await loadModel(`file://${dir}`);
      const { x } = regressionData(4);
      expect(values(copy.apply(x))).toEqual(values(model.apply(x)));
      // a truncated weights file is refused
      await writeFile(join(dir, 'model.safetensors'), bytes.subarray(0, bytes.length - 1));
      await expectRejection(loadModel(dir), 'CORRUPT_DATA', 'truncated or padded');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('names a missing layer plugin and loads once it is registered', async () => {
    const store = memoryStore();
    await saveModel(mlp(), store);
    unregister('layer', 'dense');
    try {
      await expectRejection(loadModel(store), 'NOT_REGISTERED', "no layer 'dense'");
    } finally {
      use(denseLayer);
    }
    expect((await loadModel(store)).countParams()).toBe(4 * 3 + 4 + 2 * 4 + 2);
  });

  it('loadWeights leaves the model untouched on a shape mismatch, a missing tensor or a corrupted file', async () => {
    const model = mlp(1);
    const before = model.parameters().map(values);
    const other = new Sequential([dense({ units: 5, activation: 'relu', inputShape: [3] }), dense({ units: 2 })]);
    expectError(() => loadWeights(model, new Uint8Array(0)), 'CORRUPT_DATA', 'fewer than the 8-byte header');
    const mismatch = await encodeWeights(other);
    expectError(() => loadWeights(model, mismatch), 'SHAPE_MISMATCH', "'layers.0.kernel' is [3,5] float32 but the module has [3,4] float32");
    const partial = encodeSafetensors({ 'layers.0.kernel': { dtype: 'float32', shape: [3, 4], data: new Float32Array(12) } });
    expectError(() => loadWeights(model, partial), 'SHAPE_MISMATCH', "missing 'layers.0.bias'");
    const corrupted = (await encodeWeights(model)).slice();
    corrupted[20] = 0x00;
    expectError(() => loadWeights(model, corrupted), 'CORRUPT_DATA');
    expect(model.parameters().map(values)).toEqual(before);
  });

  it('refuses a bad model.json, an unknown scheme, and non-Sequential models', async () => {
    await expectRejection(loadModel(memoryStore({ modelJson: '{"format":"other"}', weights: new Uint8Array(8) })), 'CORRUPT_DATA', "no format 'tensorkit-model'");
    await expectRejection(loadModel(memoryStore({ modelJson: 'nope', weights: new Uint8Array(8) })), 'CORRUPT_DATA', 'not valid JSON');
    expectError(() => resolveStore('s3://bucket', 'saveModel'), 'INVALID_ARGUMENT', "unknown scheme 's3://'");
    await expectRejection(saveModel(mlp(), 'indexeddb://m'), 'INVALID_STATE', 'IndexedDB is not available here');
    await expectRejection(saveModel(mlp(), 'downloads://m'), 'INVALID_STATE', 'downloads need a browser document');
    const { Module } = await import('../src/module');
    class Custom extends Module {
      forward(x: never): never {
        return x;
      }
    }
    await expectRejection(saveModel(new Custom(), memoryStore()), 'INVALID_STATE', 'only Sequential models');
  });

  it('modelCheckpoint saves only when the monitored value improves', async () => {
    const { x, y } = regressionData(16);
    const model = new Sequential([dense({ units: 1, inputShape: [3], seed: 0 })]);
    model.compile({ optimizer: 'sgd', optimizerOptions: { lr: 0.05 }, loss: 'meanSquaredError' });
    const store = memoryStore();
    const ckpt = modelCheckpoint(store, { monitor: 'loss' });
    const h = await model.fit(x, y, { epochs: 4, callbacks: [ckpt], verbose: 0 });
    const best = h.history.loss!.indexOf(Math.min(...h.history.loss!));
    expect(ckpt.savedEpochs.at(-1)).toBe(best);
    expect(ckpt.savedEpochs).toEqual([...ckpt.savedEpochs].sort());
    expect((await loadModel(store)).countParams()).toBe(4);
  });
});
