/**
 * The preview's calculation: what Sheets does with a cell whose formula calls
 * one of the add-on's custom functions. Arguments are read as Sheets hands
 * them (Custom Functions guide, "Arguments"): a single cell as its value, a
 * range as a 2-D array, blanks as "", dates as Date; the function runs in the
 * built bundle through the loader in AuthMode.CUSTOM_FUNCTION; its result
 * shows in the cell and spills below and to the right (#REF! when that would
 * cover data). Results are an overlay the view and other formulas read; the
 * cells keep the formula, as the emulator stores it. A formula is computed
 * again only when a value it reads changed. Other formulas are Sheets' own
 * and are shown as "not computed here".
 */
import type {Emulator} from '../../emulator';
import {unwrap} from '../../emulator/instrument';
import type {LoadedBundle} from '../../emulator/loader';
import {
  columnLetter,
  type CellValue,
  type FakeRange,
  type FakeSheet,
} from '../../emulator/spreadsheet';
import {clampA1, parseFormula, type FormulaCall} from './formula';
import {isDateValue, toScriptFailure} from './serialise';

/** What one computed formula shows: its result and, for an error, why (a cell note in Sheets). */
export interface Computed {
  values: CellValue[][];
  error?: string;
}

const ERROR = '#ERROR!';
const REF = '#REF!';

/** The names the build marks @customfunction (what Sheets offers in a formula). */
export function customFunctionsOf(code: string): string[] {
  const names = new Set<string>();
  const re = /@customfunction\b[\s\S]*?\*\/\s*function\s+([A-Za-z_$][\w$]*)/g;
  for (let m = re.exec(code); m; m = re.exec(code)) names.add(m[1]);
  return [...names];
}

const key = (r: number, c: number) => `${r},${c}`;

interface Shown {
  sheetId: number;
  row: number;
  column: number;
  computed: Computed;
}

export class Calculator {
  /** Per sheet id and cell of a formula: the result it shows now, over the area it spills into. */
  private readonly shown = new Map<string, Shown>();
  /** Per formula: the arguments (and the blocking cell, if any) its result was computed from. */
  private readonly inputs = new Map<string, string>();
  private readonly custom: Set<string>;

  constructor(
    private readonly emulator: Emulator,
    private readonly bundle: LoadedBundle,
    customFunctions: string[],
  ) {
    this.custom = new Set(customFunctions);
  }

  /**
   * The computed value at a cell: the formula's own result (anchor) or part
   * of a spill. Results are the preview's overlay on the sheet: the cells
   * themselves keep only the formula, as the emulator stores it.
   */
  valueAt(
    sheetId: number,
    row: number,
    column: number,
  ): {value: CellValue; anchor: boolean; error?: string} | undefined {
    for (const s of this.shown.values()) {
      if (s.sheetId !== sheetId) continue;
      const r = row - s.row;
      const c = column - s.column;
      const line = s.computed.values[r];
      if (r < 0 || c < 0 || !line || c >= line.length) continue;
      const anchor = r === 0 && c === 0;
      return {
        value: line[c],
        anchor,
        error: anchor ? s.computed.error : undefined,
      };
    }
    return undefined;
  }

  /** The last row and column holding a computed value on the sheet (0 when none). */
  extent(sheetId: number): {rows: number; columns: number} {
    let rows = 0;
    let columns = 0;
    for (const s of this.shown.values()) {
      if (s.sheetId !== sheetId) continue;
      s.computed.values.forEach((line, r) =>
        line.forEach((value, c) => {
          if (value === '' && (r > 0 || c > 0)) return;
          rows = Math.max(rows, s.row + r);
          columns = Math.max(columns, s.column + c);
        }),
      );
    }
    return {rows, columns};
  }

  /** Whether this formula is one the preview computes. */
  computes(formula: string): boolean {
    const call = parseFormula(formula);
    return call !== undefined && this.custom.has(call.name);
  }

