/*
 * Loop specialization. A shared loop that calls a per-element function through a variable is a
 * megamorphic call site: V8 cannot inline it, and on 1M elements the call costs more than the
 * math (relu 1.8x, sigmoid 1.5x, sum 18x slower measured here). So each kernel family keeps ONE
 * loop template, and each kernel supplies only its per-element expression; the template is
 * compiled once per kernel with `new Function`. Where code generation is forbidden (a browser
 * Content-Security-Policy without 'unsafe-eval'), the generic closure loop runs instead: same
 * results, slower.
 */

/** A compiled elementwise map: `ys[i] = f(xs[i], a, b)` for `i < n` (`a`, `b`: the kernel's attributes). */
export type MapLoop = (xs: ArrayLike<number>, ys: { [i: number]: number }, n: number, a: number, b: number) => void;

/** A compiled fold over `xs[start .. start + n)`, from `init`. */
export type FoldLoop = (xs: ArrayLike<number>, start: number, n: number, init: number) => number;

/** A compiled row accumulation: `acc[i] = op(acc[i], xs[start + i])` for `i < n`. */
export type AccumulateLoop = (acc: Float64Array, xs: ArrayLike<number>, start: number, n: number) => void;

let codegenAllowed: boolean | undefined;

function compile<T>(params: string[], body: string): T | undefined {
  if (codegenAllowed === false) return undefined;
  try {
    const fn = new Function(...params, body) as T;
    codegenAllowed = true;
    return fn;
  } catch {
    codegenAllowed = false;
    return undefined;
  }
}

/**
 * A map loop for the expression `expr` of the element `v` and the attributes `a`, `b` (e.g.
 * `'v < 0 ? 0 : v'`, `'v > 0 ? v : v * a'`); `fn` must compute the same thing and is the fallback.
 *
 * @example
 * ```ts
 * const relu = compileMap('v < 0 ? 0 : v', (v) => (v < 0 ? 0 : v));
 * relu(xs, ys, xs.length);
 * ```
 */
export function compileMap(expr: string, fn: (v: number, a: number, b: number) => number): MapLoop {
  return (
    compile<MapLoop>(['xs', 'ys', 'n', 'a', 'b'], `for (let i = 0; i < n; i++) { const v = xs[i]; ys[i] = ${expr}; }`) ??
    genericMap(fn)
  );
}

/**
 * The generic map loop, calling `fn` per element: the fallback, and the loop of functions with
 * no expression form.
 *
 * @example
 * ```ts
 * genericMap(erf)(xs, ys, xs.length);
 * ```
 */
export function genericMap(fn: (v: number, a: number, b: number) => number): MapLoop {
  return (xs, ys, n, a, b) => {
    for (let i = 0; i < n; i++) ys[i] = fn(xs[i]!, a, b);
  };
}

/**
 * A fold loop for the accumulation expression `expr` of `acc` and `v` (e.g. `'acc + v'`); `op`
 * is the same function, the fallback.
 *
 * @example
 * ```ts
 * const sum = compileFold('acc + v', (acc, v) => acc + v);
 * sum(xs, 0, xs.length, 0);
 * ```
 */
export function compileFold(expr: string, op: (acc: number, v: number) => number): FoldLoop {
  return (
    compile<FoldLoop>(
      ['xs', 'start', 'n', 'init'],
      `let acc = init; const end = start + n; for (let i = start; i < end; i++) { const v = xs[i]; acc = ${expr}; } return acc;`,
    ) ??
    ((xs, start, n, init) => {
      let acc = init;
      for (let i = start; i < start + n; i++) acc = op(acc, xs[i]!);
      return acc;
    })
  );
}

/**
 * A row-accumulation loop for the same expression as {@link compileFold}: used when the reduced
 * axis is not innermost, so rows are combined elementwise (contiguous reads).
 *
 * @example
 * ```ts
 * const addRow = compileAccumulate('acc + v', (acc, v) => acc + v);
 * addRow(acc, xs, rowStart, rowLength);
 * ```
 */
export function compileAccumulate(expr: string, op: (acc: number, v: number) => number): AccumulateLoop {
  return (
    compile<AccumulateLoop>(
      ['accs', 'xs', 'start', 'n'],
      `for (let i = 0; i < n; i++) { const acc = accs[i]; const v = xs[start + i]; accs[i] = ${expr}; }`,
    ) ??
    ((accs, xs, start, n) => {
      for (let i = 0; i < n; i++) accs[i] = op(accs[i]!, xs[start + i]!);
    })
  );
}

/**
 * A compiled binary row: `out[o + i] = f(av[ai + i·sa], bv[bi + i·sb])` for `i < n`. Strides of 1
 * cover equal shapes, a stride of 0 a scalar or broadcast operand.
 */
export type ZipLoop = (
  out: { [i: number]: number },
  o: number,
  av: ArrayLike<number>,
  ai: number,
  sa: number,
  bv: ArrayLike<number>,
  bi: number,
  sb: number,
  n: number,
) => void;

/**
 * A binary row loop for the expression `expr` of `a` and `b` (e.g. `'a + b'`); `fn` is the same
 * function, the fallback (and the loop of functions with no expression form).
 *
 * @example
 * ```ts
 * const add = compileZip('a + b', (a, b) => a + b);
 * add(out, 0, as, 0, 1, bs, 0, 0, n); // out = as + bs[0]
 * ```
 */
export function compileZip(expr: string | null, fn: (a: number, b: number) => number): ZipLoop {
  const compiled =
    expr === null
      ? undefined
      : compile<ZipLoop>(
          ['out', 'o', 'av', 'ai', 'sa', 'bv', 'bi', 'sb', 'n'],
          `for (let i = 0; i < n; i++, ai += sa, bi += sb) { const a = av[ai]; const b = bv[bi]; out[o + i] = ${expr}; }`,
        );
  return (
    compiled ??
    ((out, o, av, ai, sa, bv, bi, sb, n) => {
      for (let i = 0; i < n; i++, ai += sa, bi += sb) out[o + i] = fn(av[ai]!, bv[bi]!);
    })
  );
}

/** For tests: forces the fallback loops (as under a CSP that forbids code generation). @internal */
export function setCodegenAllowed(allowed: boolean | undefined): void {
  codegenAllowed = allowed;
}
