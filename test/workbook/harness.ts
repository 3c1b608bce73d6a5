/**
 * Runs source code (not the bundle) against an emulator: its Apps Script
 * globals are installed on globalThis for the duration of one execution.
 */
import type {Emulator} from '../../emulator';
import type {AuthMode, Trigger} from '../../emulator';

export function inEmulator<T>(
  emulator: Emulator,
  fn: () => T,
  kind: {authMode?: AuthMode; trigger?: Trigger; user?: string} = {},
): T {
  const g = globalThis as Record<string, unknown>;
  const saved = Object.keys(emulator.globals).map(k => [k, g[k]] as const);
  Object.assign(g, emulator.globals);
  try {
    return emulator.run(kind, fn);
  } finally {
    for (const [k, v] of saved) {
      if (v === undefined) delete g[k];
      else g[k] = v;
    }
  }
}

/** The active spreadsheet as the add-on sees it. */
export function activeSpreadsheet(emulator: Emulator) {
  return emulator.spreadsheet.exposed() as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;
}

/** A tab with the given rows (header first), written straight into the emulator's state. */
export function tabWith(
  emulator: Emulator,
  name: string,
  rows: unknown[][],
): GoogleAppsScript.Spreadsheet.Sheet {
  const ss = activeSpreadsheet(emulator);
  return emulator.run({}, () => {
    const sheet = ss.getSheetByName(name) ?? ss.insertSheet(name);
    const width = Math.max(...rows.map(r => r.length));
    if (rows.length > sheet.getMaxRows())
      sheet.insertRowsAfter(
        sheet.getMaxRows(),
        rows.length - sheet.getMaxRows(),
      );
    if (width > sheet.getMaxColumns())
      sheet.insertColumnsAfter(
        sheet.getMaxColumns(),
        width - sheet.getMaxColumns(),
      );
    const grid = rows.map(r => [...r, ...new Array(width - r.length).fill('')]);
    sheet.getRange(1, 1, grid.length, width).setValues(grid);
    emulator.ctx.calls.reset();
    emulator.ctx.writes.length = 0;
    return sheet;
  });
}
