/**
 * The Scorecard tab as an append-only, hash-chained record: read it, append
 * a week (or an amendment that names the row it amends), and verify that no
 * row was changed afterwards. Reads and writes go through the table layer.
 */
import {GENESIS, canonicalRow, chainValue, verifyChain} from '../domain/chain';
import {isDate, toText} from '../domain/cells';
import {comparableValues, SCORECARD_HEADERS} from '../domain/scorecard';
import type {WeekRecord} from '../domain/scorecard-record';
import {SCORECARD} from '../domain/workbook';
import type {LocalDate} from '../domain/calendar';
import {sha256Hex} from './digest';
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
  const table = readTable(spreadsheet, SCORECARD, {
    required: SCORECARD_HEADERS,
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
    ...comparableValues(row.record),
    // Whole seconds: what a date-time cell keeps exactly, so the chain verifies after a read.
    'Snapshot At': new Date(Math.floor(row.snapshotAt.getTime() / 1000) * 1000),
    'Snapshot By': row.snapshotBy,
    'Amends Row': row.amendsRow,
    Changes: row.changes,
  };
}

const canonicalOf = (values: Record<string, unknown>) =>
  canonicalRow(
    CHAINED,
    CHAINED.map(h => values[h]),
  );

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
  const [rowNumber] = appendToTable({...state.table, lastRow: state.lastRow}, [
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
      table: state.table,
    },
  };
}

export interface Verification {
  ok: boolean;
  rows: number;
  /** The first row (as the sheet numbers it) whose content no longer matches its chain value. */
  brokenRow?: number;
  message: string;
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
