/**
 * The daily trigger's run. It does not depend on an open document: an
 * add-on's time-driven trigger may have no active spreadsheet, so the run
 * opens the one recorded at install time by its ID. Each day's work is a
 * list of steps (slip check, readiness note, snapshot, catch-up, delivery),
 * each run when due and on its own, so one failing does not stop the others
 * and another step can be added in one place. A failure is recorded in the installer's user
 * properties (no lock, no protection needed), emailed to the installer and
 * the CRO at most once a day per cause, written to the Delivery Log when the
 * log itself is not what failed, and rethrown so the execution shows failed.
 */
import {wholeSeconds} from '../domain/cells';
import {sendNote} from './templates';
import {
  addDays,
  weekdayName,
  type LocalDate,
  type Weekday,
} from '../domain/calendar';
import {
  causeOf,
  failureNotice,
  reauthorisationNotice,
} from '../domain/run-failure';
import type {Settings} from '../domain/settings';
import {zoneClock, type ZoneClock} from './clock';
import {deliverDue, logRunFailure} from './delivery';
import {deliverToPartners} from './audiences/partners';
import {readinessOnEve} from './readiness';
import {readScorecard, rowsForWeek} from './scorecard-store';
import {
  installForTrigger,
  writeInstall,
  type InstallRecord,
  type LastRun,
} from './schedule-record';
import {checkWorkbookSettings, readRecordSettings} from './settings';
import {runSlipCheck} from './slip-check';
import {sendEarlyWarning} from './early-warning';
import {snapshotWeek} from './snapshot';
import {activeSpreadsheet, currentUser} from './session';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

interface TickDay {
  spreadsheet: Spreadsheet;
  settings: Settings;
  /** An invalid CFO Email, in words: delivery logs it; the rest of the run goes on. */
  cfoEmailProblem: string;
  now: Date;
  clock: ZoneClock;
  today: LocalDate;
  weekday: Weekday;
}

interface TickStep {
  name: string;
  due(day: TickDay): boolean;
  /** One sentence saying what it did; '' when it found nothing to do. */
  run(day: TickDay): string;
}

/** The Scorecard Day whose snapshot is missing, if yesterday was one. */
function missedScorecardDay(day: TickDay): LocalDate | undefined {
  const yesterday = addDays(day.today, -1);
  if (weekdayName(yesterday) !== day.settings.scorecardDay) return undefined;
  const state = readScorecard(day.spreadsheet, day.clock.localDate);
  return rowsForWeek(state, yesterday).length === 0 ? yesterday : undefined;
}

/** Every step of the day, in the order they run. */
const TICK_STEPS: readonly TickStep[] = [
  {
    name: 'slip check',
    due: day => day.weekday === 'Monday',
    run: day => runSlipCheck(day.spreadsheet, day.now).message,
  },
  {
    // Monday too, on its own: a Leads tab that fails to read never stops the slip check.
    name: 'early warning',
    due: day => day.weekday === 'Monday',
    run: day =>
      sendEarlyWarning(day.spreadsheet, day.settings, day.now, day.clock),
  },
  {
    // The eve of the Scorecard Day: the CRO hears what the snapshot still lacks (never the CFO).
    name: 'readiness note',
    due: day =>
      weekdayName(addDays(day.today, 1)) === day.settings.scorecardDay,
    run: day =>
      readinessOnEve(day.spreadsheet, day.settings, day.now, day.clock),
  },
  {
    name: 'snapshot',
    due: day => day.weekday === day.settings.scorecardDay,
    run: day => snapshotWeek(day.spreadsheet, day.now).message,
  },
  {
    // Lock busy or a service error on the Scorecard Day: the next day records the week that ended.
    name: 'catch-up snapshot',
    due: day => missedScorecardDay(day) !== undefined,
    run: day =>
      `Catch-up of the missed Scorecard Day: ${
        snapshotWeek(day.spreadsheet, day.now, {
          weekOf: day.clock.midnight(addDays(day.today, -1)),
        }).message
      }`,
  },
  {
    // Last, after any snapshot: failed emails retried (once a day, 7 days), corrections summarised.
    name: 'delivery',
    due: () => true,
    // The day is a Sender: its spreadsheet, settings, CFO Email problem and clock.
    run: day => deliverDue(day, day.now),
  },
  {
    // Issue 14 §5: each partner's scorecard once a quarter has its Actual, with delivery's guarantees.
    name: 'partner scorecard',
    due: day => day.settings.partnerEmails.length > 0,
    run: day => deliverToPartners(day, day.now),
  },
];

export interface TickResult {
  ran: string[];
  messages: string[];
}

interface StepFailure {
  step: string;
  message: string;
}

function runSteps(
  spreadsheet: Spreadsheet,
  now: Date,
): TickResult & {failures: StepFailure[]} {
  // The zone once: the settings' date cells and the day's clock share it.
  const timeZone = spreadsheet.getSpreadsheetTimeZone();
  const {settings, cfoEmailProblem} = readRecordSettings(spreadsheet, timeZone);
  const clock = zoneClock(timeZone, now);
  const day: TickDay = {
    spreadsheet,
    settings,
    cfoEmailProblem,
    now,
    clock,
    today: clock.localDate(now),
    weekday: clock.weekdayOf(now),
  };
  const result = {
    ran: [] as string[],
    messages: [] as string[],
    failures: [] as StepFailure[],
  };
  for (const step of TICK_STEPS) {
    try {
      if (!step.due(day)) continue;
      result.ran.push(step.name);
      const said = step.run(day);
      // A step that found nothing to do (no email owed) is not listed.
      if (said) result.messages.push(said);
      else result.ran.pop();
    } catch (err) {
      result.failures.push({step: step.name, message: (err as Error).message});
    }
  }
  return result;
}

