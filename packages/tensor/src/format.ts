import type { BackendValues, DType } from '@tensorkit/core';

const EDGE = 3;
const SUMMARIZE_ABOVE = 1000;

function formatNumber(v: number, dtype: DType): string {
  if (dtype === 'bool') return v ? 'true' : 'false';
  if (dtype === 'int32' || Number.isInteger(v)) return String(v);
  const s = v.toPrecision(4);
  return s.includes('e') ? s : String(Number(s));
}

/**
 * Formats values like NumPy's repr: nested brackets, rows aligned, large tensors summarised
 * with `...` (three items at each edge).
 * @internal
 */
export function formatTensor(values: BackendValues, shape: readonly number[], dtype: DType): string {
  const summarize = values.length > SUMMARIZE_ABOVE;
  const strides: number[] = [];
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i]!;
  }
  const cells: string[] = [];
  const render = (offset: number, axis: number, indent: string): string => {
    if (axis === shape.length) {
      const cell = formatNumber(values[offset]!, dtype);
      cells.push(cell);
      return cell;
    }
    const n = shape[axis]!;
    const idx: (number | null)[] = [];
    if (summarize && n > 2 * EDGE) {
      for (let i = 0; i < EDGE; i++) idx.push(i);
      idx.push(null);
      for (let i = n - EDGE; i < n; i++) idx.push(i);
    } else for (let i = 0; i < n; i++) idx.push(i);
    const parts = idx.map((i) => (i === null ? '...' : render(offset + i * strides[axis]!, axis + 1, indent + ' ')));
    const sep = axis === shape.length - 1 ? ', ' : ',\n' + '\n'.repeat(Math.max(0, shape.length - axis - 2)) + indent + ' ';
    return '[' + parts.join(sep) + ']';
  };
  const prefix = 'Tensor(';
  let body = render(0, 0, ' '.repeat(prefix.length));
  // Right-align numbers to the widest cell so columns line up, as NumPy does.
  const width = Math.max(0, ...cells.map((c) => c.length));
  body = body.replace(/-?[\w.+-]+|\.\.\./g, (m) => (m === '...' ? m : m.padStart(width)));
  return `${prefix}${body}, shape=[${shape.join(',')}], dtype=${dtype})`;
}
