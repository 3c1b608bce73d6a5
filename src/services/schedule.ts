/**
 * The weekly schedule. An editor add-on may own one time-driven trigger per
 * user per document, so one daily trigger at the Scorecard Hour (in the
 * spreadsheet's time zone) dispatches: on the Scorecard Day it snapshots and
 * emails; on Mondays it runs the slip check. A trigger runs as the person who
 * installed it, with no Ui: who that is is kept in the document properties
 * so every menu message can say it.
 */
import {WEEKDAYS, type Weekday} from '../domain/calendar';
import {logRunFailure} from './delivery';
import {readinessOnEve} from './readiness';
import {readSettings} from './settings';
import {runSlipCheck} from './slip-check';
import {snapshotWeek} from './snapshot';
import {zoneClock} from './clock';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The global in src/index.ts the trigger calls. */
export const TICK_HANDLER = 'onScheduleTick';
const PROPERTY = 'trustRebuild.schedule';

export interface ScheduleRecord {
  by: string;
  hour: number;
  timeZone: string;
  scorecardDay: Weekday;
  installedAt: string;
}

function recorded(): ScheduleRecord | undefined {
  const text = PropertiesService.getDocumentProperties().getProperty(PROPERTY);
  if (!text) return undefined;
  try {
    return JSON.parse(text) as ScheduleRecord;
  } catch {
    return undefined;
  }
}

function describe(s: ScheduleRecord): string {
  const hh = String(s.hour).padStart(2, '0');
  const eve = WEEKDAYS[(WEEKDAYS.indexOf(s.scorecardDay) + 6) % 7];
  return `every day at ${hh}:00 ${s.timeZone}: on ${s.scorecardDay}s it snapshots the week and emails the CFO; on ${eve}s it emails the CRO what that snapshot still lacks; on Mondays it runs the slip check. It runs as ${s.by}.`;
}

function myTicks(spreadsheet: Spreadsheet): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getUserTriggers(spreadsheet).filter(
    t => t.getHandlerFunction() === TICK_HANDLER,
  );
}

/** Installs (or re-installs, after a settings change) the one trigger. Installing twice leaves one. */
export function installSchedule(spreadsheet: Spreadsheet, now: Date): string {
  const settings = readSettings(spreadsheet);
  const me = Session.getEffectiveUser().getEmail();
  const existing = recorded();
  if (existing && existing.by !== me) {
    throw new Error(
      `The schedule is already installed by ${existing.by} and runs as them; only they can stop or change it (Extensions › Trust Rebuild › Stop the schedule). Two schedules would snapshot the same week twice.`,
    );
  }
  for (const trigger of myTicks(spreadsheet)) ScriptApp.deleteTrigger(trigger);
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  ScriptApp.newTrigger(TICK_HANDLER)
    .timeBased()
    .everyDays(1)
    .atHour(settings.scorecardHour)
    .inTimezone(timeZone)
    .create();
  const record: ScheduleRecord = {
    by: me,
    hour: settings.scorecardHour,
    timeZone,
    scorecardDay: settings.scorecardDay,
    installedAt: now.toISOString(),
  };
  PropertiesService.getDocumentProperties().setProperty(
    PROPERTY,
    JSON.stringify(record),
  );
  const cfo = settings.cfoEmails.length
    ? `The CFO email goes to ${settings.cfoEmails.join(', ')}.`
    : 'CFO Email is empty in Settings: snapshots will be recorded but no email sent until it is filled.';
  return `Scheduled ${describe(record)} ${cfo} Change the Scorecard Day or Hour? Run this again afterwards.`;
}

/** Removes the current person's trigger; says so plainly when the schedule belongs to someone else. */
export function removeSchedule(spreadsheet: Spreadsheet): string {
  const me = Session.getEffectiveUser().getEmail();
  const existing = recorded();
  const mine = myTicks(spreadsheet);
  for (const trigger of mine) ScriptApp.deleteTrigger(trigger);
  if (existing && existing.by !== me) {
    return `The schedule was installed by ${existing.by} and runs as them: only they can stop it. ${mine.length ? 'Your own stray trigger was removed.' : ''}`.trim();
  }
  PropertiesService.getDocumentProperties().deleteProperty(PROPERTY);
  return mine.length || existing
    ? 'The weekly schedule is stopped: no snapshot, email or slip check will run until it is scheduled again.'
    : 'There was no schedule to stop.';
}

export const NOTHING_SCHEDULED = 'Nothing is scheduled.';

/** What is scheduled and as whom, for the menu's messages. */
export function scheduleStatus(): string {
  const existing = recorded();
  return existing ? `Scheduled ${describe(existing)}` : NOTHING_SCHEDULED;
}

export interface TickResult {
  ran: Array<'snapshot' | 'slip check'>;
  messages: string[];
}

/** The trigger's work at `now`. Never touches the Ui; a failure is logged in the workbook and rethrown so Apps Script also reports it. */
export function onScheduleTick(
  spreadsheet: Spreadsheet,
  now: Date,
): TickResult {
  const result: TickResult = {ran: [], messages: []};
  try {
    const settings = readSettings(spreadsheet);
    const weekday = zoneClock(
      spreadsheet.getSpreadsheetTimeZone(),
      now,
    ).weekdayOf(now);
    if (weekday === 'Monday') {
      result.ran.push('slip check');
      result.messages.push(runSlipCheck(spreadsheet, now).message);
    }
    result.messages.push(...readinessOnEve(spreadsheet, settings, now));
    if (weekday === settings.scorecardDay) {
      result.ran.push('snapshot');
      result.messages.push(snapshotWeek(spreadsheet, now).message);
    }
  } catch (err) {
    try {
      logRunFailure(
        spreadsheet,
        new Date(Math.floor(now.getTime() / 1000) * 1000),
        (err as Error).message,
      );
    } catch {
      // No Delivery Log to write to (set-up never ran): Apps Script's own failure email still says why.
    }
    throw err;
  }
  return result;
}
