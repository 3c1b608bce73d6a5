/**
 * The custom-function argument conventions: a scalar gives a scalar, a range
 * gives a range of the same shape (one formula per column instead of one call
 * per cell), blank in gives blank out, and bad input throws an Error that
 * names the function, the row and the value.
 */
import {isBlank, show, toNumber} from '../domain/cells';

export type Grid = unknown[][];
export type Arg = unknown;

export function isGrid(value: unknown): value is Grid {
  return Array.isArray(value);
}

/** An Error whose message a person can act on: `FN: row 7: what is wrong`. */
export function formulaError(fn: string, message: string, row?: number): Error {
  return new Error(
    row === undefined ? `${fn}: ${message}` : `${fn}: row ${row}: ${message}`,
  );
}

/** Normalises a range argument to rows of cells (Sheets passes 2D arrays; a lone array is one row). */
export function asRows(value: Grid): unknown[][] {
  return value.map(r => (Array.isArray(r) ? r : [r]));
}

/**
 * Applies `fn` cell by cell over arguments that are each a scalar or a range.
 * Ranges must share one shape; scalars broadcast. Output has the ranges' shape,
 * or is a scalar when every argument is one. Any blank argument gives "".
 */
export function elementwise<T>(
  fnName: string,
  names: readonly string[],
  args: readonly Arg[],
  compute: (values: unknown[], row: number) => T,
): T | '' | (T | '')[][] {
  const grids = args.map(a => (isGrid(a) ? asRows(a) : undefined));
  const shapeFrom = grids.find(g => g !== undefined);
  if (!shapeFrom) {
    return args.some(isBlank) ? '' : compute([...args], 1);
  }
  const rows = shapeFrom.length;
  const cols = Math.max(0, ...shapeFrom.map(r => r.length));
  grids.forEach((g, i) => {
    if (!g) return;
    const gCols = Math.max(0, ...g.map(r => r.length));
    if (g.length !== rows || gCols !== cols) {
      throw formulaError(
        fnName,
        `${names[i]} is ${g.length}×${gCols} but ${names[grids.indexOf(shapeFrom)]} is ${rows}×${cols}; give ranges of the same size`,
      );
    }
  });
  const out: (T | '')[][] = [];
  for (let r = 0; r < rows; r++) {
    const line: (T | '')[] = [];
    for (let c = 0; c < cols; c++) {
      const values = args.map((a, i) => (grids[i] ? grids[i]![r][c] : a));
      line.push(values.some(isBlank) ? '' : compute(values, r + 1));
    }
    out.push(line);
  }
  return out;
}

/** A number from a cell, or an Error naming the argument, row and value. */
export function requireNumber(
  fn: string,
  name: string,
  value: unknown,
  row?: number,
): number {
  const n = toNumber(value);
  if (n === undefined) {
    throw formulaError(fn, `${name} is ${show(value)}, not a number`, row);
  }
  return n;
}
