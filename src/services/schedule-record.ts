/**
 * What the schedule remembers, and where. The document properties say who
 * installed it, for every editor's menu messages. A time-driven trigger has
 * no current document (and so no document properties), so what the trigger
 * itself needs lives in its installer's user properties, one entry per
 * spreadsheet: the spreadsheet's ID, the trigger's ID, the last run and the
 * failure emails already sent today.
 */
import type {Weekday} from '../domain/calendar';

type Properties = GoogleAppsScript.Properties.Properties;

const SCHEDULE = 'trustRebuild.schedule';
const INSTALL_PREFIX = 'trustRebuild.install.';

/** The schedule as every editor sees it (document properties). */
export interface ScheduleRecord {
  by: string;
  hour: number;
  timeZone: string;
  scorecardDay: Weekday;
  installedAt: string;
}

export interface LastRun {
  /** ISO instant. */
  at: string;
  outcome: 'ok' | 'failed' | 'needs authorisation';
  /** What ran or what failed, in one or two sentences. */
  summary: string;
}

/** The trigger's own state (the installer's user properties). */
export interface InstallRecord {
  spreadsheetId: string;
  triggerUid: string;
  timeZone: string;
  lastRun?: LastRun;
  /** Failure causes already emailed, with the day (yyyy-MM-dd) they were. */
  alerted?: Record<string, string>;
}

/** The document's properties, or null where there is no current document (a time-driven trigger). */
export function documentProperties(): Properties | null {
  return PropertiesService.getDocumentProperties() ?? null;
}

function parse<T>(text: string | null): T | undefined {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as T;
  } catch {
    return undefined;
  }
}

export function readSchedule(
  props: Properties | null = documentProperties(),
): ScheduleRecord | undefined {
  return props ? parse<ScheduleRecord>(props.getProperty(SCHEDULE)) : undefined;
}

export function writeSchedule(record: ScheduleRecord | undefined): void {
  const props = documentProperties();
  if (!props) return;
  if (record) props.setProperty(SCHEDULE, JSON.stringify(record));
  else props.deleteProperty(SCHEDULE);
}

export function scheduleInstaller(props: Properties): string | undefined {
  return readSchedule(props)?.by;
}

const userProperties = () => PropertiesService.getUserProperties();

export function readInstall(spreadsheetId: string): InstallRecord | undefined {
  return parse<InstallRecord>(
    userProperties().getProperty(INSTALL_PREFIX + spreadsheetId),
  );
}

export function writeInstall(record: InstallRecord): void {
  userProperties().setProperty(
    INSTALL_PREFIX + record.spreadsheetId,
    JSON.stringify(record),
  );
}

export function deleteInstall(spreadsheetId: string): void {
  userProperties().deleteProperty(INSTALL_PREFIX + spreadsheetId);
}

/**
 * The install a firing trigger belongs to: the one recorded with its ID, or,
 * when the event carries none, the user's only install.
 */
export function installForTrigger(
  triggerUid: string | undefined,
): InstallRecord | undefined {
  const props = userProperties().getProperties();
  const installs = Object.keys(props)
    .filter(k => k.startsWith(INSTALL_PREFIX))
    .map(k => parse<InstallRecord>(props[k]))
    .filter((r): r is InstallRecord => r !== undefined);
  const byTrigger = installs.find(r => r.triggerUid === String(triggerUid));
  if (byTrigger) return byTrigger;
  return installs.length === 1 ? installs[0] : undefined;
}