  /**
   * Brings every computed formula up to date: a result whose arguments
   * changed (or whose spill area was written over) is computed again, until
   * nothing changes (a result read by another formula is seen on the next
   * pass). Returns how many custom-function calls ran.
   */
  recalculate(): number {
    let calls = 0;
    const formulas = this.emulator.spreadsheet.sheets.flatMap(sheet =>
      Object.entries(sheet.state.formulas)
        .map(([at, text]) => ({sheet, at, call: parseFormula(text)}))
        .filter(f => f.call && this.custom.has(f.call.name)),
    );
    const live = new Set(formulas.map(f => `${f.sheet.state.id}:${f.at}`));
    for (const id of [...this.shown.keys()])
      if (!live.has(id)) {
        this.shown.delete(id);
        this.inputs.delete(id);
        this.intended.delete(id);
      }
    for (let pass = 0; pass <= formulas.length; pass++) {
      let changed = false;
      for (const {sheet, at, call} of formulas) {
        const [row, column] = at.split(',').map(Number);
        const id = `${sheet.state.id}:${at}`;
        const args = this.readArgs(sheet, call!);
        const before = this.shown.get(id);
        const blocked = before
          ? this.firstBlocked(
              id,
              sheet,
              row,
              column,
              this.intended.get(id) ?? before.computed,
            )
          : undefined;
        // What the call reads, hashed once: the signature before and after the spill share it.
        const inputs = args.ok ? inputsSignature(call!, args.values) : '';
        const signature = args.ok
          ? `${inputs}|${blocked ?? ''}`
          : `error:${args.error}`;
        if (this.inputs.get(id) === signature && before) continue;
        const result = args.ok
          ? this.call(call!, args.values)
          : {values: [[REF]], error: args.error};
        if (args.ok) calls++;
        this.show(id, sheet, row, column, result);
        const now = this.shown.get(id)!;
        const nowBlocked = this.firstBlocked(id, sheet, row, column, result);
        this.inputs.set(
          id,
          args.ok ? `${inputs}|${nowBlocked ?? ''}` : signature,
        );
        if (
          !before ||
          JSON.stringify(before.computed) !== JSON.stringify(now.computed)
        )
          changed = true;
      }
      if (!changed) break;
    }
    return calls;
  }

  /** The result each formula would show if nothing blocked it (to notice when a block goes away). */
  private readonly intended = new Map<string, Computed>();

  /** Each argument as Sheets passes it: a cell's value, a range's 2-D array, a literal. */
  private readArgs(
    sheet: FakeSheet,
    call: FormulaCall,
  ): {ok: true; values: unknown[]} | {ok: false; error: string} {
    const values: unknown[] = [];
    for (const arg of call.args) {
      if (arg.kind === 'omitted') values.push(undefined);
      else if (arg.kind === 'literal') values.push(arg.value);
      else {
        const target = arg.sheet
          ? this.emulator.spreadsheet.sheets.find(
              s => s.state.name === arg.sheet,
            )
          : sheet;
        if (!target)
          return {ok: false, error: `Unresolved sheet name '${arg.sheet}'.`};
        const a1 = clampA1(
          arg.a1,
          target.state.maxRows,
          target.state.maxColumns,
        );
        if (!a1)
          return {
            ok: false,
            error: `Range ${arg.sheet ? `${arg.sheet}!` : ''}${arg.a1} is outside the tab's grid.`,
          };
        let grid: unknown[][];
        try {
          grid = this.emulator.run(
            {authMode: 'CUSTOM_FUNCTION', trigger: 'custom-function'},
            () => {
              const range = unwrap(target.getRange(a1)) as unknown as FakeRange;
              return this.withResults(target, range, range.getValues());
            },
          );
        } catch (e) {
          return {ok: false, error: `${arg.a1}: ${(e as Error).message}`};
        }
        values.push(
          grid.length === 1 && grid[0].length === 1 ? grid[0][0] : grid,
        );
      }
    }
    // An omitted last argument is not passed at all; one in the middle arrives as undefined.
    while (values.length && values[values.length - 1] === undefined)
      values.pop();
    return {ok: true, values};
  }

