/**
 * The sequence layers `lstm` and `gru`: a cell unrolled over the time axis of `[N, T, F]`.
 */
import { reshape, split, stack, type Tensor } from '@tensorkit/tensor';
import { Layer } from '../layer';
import { boolArg, optionsOf } from './args';
import { CELL_OPTIONS, type RecurrentCell, type RecurrentCellOptions } from './recurrent-cell';

/** Options of the sequence layers {@link lstm} and {@link gru}. */
export interface RecurrentOptions extends RecurrentCellOptions {
  /** Return every step's output `[N, T, hidden]` instead of the last one `[N, hidden]`. Default false. */
  returnSequences?: boolean;
}

/** A recurrent cell run over `[N, T, F]` from a zero state; its weights are `cell.<name>`. */
export abstract class Recurrent<C extends RecurrentCell = RecurrentCell> extends Layer {
  readonly returnSequences: boolean;
  /** The cell applied at every step. */
  readonly cell: C;

  protected constructor(options: RecurrentOptions, name: string, makeCell: (o: RecurrentCellOptions) => C) {
    const o = optionsOf(options, name, [...CELL_OPTIONS, 'returnSequences']);
    super(o);
    this.returnSequences = boolArg(o.returnSequences ?? false, 'returnSequences', name);
    const { returnSequences: _r, inputShape: _i, ...cellOptions } = o;
    this.cell = this.addModule('cell', makeCell(cellOptions));
  }

  computeOutputShape(inputShape: readonly number[]): number[] {
    this.assertRank(inputShape, [3], '[batch, time, features]');
    const [n, t, f] = inputShape as [number, number, number];
    const step = this.cell.computeOutputShape([n, f]);
    return this.returnSequences ? [n, t, step[1]!] : step;
  }

  protected override buildWeights(inputShape: readonly number[]): void {
    this.cell.build([inputShape[0]!, inputShape[2]!]);
  }

  forward(x: Tensor): Tensor {
    const [n, , f] = x.shape as [number, number, number];
    let state = this.cell.initialState(n);
    const outputs: Tensor[] = [];
    for (const xt of split(x, 1, 1)) {
      state = this.cell.step(reshape(xt, [n, f]), state);
      outputs.push(state[0]!);
    }
    return this.returnSequences ? stack(outputs, 1) : state[0]!;
  }

  override getConfig(): Record<string, unknown> {
    const { inputShape: _i, ...cell } = this.cell.getConfig();
    return { ...super.getConfig(), ...cell, returnSequences: this.returnSequences };
  }
}
