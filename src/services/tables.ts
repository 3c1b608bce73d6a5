/**
 * The table access layer: the only place that reads or writes a tab of the
 * workbook contract as records. Columns are found by header (the custom
 * functions' matching: any case, spacing or punctuation, any order), a tab is
 * read with one getValues, and each write is one setValues over the rows it
 * touches, under the document lock, with every value made safe (no text ever
 * becomes a formula). Columns of the user's own are kept and ignored.
 */
import {isBlank, isDate, toText} from '../domain/cells';
import {headerKey, locateColumns} from '../domain/headers';
import {InputError} from '../domain/input-error';
import {safeCell, type CellInput} from '../domain/safe-text';
import {caseless, quoted} from '../domain/words';
import type {TabSpec} from '../domain/workbook';
import {withDocumentLock} from './lock';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A row by the contract's header names (canonical spelling); absent columns read as "". */
export type TableRecord = Record<string, unknown>;

export interface TableRow {
  /** 1-based row of the sheet. */
  rowNumber: number;
  record: TableRecord;
}

export interface Table {
  tab: TabSpec;
  sheet: Sheet;
  /** 0-based column of each contract header, -1 when the tab lacks it. */
  columns: Record<string, number>;
  /** Non-blank rows below the header, in sheet order. */
  rows: TableRow[];
  /** Every row read, header first, as getValues returned it. */
  cells: unknown[][];
  /** Last row holding anything (the header at least): appends go below it. */
  lastRow: number;
}

export interface WriteResult {
  updated: number[];
  appended: number[];
}

const SETUP_HINT = 'run Extensions › Trust Rebuild › Set up workbook';

/** How every message of the table layer names a tab: `The "Deals" tab`. */
const theTab = (tab: {name: string}) => `The "${tab.name}" tab`;

/** A tab by its name, or null; a tab whose name differs only in case or surrounding spaces counts. */
export type TabFinder = (name: string) => Sheet | null;

/**
 * Finds tabs for one execution, each once: by its exact name, one call; for
 * a tab missing by it, the tabs' names are read, each once per run, up to
 * the first that differs only in case or spaces (all of them when the tab is
 * missing). With `scan` (a run that expects a tab created only when first
 * needed to be missing), every name is read at the first lookup and no
 * lookup costs anything after. Never kept beyond the execution (a tab
 * created later in it is not seen).
 */
export function tabFinder(spreadsheet: Spreadsheet, scan = false): TabFinder {
  const found = new Map<string, Sheet | null>();
  const names: string[] = [];
  let sheets: Sheet[] | undefined;
  return name => {
    if (!found.has(name)) {
      let sheet = scan ? null : spreadsheet.getSheetByName(name);
      if (!sheet) {
        sheets ??= spreadsheet.getSheets();
        if (scan)
          while (names.length < sheets.length)
            names.push(sheets[names.length].getName());
        let i = names.indexOf(name);
        if (i < 0)
          for (i = 0; i < sheets.length; i++)
            if (caseless((names[i] ??= sheets[i].getName())) === caseless(name))
              break;
        sheet = sheets[i] ?? null;
      }
      found.set(name, sheet);
    }
    return found.get(name)!;
  };
}

/** The tab by its name; a tab whose name differs only in case or surrounding spaces counts. */
export const findTab = (spreadsheet: Spreadsheet, name: string) =>
  tabFinder(spreadsheet)(name);

export function requireTab(spreadsheet: Spreadsheet, tab: TabSpec): Sheet {
  const sheet = findTab(spreadsheet, tab.name);
  if (!sheet) {
    throw new Error(`${theTab(tab)} is missing: ${SETUP_HINT}.`);
  }
  return sheet;
}

/** Every header of a tab in the contract's spelling: what a reader requires when it reads the tab whole. */
export function headerNames(tab: TabSpec): string[] {
  return tab.columns.map(c => c.header);
}