  /** The range's values with the computed results laid over its formula and spill cells. */
  private withResults(
    sheet: FakeSheet,
    range: FakeRange,
    grid: unknown[][],
  ): unknown[][] {
    for (const s of this.shown.values()) {
      if (s.sheetId !== sheet.state.id) continue;
      s.computed.values.forEach((line, r) =>
        line.forEach((value, c) => {
          const i = s.row + r - range.row;
          const j = s.column + c - range.column;
          if (i >= 0 && j >= 0 && i < grid.length && j < grid[i].length)
            grid[i][j] = isDateValue(value) ? new Date(value.getTime()) : value;
        }),
      );
    }
    return grid;
  }

  /** Runs the custom function in the bundle, as Sheets does, and checks what it returned. */
  private call(call: FormulaCall, args: unknown[]): Computed {
    let result: unknown;
    try {
      result = this.bundle.call(call.name, args, {
        authMode: 'CUSTOM_FUNCTION',
        trigger: 'custom-function',
      });
    } catch (thrown) {
      return {
        values: [[ERROR]],
        error: toScriptFailure(thrown).message.replace(/^Error: /, ''),
      };
    }
    return toGrid(result);
  }

  /** Shows the result over its spill area, or #REF! when the area is not free, as Sheets does. */
  private show(
    id: string,
    sheet: FakeSheet,
    row: number,
    column: number,
    next: Computed,
  ): void {
    this.intended.set(id, next);
    const rows = next.values.length;
    const columns = next.values[0].length;
    const state = sheet.state;
    let computed = next;
    if (row + rows - 1 > state.maxRows)
      computed = {
        values: [[REF]],
        error: `Result was not automatically expanded, please insert more rows (${row + rows - 1 - state.maxRows}).`,
      };
    else if (column + columns - 1 > state.maxColumns)
      computed = {
        values: [[REF]],
        error: `Result was not automatically expanded, please insert more columns (${column + columns - 1 - state.maxColumns}).`,
      };
    else {
      const blocked = this.firstBlocked(id, sheet, row, column, next);
      if (blocked)
        computed = {
          values: [[REF]],
          error: `Array result was not expanded because it would overwrite data in ${blocked}.`,
        };
    }
    this.shown.set(id, {sheetId: state.id, row, column, computed});
  }

  /** The first cell of the area (anchor aside) holding data or another result: Sheets will not overwrite it. */
  private firstBlocked(
    id: string,
    sheet: FakeSheet,
    row: number,
    column: number,
    computed: Computed,
  ): string | undefined {
    const state = sheet.state;
    const others = [...this.shown].filter(
      ([other, s]) => other !== id && s.sheetId === state.id,
    );
    for (let r = row; r < row + computed.values.length; r++)
      for (let c = column; c < column + computed.values[0].length; c++) {
        if (r === row && c === column) continue;
        const taken =
          state.formulas[key(r, c)] !== undefined ||
          (state.values[r - 1]?.[c - 1] ?? '') !== '' ||
          others.some(([, s]) => covers(s, r, c));
        if (taken) return `${columnLetter(c)}${r}`;
      }
    return undefined;
  }
}

function covers(s: Shown, row: number, column: number): boolean {
  const r = row - s.row;
  const c = column - s.column;
  return (
    r >= 0 &&
    c >= 0 &&
    r < s.computed.values.length &&
    c < s.computed.values[0].length
  );
}

/**
 * A custom function's result as cells: a value is one cell, a 2-D array
 * fills its rectangle. The loader has already refused what Sheets cannot
 * show (emulator/custom-function-result.ts); a blank (null) is "".
 */
function toGrid(result: unknown): Computed {
  const rows = Array.isArray(result) ? (result as unknown[][]) : [[result]];
  return {
    values: rows.map(line =>
      line.map(v =>
        v === null || v === undefined
          ? ''
          : isDateValue(v)
            ? new Date(v.getTime())
            : (v as CellValue),
      ),
    ),
  };
}

/** What a result depends on: the function and its arguments' values (Dates by instant). */
function inputsSignature(call: FormulaCall, args: unknown[]): string {
  return JSON.stringify(
    [call.name, args],
    function (this: Record<string, unknown>, k, v: unknown) {
      const raw = this[k];
      return isDateValue(raw)
        ? {$date: raw.getTime()}
        : v === undefined
          ? null
          : v;
    },
  );
}
