/**
 * The weekly snapshot: compute this week's record, append it to the locked,
 * hash-chained Scorecard (or an amendment when the source data changed since,
 * or nothing when it did not), then email the CFO. The row is written and
 * locked before any email is attempted, so a failed email loses nothing.
 */
import {currentUser} from './session';
import {describeChanges, recordFromValues} from '../domain/scorecard';
import {sentence} from '../domain/words';
import {lostMessage} from '../domain/record-head';
import type {Settings} from '../domain/settings';
import type {LocalDate} from '../domain/calendar';
import {
  claimDeliveries,
  deliveryWords,
  readDeliveryLog,
  sendClaimed,
  type DeliveryOutcome,
} from './delivery';
import {DELIVERY_LOG, SCORECARD} from '../domain/workbook';
import {withDocumentLock} from './lock';
import {secureRecord, sheetOf} from './protection';
import {
  advanceHead,
  appendScorecardRow,
  readScorecard,
  rowsForWeek,
  type ScorecardState,
  type StoredWeek,
} from './scorecard-store';
import {headBefore} from './record-head';
import {readRecordSettings} from './settings';
import {readWeek, weekContext, type WeekContext} from './week';
import {tableReader, type TableReader} from './tables';
import type {WeekRecord} from '../domain/scorecard-record';
import type {TrendPoint} from '../domain/cfo-email';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface SnapshotResult {
  status: 'recorded' | 'amended' | 'unchanged';
  weekEnding: LocalDate;
  week: number;
  scorecardRow: number;
  chain: string;
  changes: string[];
  emails: DeliveryOutcome[];
  /** One sentence for the person who asked (menu alert, sidebar). */
  message: string;
}

/** Rebuild Start is what turns a date into a week of the rebuild; without it there is no record. */
export function requireRebuildStart(settings: Settings): void {
  if (settings.rebuildStart === '') {
    throw new Error(
      'Settings: "Rebuild Start" is empty; enter the Monday of week 1 of the rebuild in the Settings tab.',
    );
  }
}

/** What a snapshot of the week would do, read without writing anything (the confirmation's preview reads it too). */
export interface SnapshotPlan {
  status: SnapshotResult['status'];
  record: WeekRecord;
  trend: TrendPoint[];
  state: ScorecardState;
  /** The row an amendment amends ('' for a first record). */
  amendsRow: number | '';
  /** The week's latest row, when it was recorded before. */
  latest?: StoredWeek;
  changes: string[];
  /**
   * The run's reader: a tab read for the week is read once, and a feature's
   * read of another tab joins it (`read(TAB)`; `read.find(name)` for a tab
   * that may not exist yet).
   */
  read: TableReader;
}

export function planSnapshot(
  spreadsheet: Spreadsheet,
  settings: Settings,
  context: WeekContext,
  scorecardSheet?: GoogleAppsScript.Spreadsheet.Sheet,
  read = tableReader(spreadsheet),
): SnapshotPlan {
  const {record, trend} = readWeek(spreadsheet, settings, context, read);
  record.croName = settings.croName;
  const state = readScorecard(
    spreadsheet,
    context.clock.localDate,
    scorecardSheet,
  );
  const earlier = rowsForWeek(state, context.weekEnding);
  const latest = earlier[earlier.length - 1];
  const changes = latest
    ? describeChanges(
        recordFromValues(context.weekEnding, latest.values),
        record,
        settings.currency,
      )
    : [];
  const status = !latest
    ? ('recorded' as const)
    : changes.length
      ? ('amended' as const)
      : ('unchanged' as const);
  const amendsRow = latest ? earlier[0].rowNumber : '';
  return {status, record, trend, state, amendsRow, latest, changes, read};
}

export function snapshotWeek(
  spreadsheet: Spreadsheet,
  now: Date,
  /** weekOf: an instant in the week to record (a missed Scorecard Day); by default now's. */
  options: {
    email?: boolean;
    weekOf?: Date;
    /** Runs under the lock on what is about to be written; throws to write and send nothing (the confirmation's check). */
    guard?: (
      plan: SnapshotPlan,
      settings: Settings,
      context: WeekContext,
      cfoEmailProblem: string,
    ) => void;
  } = {},
): SnapshotResult {
  // The zone once: the settings' date cells and the week both need it.
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  // An invalid CFO Email does not stop the record: delivery logs it and retries.
  const {settings, cfoEmailProblem} = readRecordSettings(spreadsheet, timeZone);
  requireRebuildStart(settings);
  const context = weekContext(
    spreadsheet,
    settings,
    now,
    options.weekOf,
    timeZone,
  );
  const by = currentUser();
  const sender = {spreadsheet, settings, cfoEmailProblem, clock: context.clock};

  const written = withDocumentLock(() => {
    const secured = secureRecord(spreadsheet, settings, 'take the snapshot', [
      SCORECARD,
      DELIVERY_LOG,
    ]).tabs;
    const plan = planSnapshot(
      spreadsheet,
      settings,
      context,
      sheetOf(secured, SCORECARD),
    );
    options.guard?.(plan, settings, context, cfoEmailProblem);
    const {record, trend, state, latest, changes, amendsRow} = plan;
    // The head as it was, and any rows deleted from the end since: kept as evidence whatever is written.
    const head = headBefore(spreadsheet, state.rows, context.clock.localDate);
    if (latest && changes.length === 0) {
      advanceHead(head, state);
      return {
        status: 'unchanged' as const,
        row: latest,
        changes,
        trend,
        deleted: head.found,
      };
    }
    // A new week's email is claimed with the row, under this lock (a correction waits for the
    // scheduled run): the log is read first, so a missing log refuses before anything is written.
    const log =
      latest || options.email === false
        ? undefined
        : readDeliveryLog(spreadsheet, sheetOf(secured, DELIVERY_LOG));
    const appended = appendScorecardRow(state, {
      record,
      weekEndingCell: context.clock.midnight(context.weekEnding),
      snapshotAt: now,
      snapshotBy: by,
      amendsRow,
      changes: changes.join('; '),
    });
    advanceHead(head, appended.state);
    const claims = log
      ? claimDeliveries(log, appended.state, sender, now, appended.stored.chain)
      : [];
    return {
      status: latest ? ('amended' as const) : ('recorded' as const),
      row: appended.stored,
      changes,
      trend,
      log,
      claims,
      deleted: head.found,
    };
  });

  const emails: DeliveryOutcome[] =
    written.log && written.claims
      ? sendClaimed(sender, written.log, written.claims, () => written.trend)
      : [];

  const {status, row, changes, deleted} = written;
  const label = `week ${context.week} ending ${context.weekEnding}`;
  const outcome =
    status === 'unchanged'
      ? `Nothing changed since Scorecard row ${row.rowNumber} recorded ${label}: no row added.`
      : status === 'amended'
        ? `Recorded an amendment to ${label} in Scorecard row ${row.rowNumber}: ${sentence(changes.join('; '))} The CFO is emailed what changed in the next scheduled run (one email a day at most).`
        : `Recorded ${label} in Scorecard row ${row.rowNumber}.`;
  const mail = deliveryWords(emails);
  return {
    status,
    weekEnding: context.weekEnding,
    week: context.week,
    scorecardRow: row.rowNumber,
    chain: row.chain,
    changes,
    emails,
    // Rows deleted from the end since the last write: said now, and kept in the head for verification.
    message:
      outcome + mail + (deleted.length ? ` ${lostMessage(deleted)}` : ''),
  };
}
