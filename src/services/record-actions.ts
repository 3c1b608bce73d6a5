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
import type {SnapshotResult} from './snapshot';
import {
  askFromMenu,
  previewSnapshot,
  snapshotConfirmed,
  type ConfirmedSnapshot,
} from './snapshot-confirm';
import type {SnapshotPreview} from '../domain/snapshot-confirm';
import type {WeekRecordStatus} from '../domain/week-status';
import {weekRecordStatus} from './sidebar/week-status';
import {localDates, zoneClock} from './clock';
import {verifyPlan} from './plan/verify';
import {plural} from '../domain/words';
import {activeSpreadsheet as active} from './session';

/**
 * Runs a menu item's work and tells the person the outcome in an alert whose
 * title says what happened ("Week 7 recorded", "Snapshot not taken"), or the
 * error in words they can act on.
 */
export function reportToUser<T>(
  work: () => T,
  /** undefined: nothing to say (the person cancelled). */
  done: (result: T) => [title: string, message: string] | undefined,
  failed: string,
): void {
  let answer: [string, string] | undefined;
  try {
    answer = done(work());
  } catch (err) {
    answer = [failed, (err as Error).message];
  }
  if (!answer) return;
  const [title, message] = answer;
  const ui = SpreadsheetApp.getUi();
  ui.alert(title, message, ui.ButtonSet.OK);
}

export function takeSnapshot(confirmation?: unknown): ConfirmedSnapshot {
  return snapshotConfirmed(active(), new Date(), confirmation);
}

export function previewWeekSnapshot(): SnapshotPreview {
  return previewSnapshot(active(), new Date());
}

export function readWeekRecordStatus(): WeekRecordStatus {
  return weekRecordStatus(active(), new Date());
}

const SNAPSHOT_TITLES: Record<SnapshotResult['status'], string> = {
  recorded: 'recorded',
  amended: 'amended',
  unchanged: 'unchanged: nothing new to record',
};

/** Asks first when the week is not due yet (askFromMenu); No leaves everything as it was, with no second alert. */
export function takeSnapshotFromMenu(): void {
  reportToUser(
    () => {
      const confirmation = askFromMenu(active(), new Date());
      return confirmation === null ? null : takeSnapshot(confirmation);
    },
    r => {
      if (r === null) return undefined;
      if (r.status === 'confirm') return ['Snapshot not taken', r.message];
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
  return verifyPlan(
    spreadsheet,
    verifyRecordAndHead(
      spreadsheet,
      readScorecard(spreadsheet, localDate),
      localDate,
    ),
    localDates(clock),
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
          : r.brokenRow
            ? `Scorecard row ${r.brokenRow} was changed`
            : 'Signed plan changed',
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
