/*
 * Optional multi-threaded GEMM for Node: large products are cut into row chunks that the calling
 * thread and worker threads claim from a shared counter (operands in SharedArrayBuffers). The
 * calling thread never waits long: a chunk a worker is still computing after about one chunk-time
 * (its thread descheduled on a busy machine) is recomputed on the calling thread. Feature-detected
 * (process.getBuiltinModule, SharedArrayBuffer, Atomics); in bundles without Node builtins it is
 * simply off, and the browser build replaces this module with ./parallel.browser.ts. Workers are
 * unref'd, so they never keep a process alive; a worker error disables threading. Results are
 * bit-identical to one thread.
 */
import { gemmKernel, packedBSize, type GemmScratch, type MatrixView } from './gemm-kernel';
import { assertThreadCount } from './threads';
import { stridedCopy } from './util';

/** Products below this many multiply-adds (~1.5 ms on one core) stay on the calling thread. */
const PARALLEL_MIN_WORK = 2 ** 23;

interface WorkerLike {
  postMessage(message: unknown): void;
  unref(): void;
  terminate(): unknown;
  on(event: string, listener: (...args: unknown[]) => void): unknown;
}

interface Pool {
  workers: WorkerLike[];
  /** Slot `i` becomes 1 once worker `i` is listening. */
  ready: Int32Array;
}

interface NodeProcess {
  versions?: { node?: string };
  getBuiltinModule?: (id: string) => unknown;
}

let requestedThreads: number | undefined;
/** `undefined`: not started yet; `null`: unavailable or disabled. */
let pool: Pool | null | undefined;

function nodeBuiltin<T>(id: string): T | undefined {
  const proc = (globalThis as { process?: NodeProcess }).process;
  if (!proc?.versions?.node || typeof proc.getBuiltinModule !== 'function') return undefined;
  try {
    return proc.getBuiltinModule(id) as T | undefined;
  } catch {
    return undefined;
  }
}

function autoThreads(): number {
  const os = nodeBuiltin<{ availableParallelism?: () => number; cpus: () => unknown[] }>('node:os');
  if (!os) return 1;
  return Math.max(1, Math.min(4, os.availableParallelism ? os.availableParallelism() : os.cpus().length));
}

/**
 * Sets how many threads large matrix products (and convolutions) may use in Node; 1 turns
 * threading off. The default is the number of cores, at most 4. Has no effect in browsers.
 *
 * @example
 * ```ts
 * import { setCpuThreads } from '@tensorkit/backend-cpu';
 * setCpuThreads(1); // single-threaded, e.g. for benchmarks of one core
 * ```
 */
export function setCpuThreads(threads: number): void {
  assertThreadCount(threads);
  requestedThreads = threads;
  shutDown();
  pool = undefined;
}

/**
 * The number of threads large matrix products may use (1 when threading is unavailable).
 *
 * @example
 * ```ts
 * getCpuThreads(); // 2 on a 2-core machine in Node
 * ```
 */
export function getCpuThreads(): number {
  if (pool === null) return 1;
  return requestedThreads ?? autoThreads();
}

function shutDown(): void {
  if (pool) for (const w of pool.workers) void w.terminate();
  pool = null;
}

/** One product shared between threads: operands in SharedArrayBuffers, rows cut into chunks. */
interface ChunkJob {
  a: SharedArrayBuffer;
  /** B packed once by the calling thread (Float64, {@link packedBSize} elements). */
  b: SharedArrayBuffer;
  c: SharedArrayBuffer;
  m: number;
  n: number;
  k: number;
  accumulate: boolean;
  /** Per chunk: 0 free, 1 taken, 2 done, 3 failed. */
  states: SharedArrayBuffer;
  chunkRows: number;
  chunks: number;
}

/**
 * The chunk loop every thread runs (the calling thread and each worker): claim a free chunk with
 * compareExchange, compute its rows, publish done or failed. Returns how many chunks this thread
 * computed. Self-contained: workers run its source.
 */
function claimChunks(job: ChunkJob, kernel: typeof gemmKernel, scratch: GemmScratch): number {
  const states = new Int32Array(job.states);
  const a = { data: new Float32Array(job.a, 0, job.m * job.k), offset: 0, rowStride: job.k, colStride: 1 };
  const packedB = new Float64Array(job.b, 0, Math.ceil(job.n / 4) * 4 * job.k);
  const c = new Float32Array(job.c, 0, job.m * job.n);
  let done = 0;
  for (let i = 0; i < job.chunks; i++) {
    if (Atomics.compareExchange(states, i, 0, 1) !== 0) continue;
    done++;
    const r0 = i * job.chunkRows;
    a.offset = r0 * job.k;
    let status = 2;
    try {
      kernel(Math.min(job.chunkRows, job.m - r0), job.n, job.k, a, a, c, r0 * job.n, job.n, job.accumulate, scratch, packedB);
    } catch {
      status = 3;
    }
    Atomics.store(states, i, status);
    Atomics.notify(states, i);
  }
  return done;
}

function workerSource(): string {
  return `'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const __name = (f) => f;
const gemmKernel = (${gemmKernel.toString()});
const scratch = { packA: new Float64Array(0), packB: new Float64Array(0), edge: new Float64Array(16) };
const claimChunks = (${claimChunks.toString()});
parentPort.on('message', (job) => claimChunks(job, gemmKernel, scratch));
// Warm the JIT before taking real work, so the calling thread never waits on interpreted code.
{
  const w = { data: new Float32Array(64 * 64).fill(1), offset: 0, rowStride: 64, colStride: 1 };
  const out = new Float32Array(64 * 64);
  for (let i = 0; i < 40; i++) gemmKernel(64, 64, 64, w, w, out, 0, 64, false, scratch);
}
Atomics.store(new Int32Array(workerData.ready), workerData.index, 1);
`;
}

