/** The settings form: filled from a {@link Config}, read back into one (or a message saying what is wrong). */
import { ACTIVATIONS, BACKENDS, OPTIMIZERS, parseHidden, type Config } from './config';
import { DATASET_LABELS, type DatasetName } from './datasets';

const LABELS: Record<string, string> = { cpu: 'CPU', webgl: 'WebGL (GPU)', sgd: 'SGD', adam: 'Adam', adamw: 'AdamW', rmsprop: 'RMSprop', adagrad: 'Adagrad' };

type Field = HTMLInputElement | HTMLSelectElement;

export class Controls {
  constructor(private readonly form: HTMLFormElement) {
    this.options('dataset', Object.keys(DATASET_LABELS), (v) => DATASET_LABELS[v as DatasetName]);
    this.options('activation', ACTIVATIONS);
    this.options('optimizer', OPTIMIZERS);
    this.options('backend', BACKENDS);
  }

  /** Shows `config` in the form. */
  write(config: Config): void {
    for (const [key, value] of Object.entries(config)) {
      const field = this.field(key);
      if (field) field.value = Array.isArray(value) ? value.join(', ') : String(value);
    }
  }

  /** The form as a config, or the first problem in words. */
  read(): Config | string {
    const hidden = parseHidden(this.field('hidden')!.value);
    if (typeof hidden === 'string') return `Hidden layers: ${hidden}`;
    const numbers: Record<string, number> = {};
    for (const key of ['lr', 'batchSize', 'l2', 'dropout', 'updateEvery', 'seed']) {
      const input = this.field(key) as HTMLInputElement;
      const v = Number(input.value);
      const [min, max] = [Number(input.min), input.max === '' ? Infinity : Number(input.max)];
      const integer = input.step === '1';
      if (input.value.trim() === '' || !Number.isFinite(v) || v < min || v > max || (integer && !Number.isInteger(v))) {
        const label = input.closest('label')?.firstChild?.textContent?.trim() ?? key;
        return `${label}: '${input.value}' must be ${integer ? 'an integer' : 'a number'} between ${min} and ${max}`;
      }
      numbers[key] = v;
    }
    if (numbers.lr === 0) return 'Learning rate: must be above 0';
    return {
      dataset: this.field('dataset')!.value as Config['dataset'],
      hidden,
      activation: this.field('activation')!.value as Config['activation'],
      optimizer: this.field('optimizer')!.value as Config['optimizer'],
      backend: this.field('backend')!.value as Config['backend'],
      lr: numbers.lr!,
      batchSize: numbers.batchSize!,
      l2: numbers.l2!,
      dropout: numbers.dropout!,
      updateEvery: numbers.updateEvery!,
      seed: numbers.seed!,
    };
  }

  /** Calls `fn` whenever a setting is changed. */
  onChange(fn: () => void): void {
    this.form.addEventListener('change', fn);
    this.form.addEventListener('submit', (e) => e.preventDefault());
  }

  private field(name: string): Field | null {
    return this.form.elements.namedItem(name) as Field | null;
  }

  private options(name: string, values: readonly string[], label: (v: string) => string = (v) => LABELS[v] ?? v): void {
    const select = this.field(name) as HTMLSelectElement;
    select.replaceChildren(...values.map((v) => new Option(label(v), v)));
  }
}
