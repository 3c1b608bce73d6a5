/**
 * The custom-function argument conventions: a scalar gives a scalar, a range
 * gives a range of the same shape (one formula per column instead of one call
 * per cell), blank in gives blank out, and bad input throws an Error that
 * names the function, the row and the value.
 */
import {isBlank, show, toNumber, toWallTime} from '../domain/cells';
import {InputError} from '../domain/input-error';
import type {WallClock, WallTime} from '../domain/wall-clock';

export type Grid = unknown[][];
export type Arg = unknown;

// Bound once: used per row and per cell (see domain/cells.ts).
const isArray = Array.isArray;
const NativeArray = Array;

export function isGrid(value: unknown): value is Grid {
  return isArray(value);
}

/** An Error whose message a person can act on: `FN: row 7: what is wrong`. */
export function formulaError(fn: string, message: string, row?: number): Error {
  return new Error(
    row === undefined ? `${fn}: ${message}` : `${fn}: row ${row}: ${message}`,
  );
}

/**
 * Runs a custom function's body, turning the domain's InputErrors into
 * `FN: row N: …` errors. Anything else is a bug and is left as it is.
 */
export function guard<T>(fn: string, body: () => T): T {
  try {
    return body();
  } catch (err) {
    if (err instanceof InputError) throw formulaError(fn, err.message, err.row);
    throw err;
  }
}

/** Normalises a range argument to rows of cells (Sheets passes 2D arrays; a lone array is one row). */
export function asRows(value: Grid): unknown[][] {
  return value.map(r => (isArray(r) ? r : [r]));
}

/** Widest row of a range (a loop: spreading 100,000 rows into Math.max overflows the stack). */
function widthOf(rows: unknown[][]): number {
  let cols = 0;
  for (const r of rows) if (r.length > cols) cols = r.length;
  return cols;
}

/**
 * Applies `fn` cell by cell over arguments that are each a scalar or a range.
 * Ranges must share one shape; scalars broadcast. Output has the ranges' shape,
 * or is a scalar when every argument is one. Any blank argument gives "".
 * Rows are numbered from 1 within the range (a column argument does not know
 * which sheet row it starts on); a scalar call has no row.
 */
