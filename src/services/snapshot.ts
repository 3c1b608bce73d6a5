/**
 * The weekly snapshot: compute this week's record, append it to the locked,
 * hash-chained Scorecard (or an amendment when the source data changed since,
 * or nothing when it did not), then email the CFO. The row is written and
 * locked before any email is attempted, so a failed email loses nothing.
 */
import {toNumber, toText} from '../domain/cells';
import {describeChanges, recordFromValues} from '../domain/scorecard';
import {sentence} from '../domain/words';
import type {Settings} from '../domain/settings';
import type {LocalDate} from '../domain/calendar';
import {deliver, type DeliveryOutcome, type PendingEmail} from './delivery';
import {DELIVERY_LOG, SCORECARD} from '../domain/workbook';
import {withDocumentLock} from './lock';
import {secureRecord, sheetOf} from './protection';
import {
  appendScorecardRow,
  readScorecard,
  rowsForWeek,
  type StoredWeek,
} from './scorecard-store';
import {readSettings} from './settings';
import {readWeek, weekContext} from './week';

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

function pendingOf(row: StoredWeek): PendingEmail {
  const amends = toNumber(row.values['Amends Row']);
  return {
    scorecardRow: row.rowNumber,
    record: recordFromValues(row.weekEnding as LocalDate, row.values),
    chain: row.chain,
    amendment:
      amends === undefined
        ? undefined
        : {amendsRow: amends, changes: toText(row.values['Changes'])},
  };
}

export function snapshotWeek(
  spreadsheet: Spreadsheet,
  now: Date,
  /** weekOf: an instant in the week to record (a missed Scorecard Day); by default now's. */
  options: {email?: boolean; weekOf?: Date} = {},
): SnapshotResult {
  // The zone once: the settings' date cells and the week both need it.
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const settings = readSettings(spreadsheet, timeZone);
  requireRebuildStart(settings);
  const context = weekContext(
    spreadsheet,
    settings,
    now,
    options.weekOf,
    timeZone,
  );
  const by = Session.getEffectiveUser().getEmail();

  const written = withDocumentLock(() => {
    const secured = secureRecord(spreadsheet, settings, 'take the snapshot', [
      SCORECARD,
      DELIVERY_LOG,
    ]).tabs;
    const logSheet = sheetOf(secured, DELIVERY_LOG);
    const {record, trend} = readWeek(spreadsheet, settings, context);
    const state = readScorecard(
      spreadsheet,
      context.clock.localDate,
      sheetOf(secured, SCORECARD),
    );
    const earlier = rowsForWeek(state, context.weekEnding);
    const latest = earlier[earlier.length - 1];
    const changes = latest
      ? describeChanges(latest.values, record, settings.currency)
      : [];
    if (latest && changes.length === 0) {
      return {
        status: 'unchanged' as const,
        state,
        row: latest,
        changes,
        trend,
        logSheet,
      };
    }
    const amendsRow = latest ? earlier[0].rowNumber : '';
    const appended = appendScorecardRow(state, {
      record,
      weekEndingCell: context.clock.midnight(context.weekEnding),
      snapshotAt: now,
      snapshotBy: by,
      amendsRow,
      changes: changes.join('; '),
    });
    return {
      status: latest ? ('amended' as const) : ('recorded' as const),
      state: appended.state,
      row: appended.stored,
      changes,
      trend,
      logSheet,
    };
  });

  let emails: DeliveryOutcome[] = [];
  if (options.email !== false) {
    const byRow = new Map(written.state.rows.map(r => [r.rowNumber, r]));
    emails = deliver(
      spreadsheet,
      settings,
      context.clock,
      written.trend,
      row => {
        const stored = byRow.get(row);
        return stored && pendingOf(stored);
      },
      written.status === 'unchanged' ? undefined : written.row.rowNumber,
      written.logSheet,
    );
  }

  const {status, row, changes} = written;
  const label = `week ${context.week} ending ${context.weekEnding}`;
  const outcome =
    status === 'unchanged'
      ? `Nothing changed since Scorecard row ${row.rowNumber} recorded ${label}: no row added.`
      : status === 'amended'
        ? `Recorded an amendment to ${label} in Scorecard row ${row.rowNumber}: ${sentence(changes.join('; '))}`
        : `Recorded ${label} in Scorecard row ${row.rowNumber}.`;
  const mail = emails
    .map(e =>
      e.status === 'sent'
        ? ` Row ${e.scorecardRow} emailed (${e.detail}).`
        : ` Email for row ${e.scorecardRow} failed (logged in the Delivery Log): ${sentence(e.detail)}`,
    )
    .join('');
  return {
    status,
    weekEnding: context.weekEnding,
    week: context.week,
    scorecardRow: row.rowNumber,
    chain: row.chain,
    changes,
    emails,
    message: outcome + mail,
  };
}
