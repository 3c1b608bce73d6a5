/**
 * The weekly schedule. An editor add-on may own one time-driven trigger per
 * user per document, so one daily trigger at the Scorecard Hour (in the
 * spreadsheet's time zone) dispatches (tick.ts). A trigger runs as the
 * person who installed it, with no Ui and, for an add-on, no current
 * document: installing records who (document properties, for every menu
 * message) and the spreadsheet's ID (the installer's user properties, for
 * the trigger). Installing is refused, and nothing installed, when the run
 * could not work: a setting it needs is blank, or its user cannot write the
 * record.
 */
import {WEEKDAYS} from '../domain/calendar';
import {requireSetting, type SettingKey} from '../domain/settings';
import {requireKeeper} from './protection';
import {
  deleteInstall,
  readInstall,
  readSchedule,
  writeInstall,
  writeSchedule,
  type LastRun,
  type ScheduleRecord,
} from './schedule-record';
import {readSettings} from './settings';
import {currentUser} from './session';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The global in src/index.ts the trigger calls. */
export const TICK_HANDLER = 'onScheduleTick';

/** What the scheduled run cannot do without: the snapshot needs Rebuild Start, its email the CFO Email. */
const NEEDED: SettingKey[] = ['rebuildStart', 'cfoEmails'];

function describe(s: ScheduleRecord): string {
  const hh = (h: number) => String(h % 24).padStart(2, '0');
  const eve = WEEKDAYS[(WEEKDAYS.indexOf(s.scorecardDay) + 6) % 7];
  // Apps Script picks the minute: atHour(16) runs some time between 16:00 and 17:00.
  return `every day between ${hh(s.hour)}:00 and ${hh(s.hour + 1)}:00 ${s.timeZone}: on ${s.scorecardDay}s it snapshots the week and emails the CFO (a snapshot missed then is taken the next day); on ${eve}s it emails the CRO what that snapshot still lacks; on Mondays it runs the slip check. It runs as ${s.by}.`;
}

function describeRun(run: LastRun | undefined, timeZone: string): string {
  if (!run) return 'It has not run yet.';
  const when = Utilities.formatDate(
    new Date(run.at),
    timeZone,
    'EEE d MMM yyyy HH:mm',
  );
  const outcome =
    run.outcome === 'ok'
      ? 'it worked'
      : run.outcome === 'failed'
        ? 'it failed'
        : 'it needs you to grant permissions again';
  return `Last scheduled run: ${when} (${timeZone}), ${outcome}: ${run.summary}`;
}

function myTicks(spreadsheet: Spreadsheet): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getUserTriggers(spreadsheet).filter(
    t => t.getHandlerFunction() === TICK_HANDLER,
  );
}

/** Every setting the scheduled run needs, or one Error naming each blank one. */
function requireRunSettings(spreadsheet: Spreadsheet) {
  const refused = (why: string) =>
    new Error(`Nothing was scheduled: every scheduled run would fail. ${why}`);
  let settings;
  try {
    settings = readSettings(spreadsheet);
  } catch (err) {
    throw refused((err as Error).message);
  }
  const missing: string[] = [];
  for (const key of NEEDED) {
    try {
      requireSetting(settings, key);
    } catch (err) {
      missing.push((err as Error).message);
    }
  }
  if (missing.length > 0) throw refused(missing.join(' '));
  return settings;
}

/** Installs (or re-installs, after a settings change) the one trigger. Installing twice leaves one. */
export function installSchedule(spreadsheet: Spreadsheet, now: Date): string {
  const settings = requireRunSettings(spreadsheet);
  const me = currentUser();
  const existing = readSchedule();
  if (existing && existing.by !== me) {
    throw new Error(
      `The schedule is already installed by ${existing.by} and runs as them; only they can stop or change it (Extensions › Trust Rebuild › Stop the schedule). Two schedules would snapshot the same week twice.`,
    );
  }
  requireKeeper(spreadsheet, settings, 'schedule the weekly snapshot');
  for (const trigger of myTicks(spreadsheet)) ScriptApp.deleteTrigger(trigger);
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const trigger = ScriptApp.newTrigger(TICK_HANDLER)
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
  writeSchedule(record);
  const spreadsheetId = spreadsheet.getId();
  const before = readInstall(spreadsheetId);
  writeInstall({
    ...before,
    spreadsheetId,
    triggerUid: trigger.getUniqueId(),
    timeZone,
  });
  return `Scheduled ${describe(record)} The CFO email goes to ${settings.cfoEmails.join(', ')}. If a run fails, ${me}${settings.croEmail && settings.croEmail !== me ? ` and ${settings.croEmail}` : ''} get an email saying what to do. Change the Scorecard Day or Hour? Run this again afterwards.${before?.lastRun ? ` ${describeRun(before.lastRun, timeZone)}` : ''}`;
}

/** Removes the current person's trigger; says so plainly when the schedule belongs to someone else. */
export function removeSchedule(spreadsheet: Spreadsheet): string {
  const me = currentUser();
  const existing = readSchedule();
  const mine = myTicks(spreadsheet);
  for (const trigger of mine) ScriptApp.deleteTrigger(trigger);
  if (existing && existing.by !== me) {
    return `The schedule was installed by ${existing.by} and runs as them: only they can stop it. ${mine.length ? 'Your own stray trigger was removed.' : ''}`.trim();
  }
  writeSchedule(undefined);
  deleteInstall(spreadsheet.getId());
  return mine.length || existing
    ? 'The weekly schedule is stopped: no snapshot, email or slip check will run until it is scheduled again.'
    : 'There was no schedule to stop.';
}

export const NOTHING_SCHEDULED = 'Nothing is scheduled.';

/** What is scheduled, as whom, and how its last run went, for the menu's messages. */
export function scheduleStatus(spreadsheet: Spreadsheet): string {
  const existing = readSchedule();
  if (!existing) return NOTHING_SCHEDULED;
  const me = currentUser();
  // The last run is kept with the trigger, in its installer's user properties.
  const last =
    existing.by === me
      ? describeRun(
          readInstall(spreadsheet.getId())?.lastRun,
          spreadsheet.getSpreadsheetTimeZone(),
        )
      : `${existing.by} sees its last run here; failures are also written to the Delivery Log.`;
  return `Scheduled ${describe(existing)} ${last}`;
}
