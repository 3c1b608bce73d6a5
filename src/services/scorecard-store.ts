/**
 * The Scorecard tab as an append-only, hash-chained record: read it, append
 * a week (or an amendment that names the row it amends), and verify that no
 * row was changed afterwards. Reads and writes go through the table layer.
 */
import {GENESIS, canonicalRow, chainValue, verifyChain} from '../domain/chain';
import {isBlank, isDate, toText, wholeSeconds} from '../domain/cells';
import {
  LATER_COLUMNS,
  recordValues,
  SCORECARD_HEADERS,
} from '../domain/scorecard';
import type {WeekRecord} from '../domain/scorecard-record';
import {SCORECARD} from '../domain/workbook';
import type {LocalDate} from '../domain/calendar';
import {lostMessage, type RecordHead} from '../domain/record-head';
import {sha256Hex} from './digest';
import {withDocumentLock} from './lock';
import {headBefore, type HeadBefore} from './record-head';
import {appendToTable, readTable, type Table, type TableRow} from './tables';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Headers whose content the chain covers: all but the chain value itself. */
const CHAINED = SCORECARD_HEADERS.filter(h => h !== 'Chain');

export interface StoredWeek {
  rowNumber: number;
  weekEnding: LocalDate | '';
  values: Record<string, unknown>;
  chain: string;
}

export interface ScorecardState {
  rows: StoredWeek[];
  /** Chain value of the last row: the next row chains from it. */
  lastChain: string;
  lastRow: number;
  /** The tab as read: an append under the same lock needs no second look. */
  table: Table;
}

export function readScorecard(
  spreadsheet: Spreadsheet,
  localDate: (d: Date) => LocalDate,
  /** The tab, when the caller has just found it. */
  sheet?: Sheet,
): ScorecardState {
  // A tab set up before the later columns still reads: the append adds them.
  const table = readTable(spreadsheet, SCORECARD, {
    required: SCORECARD_HEADERS.filter(h => !LATER_COLUMNS.includes(h)),
    sheet,
  });
  const rows = table.rows.map((row: TableRow) => {
    const weekEnding = row.record['Week Ending'];
    return {
      rowNumber: row.rowNumber,
      weekEnding: isDate(weekEnding) ? localDate(weekEnding) : ('' as const),
      values: row.record,
      chain: toText(row.record['Chain']),
    };
  });
  return {
    rows,
    lastChain: rows.length ? rows[rows.length - 1].chain : GENESIS,
    lastRow: table.lastRow,
    table,
  };
}

/** The rows recorded for a week, original first then amendments, in sheet order. */
export function rowsForWeek(
  state: ScorecardState,
  weekEnding: LocalDate,
): StoredWeek[] {
  return state.rows.filter(r => r.weekEnding === weekEnding);
}

export interface NewRow {
  record: WeekRecord;
  weekEndingCell: Date;
  snapshotAt: Date;
  snapshotBy: string;
  amendsRow: number | '';
  changes: string;
}

/** The row's cells by header, as they will read back from the sheet. */
export function scorecardValues(row: NewRow): Record<string, unknown> {
  return {
    'Week Ending': row.weekEndingCell,
    ...recordValues(row.record),
    // Whole seconds: what a date-time cell keeps exactly, so the chain verifies after a read.
    'Snapshot At': wholeSeconds(row.snapshotAt),
    'Snapshot By': row.snapshotBy,
    'Amends Row': row.amendsRow,
    Changes: row.changes,
  };
}

/** The chained content; a later column only when it holds something, so older rows verify as written. */
function canonicalOf(values: Record<string, unknown>): string {
  const headers = CHAINED.filter(
    h => !LATER_COLUMNS.includes(h) || !isBlank(values[h]),
  );
  return canonicalRow(
    headers,
    headers.map(h => values[h]),
  );
}

/** Adds the later columns' headers after the last column of a tab set up before them (one write, once). */
function withLaterColumns(table: Table): Table {
  const missing = LATER_COLUMNS.filter(h => table.columns[h] < 0);
  if (missing.length === 0) return table;
  const first = Math.max(1, table.cells[0]?.length ?? 0) + 1;
  const needed = first + missing.length - 1;
  const max = table.sheet.getMaxColumns();
  if (needed > max) table.sheet.insertColumnsAfter(max, needed - max);
  table.sheet.getRange(1, first, 1, missing.length).setValues([missing]);
  const columns = {...table.columns};
  missing.forEach((h, i) => (columns[h] = first - 1 + i));
  return {...table, columns};
}

