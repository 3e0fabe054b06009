import { ArgumentError, StateError } from '@tensorkit/core';

/**
 * A saved model: the architecture (`model.json` text) and the weights (a safetensors file).
 *
 * @example
 * ```ts
 * const a: ModelArtifacts = { modelJson: '{"format":"tensorkit-model",...}', weights: new Uint8Array(bytes) };
 * ```
 */
export interface ModelArtifacts {
  modelJson: string;
  weights: Uint8Array;
}

/**
 * Where models are saved and loaded from. Built in: a Node directory, IndexedDB, browser
 * downloads, and memory; implement it for any other storage.
 *
 * @example
 * ```ts
 * const s3Store: ModelStore = { save: async (a) => upload(a), load: async () => download() };
 * ```
 */
export interface ModelStore {
  save(artifacts: ModelArtifacts): Promise<void>;
  load(): Promise<ModelArtifacts>;
}

/**
 * A directory with `model.json` and `model.safetensors` (Node; `node:fs` is imported only when
 * used, so browser bundles are unaffected).
 *
 * @example
 * ```ts
 * await saveModel(model, directoryStore('./my-model')); // same as saveModel(model, './my-model')
 * ```
 */
export function directoryStore(dir: string): ModelStore {
  const paths = async (): Promise<{ fs: typeof import('node:fs/promises'); json: string; weights: string }> => {
    // process.getBuiltinModule, not import(): bundlers do not see it, so browser bundles build
    // (esbuild refuses to resolve a Node built-in for the browser platform, even in import()).
    const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
    if (typeof proc?.getBuiltinModule !== 'function') {
      throw new StateError('INVALID_STATE', `directoryStore('${dir}'): a directory needs Node's file system; in a browser use 'indexeddb://name', 'downloads://name' or memoryStore()`);
    }
    const fs = proc.getBuiltinModule('node:fs/promises') as typeof import('node:fs/promises');
    const path = proc.getBuiltinModule('node:path') as typeof import('node:path');
    return { fs, json: path.join(dir, 'model.json'), weights: path.join(dir, 'model.safetensors') };
  };
  return {
    async save(a) {
      const { fs, json, weights } = await paths();
      await fs.mkdir(dir, { recursive: true });
      await fs.writeFile(weights, a.weights);
      await fs.writeFile(json, a.modelJson, 'utf8');
    },
    async load() {
      const { fs, json, weights } = await paths();
      return { modelJson: await fs.readFile(json, 'utf8'), weights: new Uint8Array(await fs.readFile(weights)) };
    },
  };
}

/**
 * Keeps the artifacts in memory as `ArrayBuffer`s (`store.artifacts`), for custom storage or tests.
 *
 * @example
 * ```ts
 * const store = memoryStore();
 * await saveModel(model, store);
 * send(store.artifacts!.weights); // an ArrayBuffer
 * const copy = await loadModel(memoryStore(store.artifacts!));
 * ```
 */
export function memoryStore(initial?: { modelJson: ArrayBuffer | string; weights: ArrayBuffer | Uint8Array }): ModelStore & {
  artifacts: { modelJson: ArrayBuffer; weights: ArrayBuffer } | undefined;
} {
  const toBuffer = (u: Uint8Array): ArrayBuffer => u.slice().buffer as ArrayBuffer;
  const text = (v: ArrayBuffer | string): string => (typeof v === 'string' ? v : new TextDecoder().decode(v));
  const store = {
    artifacts: initial && {
      modelJson: typeof initial.modelJson === 'string' ? toBuffer(new TextEncoder().encode(initial.modelJson)) : initial.modelJson,
      weights: initial.weights instanceof Uint8Array ? toBuffer(initial.weights) : initial.weights,
    },
    async save(a: ModelArtifacts) {
      store.artifacts = { modelJson: toBuffer(new TextEncoder().encode(a.modelJson)), weights: toBuffer(a.weights) };
    },
    async load(): Promise<ModelArtifacts> {
      if (!store.artifacts) throw new StateError('INVALID_STATE', 'memoryStore.load: nothing was saved to this store yet');
      return { modelJson: text(store.artifacts.modelJson), weights: new Uint8Array(store.artifacts.weights) };
    },
  };
  return store;
}

