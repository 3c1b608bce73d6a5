/**
 * The weekly record's entry points as a person or a trigger calls them:
 * the active spreadsheet, the current time, and for menu items an alert
 * that says what happened (or what to fix) in one message.
 */
import {
  installSchedule,
  onScheduleTick,
  removeSchedule,
  scheduleStatus,
  type TickResult,
} from './schedule';
import {
  readScorecard,
  verifyScorecardRows,
  type Verification,
} from './scorecard-store';
import {runSlipCheck, type SlipCheckResult} from './slip-check';
import {snapshotWeek, type SnapshotResult} from './snapshot';
import {zoneClock} from './clock';

const active = () => SpreadsheetApp.getActiveSpreadsheet();

/** Runs a menu item's work and tells the person the outcome, or the error in words they can act on. */
function reportToUser(title: string, work: () => string): void {
  let message: string;
  try {
    message = work();
  } catch (err) {
    message = (err as Error).message;
  }
  const ui = SpreadsheetApp.getUi();
  ui.alert(title, message, ui.ButtonSet.OK);
}

export function takeSnapshot(): SnapshotResult {
  return snapshotWeek(active(), new Date());
}

export function takeSnapshotFromMenu(): void {
  reportToUser('Snapshot this week', () => takeSnapshot().message);
}

export function checkSlips(): SlipCheckResult {
  return runSlipCheck(active(), new Date());
}

export function checkSlipsFromMenu(): void {
  reportToUser('Slip check', () => checkSlips().message);
}

export function verifyRecord(): Verification {
  const spreadsheet = active();
  const clock = zoneClock(spreadsheet.getSpreadsheetTimeZone());
  return verifyScorecardRows(
    readScorecard(spreadsheet, d => clock.localDate(d)),
  );
}

export function verifyRecordFromMenu(): void {
  reportToUser('Verify scorecard record', () => verifyRecord().message);
}

export function scheduleFromMenu(): void {
  reportToUser('Schedule weekly snapshot and email', () =>
    installSchedule(active(), new Date()),
  );
}

export function unscheduleFromMenu(): void {
  reportToUser(
    'Stop the schedule',
    () => `${removeSchedule(active())} ${scheduleStatus()}`,
  );
}

export function tick(): TickResult {
  return onScheduleTick(active(), new Date());
}
