/** What `npm run demo -- ...` asked for. */
export interface DemoOptions {
  /** The backend to train on: `cpu` (default), or `webgl` where WebGL2 exists (browsers). */
  backend: string;
  /** The reduced CI run: 2,000 digits and 2 epochs instead of 10,000 and 6. */
  fast: boolean;
  /** Epochs, overriding the mode's default. */
  epochs: number;
  /** Where the model and the plot go. */
  outDir: string;
  /** `--predict <index>`: classify test digit `index` with the saved model instead of training. */
  predict: number | undefined;
}

export const FULL = { samples: 10_000, epochs: 6 };
export const FAST = { samples: 2_000, epochs: 2 };

const USAGE = `usage: npm run demo -- [--backend cpu|webgl] [--fast] [--epochs N] [--out DIR] [--predict INDEX]`;

/** Parses the demo's flags; throws an Error whose message includes the usage line on bad input. */
export function parseDemoArgs(argv: readonly string[], defaultOut: string): DemoOptions {
  const options: DemoOptions = { backend: 'cpu', fast: false, epochs: NaN, outDir: defaultOut, predict: undefined };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${flag} needs a value\n${USAGE}`);
      return v;
    };
    const count = (v: string, min: number): number => {
      const n = Number(v);
      if (!Number.isInteger(n) || n < min) throw new Error(`${flag} must be an integer ≥ ${min}, got '${v}'\n${USAGE}`);
      return n;
    };
    if (flag === '--backend') options.backend = value();
    else if (flag === '--fast') options.fast = true;
    else if (flag === '--epochs') options.epochs = count(value(), 1);
    else if (flag === '--out') options.outDir = value();
    else if (flag === '--predict') options.predict = count(value(), 0);
    else if (flag === '--help' || flag === '-h') throw new Error(USAGE);
    else throw new Error(`unknown flag '${flag}'\n${USAGE}`);
  }
  if (Number.isNaN(options.epochs)) options.epochs = options.fast ? FAST.epochs : FULL.epochs;
  return options;
}
