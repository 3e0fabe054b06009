/**
 * The benchmark harness: one process, both libraries, interleaved repetitions, medians.
 */

/** What a benchmark prepared: the two timed closures and the cleanup of its inputs. */
export interface Prepared {
  /** One tensorkit run, including reading the result (`await t.data()`) and disposing it. */
  tensorkit(): Promise<void>;
  /** The same computation with the peer library (TensorFlow.js, CPU backend). */
  peer(): Promise<void>;
  /** Frees the inputs. */
  dispose(): void;
}

/** One entry of the benchmark list. */
export interface Benchmark {
  readonly name: string;
  /** Timed repetitions per library (interleaved). */
  readonly reps: number;
  /** Untimed runs per library before timing. Default 2. */
  readonly warmup?: number;
  /** Floating-point operations of one run, to print GFLOP/s (matMul: 2·M·N·K). */
  readonly flops?: number;
  /** Creates the inputs (the same values for both libraries). */
  prepare(): Promise<Prepared> | Prepared;
}

/** The measured medians of one benchmark. */
export interface Result {
  readonly name: string;
  readonly tensorkit_ms: number;
  readonly peer_ms: number;
  /** `peer_ms / tensorkit_ms`: above 1, tensorkit is faster. */
  readonly ratio: number;
  readonly flops?: number;
}

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

async function time(run: () => Promise<void>): Promise<number> {
  const t0 = performance.now();
  await run();
  return performance.now() - t0;
}

/**
 * Runs one benchmark: warms both libraries up, then alternates them rep by rep (swapping which
 * goes first every rep, so neither always runs on a warmer cache), and returns the medians.
 */
export async function runBenchmark(b: Benchmark): Promise<Result> {
  const prepared = await b.prepare();
  try {
    for (let i = 0; i < (b.warmup ?? 2); i++) {
      await prepared.tensorkit();
      await prepared.peer();
    }
    const tk: number[] = [];
    const peer: number[] = [];
    for (let i = 0; i < b.reps; i++) {
      if (i % 2 === 0) {
        tk.push(await time(() => prepared.tensorkit()));
        peer.push(await time(() => prepared.peer()));
      } else {
        peer.push(await time(() => prepared.peer()));
        tk.push(await time(() => prepared.tensorkit()));
      }
    }
    const tensorkit_ms = median(tk);
    const peer_ms = median(peer);
    return { name: b.name, tensorkit_ms, peer_ms, ratio: peer_ms / tensorkit_ms, ...(b.flops === undefined ? {} : { flops: b.flops }) };
  } finally {
    prepared.dispose();
  }
}

const gflops = (flops: number | undefined, ms: number): string => (flops === undefined ? '' : (flops / ms / 1e6).toFixed(2));

/** The results as a plain-text table. */
export function formatTable(results: readonly Result[]): string {
  const header = ['benchmark', 'tensorkit ms', 'tfjs ms', 'ratio (tfjs/tk)', 'tk GFLOP/s', 'tfjs GFLOP/s'];
  const rows = results.map((r) => [
    r.name,
    r.tensorkit_ms.toFixed(3),
    r.peer_ms.toFixed(3),
    r.ratio.toFixed(2),
    gflops(r.flops, r.tensorkit_ms),
    gflops(r.flops, r.peer_ms),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