/**
 * Appends one row chained to the last one (the caller has secured the
 * record: protection.ts secureRecord) and returns the stored row and the state after it. The caller
 * holds the document lock around read-then-append, so two snapshots cannot
 * chain from the same row.
 */
export function appendScorecardRow(
  state: ScorecardState,
  row: NewRow,
): {stored: StoredWeek; state: ScorecardState} {
  const values = scorecardValues(row);
  const chain = chainValue(sha256Hex, state.lastChain, canonicalOf(values));
  const table = withLaterColumns(state.table);
  const [rowNumber] = appendToTable({...table, lastRow: state.lastRow}, [
    {...values, Chain: chain},
  ]);
  const stored: StoredWeek = {
    rowNumber,
    weekEnding: row.record.weekEnding,
    values: {...values, Chain: chain},
    chain,
  };
  return {
    stored,
    state: {
      rows: [...state.rows, stored],
      lastChain: chain,
      lastRow: rowNumber,
      table,
    },
  };
}

/**
 * Moves the head to the Scorecard as it now ends, keeping any deleted rows as
 * evidence (readHead writes only a change). Whether the head now stands there.
 */
export function advanceHead(
  before: HeadBefore,
  state: ScorecardState,
): boolean {
  const last = state.rows[state.rows.length - 1];
  const head: RecordHead = {
    rows: state.rows.length,
    chain: state.lastChain,
    week: last?.weekEnding ?? '',
    ...(before.lost.length ? {lost: before.lost} : {}),
  };
  try {
    before.stored.write(head);
    return true;
  } catch {
    // The row is recorded; a head left behind (the spreadsheet's metadata full,
    // a service error) catches up at the next write that succeeds (a head behind
    // the rows it names still verifies), so this never loses a week.
    return false;
  }
}

export interface Verification {
  ok: boolean;
  rows: number;
  /** The first row (as the sheet numbers it) whose content no longer matches its chain value. */
  brokenRow?: number;
  /** Week endings of rows deleted from the end of the record (from its head and the Delivery Log). */
  missingWeeks?: LocalDate[];
  message: string;
}

/**
 * The chain, then the head: rows deleted from the end leave a chain that
 * verifies, so the head (kept outside the Scorecard) names them. A workbook
 * recorded before the head existed gets one now, under the document lock.
 */
export function verifyRecordAndHead(
  spreadsheet: Spreadsheet,
  state: ScorecardState,
  localDate: (d: Date) => LocalDate,
): Verification {
  const chained = verifyScorecardRows(state);
  return withDocumentLock(() => {
    const before = headBefore(spreadsheet, state.rows, localDate);
    if (before.lost.length) {
      const weeks = before.lost.map(([, week]) => week).filter(w => w !== '');
      return {
        ...chained,
        ok: false,
        missingWeeks: [...new Set(weeks)].sort(),
        message: `${lostMessage(before.lost)}${chained.ok ? '' : ` ${chained.message}`}`,
      };
    }
    const started = advanceHead(before, state) && !before.stored.head;
    return !started || state.rows.length === 0
      ? chained
      : {
          ...chained,
          message: `${chained.message} The record's head starts now: from here on a row deleted from the end is named by its week.`,
        };
  });
}

export function verifyScorecardRows(state: ScorecardState): Verification {
  const broken = verifyChain(
    sha256Hex,
    state.rows.map(r => ({canonical: canonicalOf(r.values), chain: r.chain})),
  );
  if (!broken) {
    return {
      ok: true,
      rows: state.rows.length,
      message:
        state.rows.length === 0
          ? 'The Scorecard has no rows yet: nothing to verify.'
          : state.rows.length === 1
            ? 'The 1 Scorecard row matches its chain value: it was not changed after it was written.'
            : `All ${state.rows.length} Scorecard rows match their chain values: no row was changed after it was written.`,
    };
  }
  const row = state.rows[broken.index];
  return {
    ok: false,
    rows: state.rows.length,
    brokenRow: row.rowNumber,
    message: `Scorecard row ${row.rowNumber} (week ending ${row.weekEnding || 'unknown'}) was changed after it was written: ${broken.reason}. Every row after it is unverified. Restore it from the version history (File › Version history) or the CFO's email for that week.`,
  };
}