/** The contract's spelling of a header, or an Error for a name the tab does not define (a bug, not user input). */
function canonical(tab: TabSpec, header: string): string {
  const found = tab.columns.find(
    c => headerKey(c.header) === headerKey(header),
  );
  if (!found) {
    throw new Error(`${theTab(tab)} has no column "${header}".`);
  }
  return found.header;
}

function requireHeaders(
  tab: TabSpec,
  columns: Record<string, number>,
  required: readonly string[],
): void {
  const missing = required
    .map(h => canonical(tab, h))
    .filter(h => columns[h] < 0);
  if (missing.length > 0) {
    throw new Error(
      `${theTab(tab)} has no ${quoted(missing)} header${missing.length > 1 ? 's' : ''} in row 1: add ${missing.length > 1 ? 'them' : 'it'} (any case or spacing) or ${SETUP_HINT}.`,
    );
  }
}

/**
 * Runs a reading of a tab's rows, turning the domain's refusal of a row into
 * an Error a person can find the cell by, whatever the size of the tab:
 * `The "Deals" tab, row 4212: Next Step Due is "TBD", not a date.`
 */
export function readingTable<T>(tab: TabSpec, body: () => T): T {
  try {
    return body();
  } catch (err) {
    if (!(err instanceof InputError) || err.row === undefined) throw err;
    throw new Error(`${theTab(tab)}, row ${err.row}: ${err.message}.`);
  }
}

/**
 * Every cell up to the last row and column with content, in one call
 * (getSheetValues with -1 reads what getDataRange().getValues() reads, without
 * the Range). An empty tab has no such block: it reads as one empty cell, as
 * getDataRange does.
 */
export function dataOf(sheet: Sheet): unknown[][] {
  try {
    return sheet.getSheetValues(1, 1, -1, -1);
  } catch (err) {
    if (sheet.getLastRow() === 0) return [['']];
    throw err;
  }
}

/**
 * Reads a whole tab as records with one call. Blank rows (nothing in
 * any contract column) are skipped; a missing required header is an Error
 * naming the tab and the header.
 */
export function readTable(
  spreadsheet: Spreadsheet,
  tab: TabSpec,
  /** sheet: the tab, when the caller has just found it (one lookup fewer). */
  options: {required?: readonly string[]; sheet?: Sheet} = {},
): Table {
  const sheet = options.sheet ?? requireTab(spreadsheet, tab);
  return tableOf(tab, sheet, dataOf(sheet), options);
}

/** A tab's records from its cells as readTable reads them (a caller that already read them saves the call). */
export function tableOf(
  tab: TabSpec,
  sheet: Sheet,
  cells: unknown[][],
  options: {required?: readonly string[]} = {},
): Table {
  const names = headerNames(tab);
  const columns = locateColumns(cells[0] ?? [], names, tab.name);
  requireHeaders(tab, columns, options.required ?? []);
  const present = names.filter(h => columns[h] >= 0);
  const rows: TableRow[] = [];
  for (let r = 1; r < cells.length; r++) {
    const line = cells[r];
    if (present.every(h => isBlank(line[columns[h]]))) continue;
    const record: TableRecord = {};
    for (const h of names) record[h] = columns[h] >= 0 ? line[columns[h]] : '';
    rows.push({rowNumber: r + 1, record});
  }
  const lastRow =
    cells.length === 1 && cells[0].every(isBlank) ? 0 : cells.length;
  return {tab, sheet, columns, rows, cells, lastRow};
}

/** Reads a tab; `find` is the finder its reads look tabs up with. */
export type TableReader = {
  (tab: TabSpec, required?: readonly string[]): Table;
  find: TabFinder;
};

/**
 * A reader that reads each tab at most once per execution, whoever asks:
 * the sidebar's load and the week's record share their reads (and, through
 * `find`, their lookups).
 */
export function tableReader(
  spreadsheet: Spreadsheet,
  find = tabFinder(spreadsheet),
): TableReader {
  const read = new Map<string, Table>();
  return Object.assign(
    (tab: TabSpec, required: readonly string[] = []) => {
      const known = read.get(tab.name);
      if (known) {
        requireHeaders(tab, known.columns, required);
        return known;
      }
      // A missing tab is looked up again by readTable, which says so.
      const table = readTable(spreadsheet, tab, {
        required,
        sheet: find(tab.name) ?? undefined,
      });
      read.set(tab.name, table);
      return table;
    },
    {find},
  );
}