const url = (id: string) => `https://docs.google.com/spreadsheets/d/${id}/edit`;

/** Emails `to` unless this cause was already emailed today; records the day. Never throws. */
function alertOnce(
  install: InstallRecord,
  cause: string,
  today: LocalDate,
  to: string[],
  mail: {subject: string; fields: Record<string, string>},
): void {
  const alerted = Object.fromEntries(
    Object.entries(install.alerted ?? {}).filter(([, d]) => d === today),
  );
  install.alerted = alerted;
  if (alerted[cause] === today) return;
  try {
    sendNote(to, mail.subject, 'run-failure', mail.fields);
    alerted[cause] = today;
  } catch (err) {
    // The quota or the mail grant may be what is missing: the execution log still has it.
    console.error(
      `Trust Rebuild could not send its failure email: ${(err as Error).message}`,
    );
  }
}

/** A failed run reaches a person, without the lock or protection that may be what failed. */
function reportFailure(
  spreadsheet: Spreadsheet | undefined,
  install: InstallRecord,
  me: string,
  now: Date,
  failure: StepFailure,
): void {
  const message = failure.message;
  console.error(`Trust Rebuild scheduled ${failure.step} failed: ${message}`);
  const clock = zoneClock(
    spreadsheet?.getSpreadsheetTimeZone() ?? install.timeZone,
    now,
  );
  let croEmail = '';
  let name = install.spreadsheetId;
  try {
    if (spreadsheet) {
      name = spreadsheet.getName();
      croEmail = checkWorkbookSettings(spreadsheet).settings.croEmail;
    }
  } catch {
    // No readable Settings tab: the installer alone hears of it.
  }
  const notice = failureNotice({
    message,
    spreadsheetName: name,
    spreadsheetUrl: url(install.spreadsheetId),
    when: `${clock.label(clock.localDate(now))}`,
    runsAs: me,
  });
  alertOnce(
    install,
    notice.cause,
    clock.localDate(now),
    [me, croEmail],
    notice,
  );
  const cause = causeOf(message);
  if (spreadsheet && cause !== 'lock' && cause !== 'keeper') {
    try {
      logRunFailure(spreadsheet, wholeSeconds(now), message);
    } catch {
      // The Delivery Log is a convenience here: the email and the user properties already hold it.
    }
  }
}

function recordRun(install: InstallRecord, run: LastRun): void {
  install.lastRun = run;
  // A run that does not know its spreadsheet has nowhere to keep it: its email said so.
  if (install.spreadsheetId) writeInstall(install);
}

function openSpreadsheet(install: InstallRecord | undefined): Spreadsheet {
  const active = activeSpreadsheet();
  if (active) return active;
  if (!install) {
    throw new Error(
      'This scheduled run does not know its spreadsheet (no install is recorded for this trigger): open the spreadsheet and schedule it again.',
    );
  }
  try {
    return SpreadsheetApp.openById(install.spreadsheetId);
  } catch (err) {
    throw new Error(
      `The spreadsheet ${install.spreadsheetId} could not be opened: ${(err as Error).message}`,
    );
  }
}

/** The trigger's work at `now`, for the trigger with this ID. */
export function onScheduleTick(
  triggerUid: string | undefined,
  now: Date,
): TickResult {
  const me = currentUser();
  const found = installForTrigger(triggerUid);
  const info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
  if (
    found &&
    info.getAuthorizationStatus() === ScriptApp.AuthorizationStatus.REQUIRED
  ) {
    // Failing would tell nobody (no failure email for add-ons): ask the user instead.
    const today = zoneClock(found.timeZone, now).localDate(now);
    alertOnce(
      found,
      'authorisation',
      today,
      [me],
      reauthorisationNotice({
        spreadsheetName: found.spreadsheetId,
        authorizationUrl: info.getAuthorizationUrl() ?? '',
      }),
    );
    recordRun(found, {
      at: now.toISOString(),
      outcome: 'needs authorisation',
      summary: `${me} was emailed a link to grant the add-on's permissions again; nothing ran.`,
    });
    return {ran: [], messages: ['Needs authorisation: the user was emailed.']};
  }
  let spreadsheet: Spreadsheet | undefined;
  let failures: StepFailure[];
  let result: TickResult = {ran: [], messages: []};
  try {
    spreadsheet = openSpreadsheet(found);
    const run = runSteps(spreadsheet, now);
    failures = run.failures;
    result = {ran: run.ran, messages: run.messages};
  } catch (err) {
    failures = [{step: 'run', message: (err as Error).message}];
  }
  const install: InstallRecord = found ?? {
    spreadsheetId: spreadsheet?.getId() ?? '',
    triggerUid: String(triggerUid ?? ''),
    timeZone:
      spreadsheet?.getSpreadsheetTimeZone() ?? Session.getScriptTimeZone(),
  };
  for (const failure of failures)
    reportFailure(spreadsheet, install, me, now, failure);
  recordRun(install, {
    at: now.toISOString(),
    outcome: failures.length ? 'failed' : 'ok',
    summary: failures.length
      ? failures.map(f => `${f.step}: ${f.message}`).join(' ')
      : result.messages.join(' ') || 'nothing was due today.',
  });
  if (failures.length > 0)
    throw new Error(failures.map(f => f.message).join(' '));
  return result;
}
