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
import {render} from './templates';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The global in src/index.ts the trigger calls. */
export const TICK_HANDLER = 'onScheduleTick';

/** What the scheduled run cannot do without: the snapshot needs Rebuild Start, its email the CFO Email. */
const NEEDED: SettingKey[] = ['rebuildStart', 'cfoEmails'];

/**
 * The schedule's words (src/templates/schedule-words.html): `s` the schedule,
 * its Scorecard Day's eve, and its last run with its time written in `zone`
 * (the spreadsheet's, which is the schedule's unless it changed since).
 */
function said(
  say: string,
  s?: ScheduleRecord,
  vars: {run?: LastRun; zone?: string} & Record<string, unknown> = {},
): string {
  const {run, zone = s?.timeZone} = vars;
  return render('schedule-words', {
    say,
    s,
    ...vars,
    zone,
    eve: s && WEEKDAYS[(WEEKDAYS.indexOf(s.scorecardDay) + 6) % 7],
    // Apps Script picks the minute: atHour(16) runs some time between 16:00 and 17:00.
    run: run && {
      ...run,
      when: Utilities.formatDate(
        new Date(run.at),
        zone!,
        'EEE d MMM yyyy HH:mm',
      ),
    },
  }).trim();
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
    throw new Error(said('taken', existing, {by: existing.by}));
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
  return said('scheduled', record, {
    cfo: settings.cfoEmails.join(', '),
    alerted: [me, settings.croEmail]
      .filter((e, i) => e && (i < 1 || e !== me))
      .join(' and '),
    run: before?.lastRun,
  });
}

/** Removes the current person's trigger; says so plainly when the schedule belongs to someone else. */
export function removeSchedule(spreadsheet: Spreadsheet): string {
  const me = currentUser();
  const existing = readSchedule();
  const mine = myTicks(spreadsheet);
  for (const trigger of mine) ScriptApp.deleteTrigger(trigger);
  if (existing && existing.by !== me) {
    return said('theirs', existing, {by: existing.by, stray: mine.length});
  }
  writeSchedule(undefined);
  deleteInstall(spreadsheet.getId());
  return said(mine.length || existing ? 'stopped' : 'none');
}

export const NOTHING_SCHEDULED = 'Nothing is scheduled.';

/** What is scheduled, as whom, and how its last run went, for the menu's messages. */
export function scheduleStatus(spreadsheet: Spreadsheet): string {
  const existing = readSchedule();
  if (!existing) return NOTHING_SCHEDULED;
  // The last run is kept with the trigger, in its installer's user properties.
  const mine = existing.by === currentUser();
  return said('status', existing, {
    mine,
    run: mine ? readInstall(spreadsheet.getId())?.lastRun : undefined,
    zone: spreadsheet.getSpreadsheetTimeZone(),
  });
}
