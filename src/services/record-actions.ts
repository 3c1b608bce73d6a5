/**
 * The weekly record's entry points as a person or a trigger calls them:
 * the active spreadsheet, the current time, and for menu items an alert
 * that says what happened (or what to fix) in one message.
 */
import {
  NOTHING_SCHEDULED,
  installSchedule,
  removeSchedule,
  scheduleStatus,
} from './schedule';
import {onScheduleTick, type TickResult} from './tick';
import {
  readScorecard,
  verifyRecordAndHead,
  type Verification,
} from './scorecard-store';
import {runSlipCheck, type SlipCheckResult} from './slip-check';
import {snapshotWeek, type SnapshotResult} from './snapshot';
import {zoneClock} from './clock';
import {plural} from '../domain/words';

const active = () => SpreadsheetApp.getActiveSpreadsheet();

/**
 * Runs a menu item's work and tells the person the outcome in an alert whose
 * title says what happened ("Week 7 recorded", "Snapshot not taken"), or the
 * error in words they can act on.
 */
function reportToUser<T>(
  work: () => T,
  done: (result: T) => [title: string, message: string],
  failed: string,
): void {
  let title: string;
  let message: string;
  try {
    [title, message] = done(work());
  } catch (err) {
    [title, message] = [failed, (err as Error).message];
  }
  const ui = SpreadsheetApp.getUi();
  ui.alert(title, message, ui.ButtonSet.OK);
}

export function takeSnapshot(): SnapshotResult {
  return snapshotWeek(active(), new Date());
}

const SNAPSHOT_TITLES: Record<SnapshotResult['status'], string> = {
  recorded: 'recorded',
  amended: 'amended',
  unchanged: 'unchanged: nothing new to record',
};

export function takeSnapshotFromMenu(): void {
  reportToUser(
    takeSnapshot,
    r => {
      const unsent = r.emails.some(e => e.status === 'failed');
      return [
        `Week ${r.week} ${SNAPSHOT_TITLES[r.status]}${unsent ? '; email not sent' : ''}`,
        r.message,
      ];
    },
    'Snapshot not taken',
  );
}

export function checkSlips(): SlipCheckResult {
  return runSlipCheck(active(), new Date());
}

export function checkSlipsFromMenu(): void {
  reportToUser(
    checkSlips,
    r => [
      `Slip check done: ${plural(r.signalsLogged, 'new signal')}`,
      r.message,
    ],
    'Slip check not run',
  );
}

export function verifyRecord(): Verification {
  const spreadsheet = active();
  const clock = zoneClock(spreadsheet.getSpreadsheetTimeZone());
  const localDate = (d: Date) => clock.localDate(d);
  return verifyRecordAndHead(
    spreadsheet,
    readScorecard(spreadsheet, localDate),
    localDate,
  );
}

export function verifyRecordFromMenu(): void {
  reportToUser(
    verifyRecord,
    r => [
      r.ok
        ? 'Scorecard record verified'
        : r.missingWeeks
          ? 'Scorecard rows deleted'
          : `Scorecard row ${r.brokenRow} was changed`,
      r.message,
    ],
    'Scorecard record not verified',
  );
}

export function scheduleFromMenu(): void {
  reportToUser(
    () => {
      const spreadsheet = active();
      try {
        return {ok: true, message: installSchedule(spreadsheet, new Date())};
      } catch (err) {
        // Refused: say why, then what stays scheduled (and how it last ran).
        return {
          ok: false,
          message: `${(err as Error).message}\n\n${scheduleStatus(spreadsheet)}`,
        };
      }
    },
    r => [
      r.ok ? 'Weekly schedule installed' : 'Weekly schedule not installed',
      r.message,
    ],
    'Weekly schedule not installed',
  );
}

export function unscheduleFromMenu(): void {
  reportToUser(
    () => {
      const spreadsheet = active();
      const removed = removeSchedule(spreadsheet);
      return {removed, status: scheduleStatus(spreadsheet)};
    },
    r => [
      r.status === NOTHING_SCHEDULED
        ? 'Weekly schedule stopped'
        : 'Weekly schedule still running',
      `${r.removed} ${r.status}`,
    ],
    'Weekly schedule not stopped',
  );
}

/** The trigger's entry: no Ui, and maybe no active spreadsheet (tick.ts opens it by ID). */
export function tick(event?: {triggerUid?: string}): TickResult {
  return onScheduleTick(event?.triggerUid, new Date());
}