interface IDB {
  open(name: string, version?: number): IDBOpenDBRequest;
}

function idb(op: string): IDB {
  const factory = (globalThis as { indexedDB?: IDB }).indexedDB;
  if (!factory) {
    throw new StateError('INVALID_STATE', `${op}: IndexedDB is not available here (e.g. in Node); save to a directory path or a memoryStore() instead`);
  }
  return factory;
}

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

/**
 * Saves to and loads from the browser's IndexedDB, under `name` (database `tensorkit-models`).
 *
 * @example
 * ```ts
 * await saveModel(model, 'indexeddb://my-model'); // or indexedDBStore('my-model')
 * ```
 */
export function indexedDBStore(name: string): ModelStore {
  const open = async (op: string): Promise<IDBDatabase> => {
    const req = idb(op).open('tensorkit-models', 1);
    req.onupgradeneeded = () => req.result.createObjectStore('models');
    return request(req);
  };
  return {
    async save(a) {
      const db = await open('indexedDBStore.save');
      const tx = db.transaction('models', 'readwrite');
      await request(tx.objectStore('models').put({ modelJson: a.modelJson, weights: a.weights }, name));
      db.close();
    },
    async load() {
      const db = await open('indexedDBStore.load');
      const value = (await request(db.transaction('models', 'readonly').objectStore('models').get(name))) as ModelArtifacts | undefined;
      db.close();
      if (!value) throw new ArgumentError('INVALID_ARGUMENT', `indexedDBStore.load: no model named '${name}' in IndexedDB; save one first`);
      return { modelJson: value.modelJson, weights: new Uint8Array(value.weights) };
    },
  };
}

/**
 * Saves by downloading `name.json` and `name.safetensors` in the browser (save only).
 *
 * @example
 * ```ts
 * await saveModel(model, 'downloads://my-model');
 * ```
 */
export function downloadStore(name: string): ModelStore {
  return {
    async save(a) {
      const doc = (globalThis as { document?: Document }).document;
      if (!doc) throw new StateError('INVALID_STATE', 'downloadStore.save: downloads need a browser document; in Node save to a directory path');
      const files: [string, BlobPart][] = [[`${name}.json`, a.modelJson], [`${name}.safetensors`, a.weights as BlobPart]];
      for (const [file, data] of files) {
        const url = URL.createObjectURL(new Blob([data]));
        const link = doc.createElement('a');
        link.href = url;
        link.download = file;
        link.click();
        URL.revokeObjectURL(url);
      }
    },
    async load() {
      throw new StateError('INVALID_STATE', 'downloadStore.load: downloads are save-only; load the two files with memoryStore({ modelJson, weights })');
    },
  };
}

/**
 * A store from a target: `'indexeddb://name'`, `'downloads://name'`, `'file://dir'` or a plain
 * directory path, or a {@link ModelStore} itself.
 *
 * @example
 * ```ts
 * resolveStore('indexeddb://my-model');
 * ```
 */
export function resolveStore(target: string | ModelStore, op: string): ModelStore {
  if (typeof target === 'object' && target !== null && typeof target.save === 'function' && typeof target.load === 'function') return target;
  if (typeof target !== 'string' || target === '') {
    throw new ArgumentError('INVALID_ARGUMENT', `${op}: expected a directory path, 'indexeddb://name', 'downloads://name' or a ModelStore, got ${String(target)}`);
  }
  const [, scheme, rest] = /^([a-z][a-z0-9+.-]*):\/\/(.*)$/.exec(target) ?? [];
  if (scheme === undefined) return directoryStore(target);
  if (scheme === 'indexeddb') return indexedDBStore(rest!);
  if (scheme === 'downloads') return downloadStore(rest!);
  if (scheme === 'file') return directoryStore(rest!);
  throw new ArgumentError('INVALID_ARGUMENT', `${op}: unknown scheme '${scheme}://'; use a directory path, 'indexeddb://' or 'downloads://'`);
}