/** The headers a batch of records writes, in the contract's spelling. */
function writtenHeaders(
  tab: TabSpec,
  records: readonly TableRecord[],
): string[] {
  const set = new Set<string>();
  for (const record of records)
    for (const h of Object.keys(record)) set.add(canonical(tab, h));
  return [...set];
}

function valueOf(record: TableRecord, header: string): unknown {
  if (header in record) return record[header];
  const key = headerKey(header);
  const alias = Object.keys(record).find(k => headerKey(k) === key);
  return alias === undefined ? undefined : record[alias];
}

/** Makes room below the last row of the sheet when a write would run past it. */
function ensureRows(sheet: Sheet, lastNeeded: number): void {
  const max = sheet.getMaxRows();
  if (lastNeeded > max) sheet.insertRowsAfter(max, lastNeeded - max);
}

function span(columns: Record<string, number>, headers: readonly string[]) {
  const indexes = headers.map(h => columns[h]);
  const first = Math.min(...indexes);
  return {first, width: Math.max(...indexes) - first + 1};
}

/** A record's cells for the columns from `first` on, blank where it has no value. */
function lineOf(
  record: TableRecord,
  columns: Record<string, number>,
  headers: readonly string[],
  first: number,
  width: number,
): CellInput[] {
  const line: CellInput[] = new Array<CellInput>(width).fill('');
  for (const h of headers)
    line[columns[h] - first] = safeCell(valueOf(record, h));
  return line;
}

/** One setValues of new rows right below `lastRow`: every cell there is empty, so nothing of the user's is touched. */
function writeAppends(
  sheet: Sheet,
  columns: Record<string, number>,
  headers: readonly string[],
  lastRow: number,
  records: readonly TableRecord[],
): number[] {
  if (records.length === 0) return [];
  const {first, width} = span(columns, headers);
  const grid = records.map(record =>
    lineOf(record, columns, headers, first, width),
  );
  const start = Math.max(lastRow, 1) + 1;
  ensureRows(sheet, start + records.length - 1);
  sheet.getRange(start, first + 1, records.length, width).setValues(grid);
  return records.map((_, i) => start + i);
}

/**
 * Appends records below the last row of the tab: one header read and one
 * setValues, under the document lock.
 */
export function appendRows(
  spreadsheet: Spreadsheet,
  tab: TabSpec,
  records: readonly TableRecord[],
): number[] {
  if (records.length === 0) return [];
  const headers = writtenHeaders(tab, records);
  return withDocumentLock(() => {
    const sheet = requireTab(spreadsheet, tab);
    const lastRow = sheet.getLastRow();
    const width = Math.max(1, sheet.getLastColumn());
    const header = sheet.getRange(1, 1, 1, width).getValues()[0];
    const columns = locateColumns(header, headerNames(tab), tab.name);
    requireHeaders(tab, columns, headers);
    return writeAppends(sheet, columns, headers, lastRow, records);
  });
}

/**
 * Appends records below a table read in this execution, one Sheet.appendRow
 * each and no other call: Sheets writes each below the tab's last row at that
 * moment and grows the tab when it is full, so a row written since the read
 * is never overwritten. The returned row numbers count from the read's last
 * row: exact when the read and the append share one document lock.
 */
export function appendToTable(
  table: Table,
  records: readonly TableRecord[],
): number[] {
  if (records.length === 0) return [];
  const {tab, sheet, columns, lastRow} = table;
  const headers = writtenHeaders(tab, records);
  requireHeaders(tab, columns, headers);
  const width = Math.max(...headers.map(h => columns[h])) + 1;
  return withDocumentLock(() =>
    records.map((record, i) => {
      sheet.appendRow(lineOf(record, columns, headers, 0, width));
      return Math.max(lastRow, 1) + 1 + i;
    }),
  );
}

