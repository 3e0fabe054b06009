/** What an experiment's `run` receives. */
export interface ExperimentOptions {
  /** A reduced run for CI: fewer epochs/samples, the same verdict. */
  fast: boolean;
  /** Where the plots go (`apps/examples/out/<name>/` from the CLI). */
  outDir: string;
  /** Progress lines (the CLI prints them; tests may drop them). */
  log: (line: string) => void;
}

/** What an experiment found. */
export interface ExperimentResult {
  /** The one line the CLI prints as `verdict: ...`. */
  verdict: string;
  /** The numbers behind the verdict; the experiment's test asserts them. */
  metrics: Record<string, number>;
  /** The PNG files written. */
  plots: string[];
}

/** One runnable experiment: `npm run experiment -- <name> [--fast]`. */
export interface Experiment {
  /** kebab-case, the CLI argument and the output folder. */
  name: string;
  /** One line for `--list`. */
  title: string;
  run(options: ExperimentOptions): Promise<ExperimentResult>;
}
