/**
 * The scheduled run's readiness note: on the day before the Scorecard Day
 * it emails the CRO what the snapshot still lacks. Reads the week the
 * snapshot will record (tomorrow's), sends nothing to the CFO.
 */
import {addDays} from '../domain/calendar';
import {readinessNote} from '../domain/readiness';
import {sendNote} from './templates';
import {sentence} from '../domain/words';
import type {Settings} from '../domain/settings';
import type {WeekRecord} from '../domain/scorecard-record';
import type {ZoneClock} from './clock';
import {readWeek, weekContext} from './week';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * The note's outcome in one sentence. The daily run calls it on the eve of the
 * Scorecard Day only, with the clock it already holds (no second zone read).
 */
export function readinessOnEve(
  spreadsheet: Spreadsheet,
  settings: Settings,
  now: Date,
  clock: ZoneClock,
): string {
  const tomorrow = weekContext(
    spreadsheet,
    settings,
    now,
    clock.midnight(addDays(clock.localDate(now), 1)),
    clock.timeZone,
  );
  if (!settings.croEmail)
    return 'Readiness note not sent: CRO Email is empty in Settings.';
  let record: WeekRecord | undefined;
  let failure: string | undefined;
  try {
    record = readWeek(spreadsheet, settings, tomorrow).record;
  } catch (err) {
    failure = (err as Error).message;
  }
  const note = readinessNote({
    week: tomorrow.week,
    weekEnding: tomorrow.weekEnding,
    record,
    weekEndingLabel: tomorrow.clock.label(tomorrow.weekEnding),
    scorecardHour: settings.scorecardHour,
    cfoEmails: settings.cfoEmails,
    rebuildStart: settings.rebuildStart,
    failure,
  });
  // A note that cannot go out must not fail the run around it (Monday's slip check, say).
  try {
    if (MailApp.getRemainingDailyQuota() < 1)
      throw new Error("Google's daily email quota is used up");
    sendNote(
      [settings.croEmail],
      note.subject,
      'readiness',
      note.fields,
      'Trust Rebuild scorecard',
    );
  } catch (err) {
    return `Readiness note not sent: ${sentence((err as Error).message)}`;
  }
  return `Readiness note sent to ${settings.croEmail}: ${note.subject}.`;
}
