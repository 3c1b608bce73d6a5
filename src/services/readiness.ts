/**
 * The scheduled run's readiness note: on the day before the Scorecard Day
 * it emails the CRO what the snapshot still lacks. Reads the week the
 * snapshot will record (tomorrow's), sends nothing to the CFO.
 */
import {addDays, weekdayName} from '../domain/calendar';
import {readinessNote} from '../domain/readiness';
import {sentence} from '../domain/words';
import type {Settings} from '../domain/settings';
import type {WeekRecord} from '../domain/scorecard-record';
import {readWeek, weekContext} from './week';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const DAY = 24 * 60 * 60 * 1000;

/** On the eve of the Scorecard Day, the note's outcome in one sentence; otherwise nothing. */
export function readinessOnEve(
  spreadsheet: Spreadsheet,
  settings: Settings,
  now: Date,
): string[] {
  const tomorrow = weekContext(
    spreadsheet,
    settings,
    new Date(now.getTime() + DAY),
  );
  const today = tomorrow.clock.localDate(now);
  if (weekdayName(addDays(today, 1)) !== settings.scorecardDay) return [];
  if (!settings.croEmail)
    return ['Readiness note not sent: CRO Email is empty in Settings.'];
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
    MailApp.sendEmail({
      to: settings.croEmail,
      subject: note.subject,
      body: note.body,
      name: 'Trust Rebuild scorecard',
    });
  } catch (err) {
    return [`Readiness note not sent: ${sentence((err as Error).message)}`];
  }
  return [`Readiness note sent to ${settings.croEmail}: ${note.subject}.`];
}