/**
 * Rewrites rows of a table read in this same lock: one getFormulas and one
 * setValues over the smallest block holding every changed cell. Cells of
 * that block the update does not name are written back as they were read
 * (a formula as its formula), so a user's cell never changes.
 */
export function updateRows(
  table: Table,
  updates: ReadonlyArray<{rowNumber: number; record: TableRecord}>,
): number[] {
  if (updates.length === 0) return [];
  const {tab, sheet, columns, cells} = table;
  const headers = writtenHeaders(
    tab,
    updates.map(u => u.record),
  );
  requireHeaders(tab, columns, headers);
  const rowNumbers = updates.map(u => u.rowNumber);
  const outside = rowNumbers.find(n => n < 2 || n > table.lastRow);
  if (outside !== undefined) {
    throw new Error(`${theTab(tab)} has no row ${outside} to update.`);
  }
  return withDocumentLock(() => {
    const top = Math.min(...rowNumbers);
    const height = Math.max(...rowNumbers) - top + 1;
    const {first, width} = span(columns, headers);
    const range = sheet.getRange(top, first + 1, height, width);
    const formulas = range.getFormulas();
    const grid: CellInput[][] = [];
    for (let r = 0; r < height; r++) {
      const line = cells[top - 1 + r] ?? [];
      grid.push(
        formulas[r].map((formula, c) =>
          formula !== '' ? formula : safeCell(line[first + c] ?? ''),
        ),
      );
    }
    for (const {rowNumber, record} of updates) {
      for (const h of headers) {
        if (valueOf(record, h) === undefined) continue;
        grid[rowNumber - top][columns[h] - first] = safeCell(
          valueOf(record, h),
        );
      }
    }
    range.setValues(grid);
    return rowNumbers;
  });
}

/** A key cell compared the way a person would: dates by instant, text trimmed and case-blind. */
export function keyPart(value: unknown): string {
  if (isDate(value)) return `@${value.getTime()}`;
  return toText(value).toLowerCase();
}

/**
 * Updates the rows whose key columns match a record, and appends the rest:
 * one getValues of the tab, then at most one block rewrite and one append,
 * all under the document lock. The first row with a key wins.
 */
export function upsertRows(
  spreadsheet: Spreadsheet,
  tab: TabSpec,
  keyHeaders: readonly string[],
  records: readonly TableRecord[],
): WriteResult {
  if (records.length === 0) return {updated: [], appended: []};
  const keys = keyHeaders.map(h => canonical(tab, h));
  const headers = writtenHeaders(tab, records);
  return withDocumentLock(() => {
    const table = readTable(spreadsheet, tab, {
      required: [...keys, ...headers],
    });
    const keyOf = (record: TableRecord) =>
      JSON.stringify(keys.map(k => keyPart(valueOf(record, k))));
    const existing = new Map<string, number>();
    for (const row of table.rows) {
      const k = keyOf(row.record);
      if (!existing.has(k)) existing.set(k, row.rowNumber);
    }
    const seen = new Set<string>();
    const updates: Array<{rowNumber: number; record: TableRecord}> = [];
    const appends: TableRecord[] = [];
    for (const record of records) {
      const k = keyOf(record);
      if (seen.has(k)) {
        throw new Error(
          `Two rows for the "${tab.name}" tab have the same ${keys.join(' and ')}: ${keys.map(h => JSON.stringify(toText(valueOf(record, h)))).join(', ')}.`,
        );
      }
      seen.add(k);
      const rowNumber = existing.get(k);
      if (rowNumber === undefined) {
        appends.push(record);
      } else {
        // The key matched: its cells stay as the user typed them.
        const rest: TableRecord = {};
        for (const [h, v] of Object.entries(record))
          if (!keys.includes(canonical(tab, h))) rest[h] = v;
        updates.push({rowNumber, record: rest});
      }
    }
    const updated = updateRows(table, updates);
    const appended = writeAppends(
      table.sheet,
      table.columns,
      headers,
      table.lastRow,
      appends,
    );
    return {updated, appended};
  });
}