function getPool(): Pool | null {
  if (pool !== undefined) return pool;
  pool = null;
  const threads = requestedThreads ?? autoThreads();
  if (threads < 2 || typeof SharedArrayBuffer === 'undefined' || typeof Atomics === 'undefined') return null;
  const wt = nodeBuiltin<{ Worker: new (source: string, options: object) => WorkerLike }>('node:worker_threads');
  if (!wt) return null;
  try {
    const ready = new Int32Array(new SharedArrayBuffer(4 * (threads - 1)));
    const source = workerSource();
    const workers: WorkerLike[] = [];
    const created: Pool = { workers, ready };
    for (let i = 0; i < threads - 1; i++) {
      const w = new wt.Worker(source, { eval: true, workerData: { ready: ready.buffer, index: i } });
      w.unref();
      const disable = (): void => {
        if (pool === created) shutDown();
      };
      w.on('error', disable);
      w.on('exit', disable);
      workers.push(w);
    }
    pool = created;
  } catch {
    pool = null;
  }
  return pool;
}

/**
 * Shared operand buffers, reused between products: once a product completes, every chunk of it is
 * claimed, so no worker touches them again (each product gets a fresh chunk-state buffer).
 */
const sharedBuffers: SharedArrayBuffer[] = [];

function sharedBuffer(slot: number, bytes: number): SharedArrayBuffer {
  let buffer = sharedBuffers[slot];
  if (!buffer || buffer.byteLength < bytes) {
    buffer = new SharedArrayBuffer(Math.max(bytes, 4096));
    sharedBuffers[slot] = buffer;
  }
  return buffer;
}

/**
 * Computes the product over the worker pool when it is worth it. Returns false (having done
 * nothing) when the product is small or threading is unavailable; the caller then runs
 * {@link gemmKernel} itself.
 */
export function parallelGemm(
  m: number,
  n: number,
  k: number,
  a: MatrixView,
  b: MatrixView,
  c: Float32Array,
  cOffset: number,
  ldc: number,
  accumulate: boolean,
  scratch: GemmScratch,
): boolean {
  if (m * n * k < PARALLEL_MIN_WORK || m < 32) return false;
  const p = getPool();
  if (!p) return false;
  const workers = p.workers.filter((_, i) => Atomics.load(p.ready, i) === 1);
  if (workers.length === 0) return false;

  // Rows are cut into chunks that every thread claims with compareExchange (0 free, 1 taken,
  // 2 done, 3 failed), so a worker descheduled by a busy machine only delays its current chunk.
  const parts = workers.length + 1;
  const chunkRows = Math.max(32, Math.ceil(m / (parts * 8) / 4) * 4);
  const chunks = Math.ceil(m / chunkRows);
  const sa = new Float32Array(sharedBuffer(0, 4 * m * k), 0, m * k);
  const sb = new Float64Array(sharedBuffer(1, 8 * packedBSize(n, k)), 0, packedBSize(n, k));
  const sc = new Float32Array(sharedBuffer(2, 4 * m * n), 0, m * n);
  stridedCopy([m, k], a.data as Float32Array, a.offset, [a.rowStride, a.colStride], sa, 0, [k, 1]);
  gemmKernel(0, n, k, a, b, sc, 0, n, false, scratch, sb, true);
  if (accumulate) stridedCopy([m, n], c, cOffset, [ldc, 1], sc, 0, [n, 1]);
  const states = new Int32Array(new SharedArrayBuffer(4 * chunks));
  const job: ChunkJob = { a: sa.buffer as SharedArrayBuffer, b: sb.buffer as SharedArrayBuffer, c: sc.buffer as SharedArrayBuffer, m, n, k, accumulate, states: states.buffer, chunkRows, chunks };
  for (const w of workers) w.postMessage(job);
  const start = performance.now();
  const mine = claimChunks(job, gemmKernel, scratch);
  // How long one chunk takes here: a worker chunk still running after about that long is late
  // (its thread was descheduled on a busy machine), and computing it again beats waiting.
  const patience = Math.max(0.5, (performance.now() - start) / Math.max(1, mine));

  // Copy back finished chunks. A chunk that failed or is late is recomputed from the original
  // operands straight into c; its worker may still write into the shared buffers later, so those
  // are then dropped instead of reused.
  let failed = false;
  let late = false;
  for (let i = 0; i < chunks; i++) {
    if (Atomics.load(states, i) === 1) Atomics.wait(states, i, 1, patience);
    const r0 = i * chunkRows;
    const rows = Math.min(chunkRows, m - r0);
    const state = Atomics.load(states, i);
    if (state === 2) {
      stridedCopy([rows, n], sc, r0 * n, [n, 1], c, cOffset + r0 * ldc, [ldc, 1]);
    } else {
      if (state === 3) failed = true;
      else late = true;
      gemmKernel(rows, n, k, { ...a, offset: a.offset + r0 * a.rowStride }, b, c, cOffset + r0 * ldc, ldc, accumulate, scratch);
    }
  }
  if (failed) shutDown();
  if (failed || late) sharedBuffers.length = 0;
  return true;
}