export function elementwise<T>(
  fnName: string,
  names: readonly string[],
  args: readonly Arg[],
  compute: (values: unknown[], row: number | undefined, col: number) => T,
): T | '' | (T | '')[][] {
  const grids = args.map(a => (isGrid(a) ? asRows(a) : undefined));
  const first = grids.findIndex(g => g !== undefined);
  if (first < 0) {
    return args.some(isBlank) ? '' : compute([...args], undefined, 0);
  }
  const shapeFrom = grids[first]!;
  const rows = shapeFrom.length;
  const cols = widthOf(shapeFrom);
  grids.forEach((g, i) => {
    if (!g) return;
    const gCols = widthOf(g);
    if (g.length !== rows || gCols !== cols) {
      throw formulaError(
        fnName,
        `${names[i]} is ${g.length}×${gCols} but ${names[first]} is ${rows}×${cols}; give ranges of the same size`,
      );
    }
  });
  if (rows === 0 || cols === 0) {
    throw formulaError(fnName, `${names[first]} is an empty range`);
  }
  const out: (T | '')[][] = new NativeArray(rows);
  const values: unknown[] = new NativeArray(args.length);
  for (let r = 0; r < rows; r++) {
    const line: (T | '')[] = new NativeArray(cols);
    for (let c = 0; c < cols; c++) {
      let blank = false;
      for (let i = 0; i < args.length; i++) {
        const g = grids[i];
        const v = g ? g[r][c] : args[i];
        if (isBlank(v)) blank = true;
        values[i] = v;
      }
      line[c] = blank ? '' : compute(values, r + 1, c);
    }
    out[r] = line;
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

/** A number that is zero or more. */
export function requireNonNegative(
  fn: string,
  name: string,
  value: unknown,
  row?: number,
): number {
  const n = requireNumber(fn, name, value, row);
  if (n < 0)
    throw formulaError(fn, `${name} is ${n}, it cannot be negative`, row);
  return n;
}

/** A count: a whole number, zero or more. */
export function requireCount(
  fn: string,
  name: string,
  value: unknown,
  row?: number,
): number {
  const n = requireNonNegative(fn, name, value, row);
  if (!Number.isInteger(n)) {
    throw formulaError(fn, `${name} is ${n}, not a whole count`, row);
  }
  return n;
}

/** A share from 0% to 100% ("85%", 0.85). */
export function requireShare(
  fn: string,
  name: string,
  value: unknown,
  row?: number,
): number {
  const n = requireNumber(fn, name, value, row);
  if (n < 0 || n > 1) {
    throw formulaError(
      fn,
      `${name} is ${show(value)}, not a share between 0% and 100%`,
      row,
    );
  }
  return n;
}

/** A computed number that must be finite: huge inputs give an error, never Infinity or NaN. */
export function finite(
  fn: string,
  value: number,
  what: string,
  row?: number,
): number {
  if (!Number.isFinite(value)) {
    throw formulaError(fn, `${what} is too large to compute`, row);
  }
  return value;
}

/** An optional single-cell argument: a 1×1 range is its cell; a larger range is refused. */
export function singleCell(fn: string, name: string, value: unknown): unknown {
  if (!isGrid(value)) return value;
  const rows = asRows(value);
  if (rows.length === 1 && rows[0].length === 1) return rows[0][0];
  if (rows.length === 0 || rows.every(r => r.length === 0)) return '';
  throw formulaError(
    fn,
    `${name} must be one cell, not a ${rows.length}×${widthOf(rows)} range`,
  );
}

/**
 * The moment of evaluation on the spreadsheet's clock: a date cell or date
 * text; blank means now. Custom functions cannot take TODAY(), hence the
 * explicit cell.
 */
export function asOfArg(
  fn: string,
  value: unknown,
  clock: WallClock,
): WallTime {
  const cell = singleCell(fn, 'as_of', value);
  if (isBlank(cell)) return clock.wall(new Date());
  const wall = toWallTime(cell, clock);
  if (wall === undefined)
    throw formulaError(fn, `as_of is ${show(cell, clock)}, not a date`);
  return wall;
}

/** An optional whole number of days (a setting), with its default when blank. */
export function daysArg(
  fn: string,
  name: string,
  value: unknown,
  fallback: number,
): number {
  const cell = singleCell(fn, name, value);
  if (isBlank(cell)) return fallback;
  const n = toNumber(cell);
  if (n === undefined || !Number.isInteger(n) || n < 0) {
    throw formulaError(
      fn,
      `${name} is ${show(cell)}, not a whole number of days`,
    );
  }
  return n;
}

/** An optional share argument (a threshold), with its default when blank. */
export function shareArg(
  fn: string,
  name: string,
  value: unknown,
  fallback: number,
): number {
  const cell = singleCell(fn, name, value);
  return isBlank(cell) ? fallback : requireShare(fn, name, cell);
}

/** Every cell of a range row by row (a scalar is one cell). */
export function cellsOf(value: Arg): unknown[] {
  if (!isGrid(value)) return [value];
  const out: unknown[] = [];
  for (const r of asRows(value)) for (const c of r) out.push(c);
  return out;
}

/** The cells of two ranges read side by side; refused unless they hold as many cells. */
export function pairedCells(
  fn: string,
  names: readonly [string, string],
  ranges: readonly [Arg, Arg],
): unknown[][] {
  const [a, b] = ranges.map(cellsOf);
  if (a.length !== b.length)
    throw formulaError(
      fn,
      `${names[0]} has ${a.length} cells but ${names[1]} has ${b.length}; give ranges of the same size`,
    );
  return [a, b];
}

/**
 * Periods down one column or along one row, oldest first (a block has no
 * order): the results back in the range's shape, a single cell's as a value.
 */
export function alongPeriods(fn: string, name: string, range: Arg) {
  const rows = isGrid(range) ? asRows(range) : [[range]];
  if (!cellsOf(range).length)
    throw formulaError(fn, `${name} is an empty range`);
  if (rows.length > 1 && rows.some(r => r.length !== 1))
    throw formulaError(fn, `${name} must be one column or one row`);
  return <T>(results: T[]) =>
    !isGrid(range)
      ? results[0]
      : rows.length > 1
        ? results.map(r => [r])
        : [results];
}
