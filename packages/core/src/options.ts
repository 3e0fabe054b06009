import { ArgumentError } from './errors';

/**
 * A short description of a value for error messages: strings quoted, numbers as written, other
 * things by kind.
 *
 * @example
 * ```ts
 * describeValue('sgd'); // '"sgd"'
 * describeValue([1, 2]); // 'an array of length 2'
 * ```
 */
export function describeValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null || v === undefined) return String(v);
  if (Array.isArray(v)) return `an array of length ${v.length}`;
  return typeof v;
}

/**
 * The edit distance between two names, case-insensitive: the number of single-character
 * insertions, deletions and substitutions.
 *
 * @example
 * ```ts
 * editDistance('stride', 'strides'); // 1
 * ```
 */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j]!;
      row[j] = Math.min(up + 1, row[j - 1]! + 1, diag + (a[i - 1]!.toLowerCase() === b[j - 1]!.toLowerCase() ? 0 : 1));
      diag = up;
    }
  }
  return row[b.length]!;
}

/**
 * The name in `candidates` closest to `name`, if one is close enough to be a likely typo.
 *
 * @example
 * ```ts
 * closestName('ceil_mode', ['ceilMode', 'padding']); // 'ceilMode'
 * closestName('min', ['minVal', 'maxVal']);           // 'minVal'
 * ```
 */
export function closestName(name: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  const lower = name.replace(/_/g, '').toLowerCase();
  // A truncated or extended name ('min' for 'minVal', 'outputPad' for 'outputPadding') is the likeliest typo.
  const prefix = lower.length >= 3 ? list.find((c) => c.toLowerCase().startsWith(lower) || lower.startsWith(c.toLowerCase())) : undefined;
  if (prefix !== undefined) return prefix;
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const c of list) {
    const d = editDistance(name.replace(/_/g, ''), c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * The error for an option key `fn` does not take, suggesting the closest known one.
 *
 * @example
 * ```ts
 * throw unknownOptionError('conv1d', 'stride', ['strides', 'padding']);
 * // conv1d: unknown option 'stride'; did you mean 'strides'? (options: strides, padding)
 * ```
 */
export function unknownOptionError(fn: string, key: string, known: readonly string[]): ArgumentError {
  const near = closestName(key, known);
  const list = known.length ? `(options: ${known.join(', ')})` : '(it takes no options)';
  return new ArgumentError('INVALID_ARGUMENT', `${fn}: unknown option '${key}'${near ? `; did you mean '${near}'?` : ''} ${list}`);
}

/**
 * Checks an options argument: absent gives `{}`; otherwise it must be a plain object whose keys
 * are all in `known`. An unknown key is an error, not a silently ignored typo: a JavaScript caller
 * writing `{ stride: 2 }` for `{ strides: 2 }` would otherwise get the default.
 *
 * @example
 * ```ts
 * const { strides = 1 } = checkOptions(options, 'conv2d', ['strides', 'padding']);
 * ```
 */
export function checkOptions<T extends object>(options: T | undefined, fn: string, known: readonly string[]): T {
  if (options === undefined) return {} as T;
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new ArgumentError('INVALID_ARGUMENT', `${fn}: options must be an object like { ${known.join(', ')} }, got ${describeValue(options)}`);
  }
  for (const key of Object.keys(options)) if (!known.includes(key)) throw unknownOptionError(fn, key, known);
  return options;
}
