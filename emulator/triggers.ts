/**
 * ScriptApp's trigger registry. Time-driven triggers belong to the user who
 * created them; an add-on may have one per user per document, and a second
 * throws Apps Script's message. fireDue() runs due triggers as Apps Script
 * would: at the scheduled local hour in the trigger's zone (DST included), as
 * their installer, in AuthMode.FULL with no Ui, passing a time-driven event.
 */
import {SCOPES, appsScriptError, type EmulatorContext} from './context';
import {zonedFields, zonedInstant} from './format-date';
import {expose, unwrap, type Emulates} from './instrument';

type Script = typeof GoogleAppsScript.Script;
type RealScriptApp = GoogleAppsScript.Script.ScriptApp;
type RealTrigger = GoogleAppsScript.Script.Trigger;
type RealTriggerBuilder = GoogleAppsScript.Script.TriggerBuilder;
type RealClockBuilder = GoogleAppsScript.Script.ClockTriggerBuilder;

/** Seen by an add-on that already has a time-driven trigger in this document for this user. */
export const TOO_MANY_TRIGGERS =
  'This add-on has created too many time-based triggers in this document for this Google user account.';

const enumOf = <T>(names: string[]) =>
  Object.fromEntries(names.map(n => [n, n])) as unknown as T;

export const AUTH_MODE = enumOf<Script['AuthMode']>([
  'NONE',
  'CUSTOM_FUNCTION',
  'LIMITED',
  'FULL',
]);
export const EVENT_TYPE = enumOf<Script['EventType']>([
  'CLOCK',
  'ON_OPEN',
  'ON_EDIT',
  'ON_FORM_SUBMIT',
  'ON_CHANGE',
  'ON_EVENT_UPDATED',
]);
export const TRIGGER_SOURCE = enumOf<Script['TriggerSource']>([
  'SPREADSHEETS',
  'CLOCK',
  'FORMS',
  'DOCUMENTS',
  'CALENDAR',
]);
const WEEKDAYS = [
  'SUNDAY',
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
];
const AUTHORIZATION_STATUS = enumOf<Script['AuthorizationStatus']>([
  'REQUIRED',
  'NOT_REQUIRED',
]);
export const WEEK_DAY = enumOf<typeof GoogleAppsScript.Base.Weekday>(WEEKDAYS);

/** A time-driven trigger as plain data (serialisable for the preview). */
export interface TriggerState {
  uid: string;
  handler: string;
  /** The user who created it: it runs as them. */
  owner: string;
  /** The document it was created in (add-on triggers are per document). */
  documentId: string;
  timeZone: string;
  schedule:
    | {kind: 'days'; every: number; hour: number; minute: number}
    | {
        kind: 'weeks';
        every: number;
        weekDay: number;
        hour: number;
        minute: number;
      }
    | {kind: 'hours'; every: number}
    | {kind: 'minutes'; every: number}
    | {kind: 'once'; at: Date};
  createdAt: Date;
  /** When it is next due; undefined once a one-off trigger has run. */
  nextRun?: Date;
}

export interface TriggersState {
  triggers: TriggerState[];
  nextUid: number;
}

export function emptyTriggersState(): TriggersState {
  return {triggers: [], nextUid: 1};
}

/** The event Apps Script passes a time-driven trigger's function (fields in UTC, as documented). */
export interface TimeDrivenEvent {
  authMode: 'FULL';
  triggerUid: string;
  year: number;
  month: number;
  'day-of-month': number;
  'day-of-week': number;
  'week-of-year': number;
  hour: number;
  minute: number;
  second: number;
  timezone: string;
}

const DAY = 86400000;

function localDate(at: Date, timeZone: string) {
  const f = zonedFields(at, timeZone);
  return {year: f.year, month: f.month, day: f.day, weekday: f.weekday};
}

/** The first run of a schedule strictly after `after`. */
export function nextRunAfter(t: TriggerState, after: Date): Date | undefined {
  const s = t.schedule;
  const base = t.createdAt.getTime();
  switch (s.kind) {
    case 'once':
      return s.at.getTime() > after.getTime() ? new Date(s.at) : undefined;
    case 'minutes':
    case 'hours': {
      const step = s.every * (s.kind === 'hours' ? 3600000 : 60000);
      const n = Math.floor((after.getTime() - base) / step) + 1;
      return new Date(base + Math.max(1, n) * step);
    }
    case 'days':
    case 'weeks': {
      // Walk calendar days in the trigger's zone from the day of `after`.
      const start = localDate(after, t.timeZone);
      const created = localDate(t.createdAt, t.timeZone);
      const createdDay = Date.UTC(created.year, created.month - 1, created.day);
      for (let i = 0; i < 800; i++) {
        const day = new Date(
          Date.UTC(start.year, start.month - 1, start.day) + i * DAY,
        );
        const dayNumber = (day.getTime() - createdDay) / DAY;
        if (s.kind === 'days' && dayNumber % s.every !== 0) continue;
        if (s.kind === 'weeks') {
          if (day.getUTCDay() !== s.weekDay) continue;
          if (Math.floor(dayNumber / 7) % s.every !== 0) continue;
        }
        const at = zonedInstant(
          t.timeZone,
          day.getUTCFullYear(),
          day.getUTCMonth() + 1,
          day.getUTCDate(),
          s.hour,
          s.minute,
        );
        if (at.getTime() > after.getTime()) return at;
      }
      return undefined;
    }
  }
}

const DAY_NAMES = WEEKDAYS.map(d => d[0] + d.slice(1).toLowerCase());
const hhmm = (h: number, m: number) =>
  `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;

/** The schedule in words, for the preview's trigger list ("Every Friday at 17:00 (America/Los_Angeles)"). */
export function describeSchedule(t: TriggerState): string {
  const s = t.schedule;
  const zone = ` (${t.timeZone})`;
  switch (s.kind) {
    case 'once':
      return `Once, at ${s.at.toISOString()}`;
    case 'minutes':
    case 'hours':
      return `Every ${s.every === 1 ? '' : `${s.every} `}${s.every === 1 ? s.kind.slice(0, -1) : s.kind}`;
    case 'days':
      return `Every ${s.every === 1 ? 'day' : `${s.every} days`} at ${hhmm(s.hour, s.minute)}${zone}`;
    case 'weeks':
      return `Every ${s.every === 1 ? '' : `${s.every} weeks on `}${DAY_NAMES[s.weekDay]} at ${hhmm(s.hour, s.minute)}${zone}`;
  }
}

export function timeDrivenEvent(uid: string, at: Date): TimeDrivenEvent {
  const f = zonedFields(at, 'UTC');
  const jan1 = Date.UTC(f.year, 0, 1);
  return {
    authMode: 'FULL',
    triggerUid: uid,
    year: f.year,
    month: f.month,
    'day-of-month': f.day,
    'day-of-week': f.weekday === 0 ? 7 : f.weekday,
    'week-of-year':
      Math.floor(
        ((at.getTime() - jan1) / DAY + new Date(jan1).getUTCDay()) / 7,
      ) + 1,
    hour: f.hour,
    minute: f.minute,
    second: f.second,
    timezone: 'UTC',
  };
}

/**
 * The minute a daily or weekly trigger fires. ClockTriggerBuilder reference:
 * atHour "specifies the hour at which the trigger runs" and nearMinute runs
 * "plus or minus 15 minutes"; Apps Script picks the minute itself, so a
 * trigger set for 16:00 runs at some time between 16:00 and 17:00. The
 * emulator picks it from a seed and the trigger's id (FNV-1a), so a run is
 * reproducible, and never minute 0, so nothing can assume the full hour.
 */
export function firingMinute(seed: string, uid: string, near?: number): number {
  let h = 2166136261;
  for (const c of `${seed}:${uid}`) {
    h ^= c.charCodeAt(0);
    h = Math.imul(h, 16777619) >>> 0;
  }
  if (near === undefined) return 1 + (h % 59);
  return Math.min(59, Math.max(0, near - 15 + (h % 31)));
}

export class FakeTrigger implements Emulates<
  RealTrigger,
  | 'getHandlerFunction'
  | 'getUniqueId'
  | 'getEventType'
  | 'getTriggerSource'
  | 'getTriggerSourceId'
> {
  constructor(readonly state: TriggerState) {}

  getHandlerFunction(): string {
    return this.state.handler;
  }

  getUniqueId(): string {
    return this.state.uid;
  }

  getEventType() {
    return EVENT_TYPE.CLOCK;
  }

  getTriggerSource() {
    return TRIGGER_SOURCE.CLOCK;
  }

  /** Clock triggers have no source document: Apps Script returns null (the types say string). */
  getTriggerSourceId(): string {
    return null as unknown as string;
  }
}

interface Draft {
  handler: string;
  every?: {unit: 'days' | 'weeks' | 'hours' | 'minutes'; n: number};
  hour?: number;
  minute?: number;
  weekDay?: number;
  timeZone?: string;
  at?: Date;
}

export class FakeClockTriggerBuilder implements Emulates<
  RealClockBuilder,
  | 'everyDays'
  | 'everyWeeks'
  | 'everyHours'
  | 'everyMinutes'
  | 'atHour'
  | 'nearMinute'
  | 'onWeekDay'
  | 'inTimezone'
  | 'at'
  | 'after'
  | 'create'
> {
  private readonly draft: Draft;

  constructor(
    private readonly app: FakeScriptApp,
    handler: string,
  ) {
    this.draft = {handler};
  }

  private every(unit: 'days' | 'weeks' | 'hours' | 'minutes', n: number) {
    if (!Number.isInteger(n) || n < 1)
      throw appsScriptError(`Invalid argument: ${n}`);
    this.draft.every = {unit, n};
    return this;
  }

  everyDays(n: number) {
    return this.every('days', n);
  }

  everyWeeks(n: number) {
    return this.every('weeks', n);
  }

  /** Add-ons may not run time-driven triggers more than once an hour (Installable Triggers: restrictions). */
  everyHours(n: number) {
    if (![1, 2, 4, 6, 8, 12].includes(n))
      throw appsScriptError(
        'The value you passed to everyHours must be one of 1, 2, 4, 6, 8 or 12.',
      );
    return this.every('hours', n);
  }

  everyMinutes(n: number) {
    void n;
    throw appsScriptError(
      'Add-ons may not run a time-driven trigger more often than once per hour.',
    );
  }

  atHour(hour: number) {
    if (!Number.isInteger(hour) || hour < 0 || hour > 23)
      throw appsScriptError(`Invalid argument: hour ${hour}`);
    this.draft.hour = hour;
    return this;
  }

  /** Apps Script runs "plus or minus 15 minutes" of it: firingMinute picks where in that window. */
  nearMinute(minute: number) {
    if (!Number.isInteger(minute) || minute < 0 || minute > 59)
      throw appsScriptError(`Invalid argument: minute ${minute}`);
    this.draft.minute = minute;
    return this;
  }

  onWeekDay(day: GoogleAppsScript.Base.Weekday) {
    const index = WEEKDAYS.indexOf(String(day));
    if (index < 0) throw appsScriptError(`Invalid argument: ${String(day)}`);
    this.draft.weekDay = index;
    return this;
  }

  inTimezone(timezone: string) {
    this.draft.timeZone = timezone;
    return this;
  }

  at(date: GoogleAppsScript.Base.Date) {
    this.draft.at = new Date((date as unknown as Date).getTime());
    return this;
  }

  after(durationMilliseconds: number) {
    this.draft.at = new Date(
      this.app.ctx.now().getTime() + durationMilliseconds,
    );
    return this;
  }

  create() {
    return this.app.createClockTrigger(this.draft);
  }
}

export class FakeTriggerBuilder implements Emulates<
  RealTriggerBuilder,
  'timeBased'
> {
  constructor(
    private readonly app: FakeScriptApp,
    private readonly handler: string,
  ) {}

  timeBased() {
    return expose(
      new FakeClockTriggerBuilder(this.app, this.handler),
      'ClockTriggerBuilder',
      this.app.ctx,
    );
  }
}

export class FakeScriptApp implements Emulates<
  RealScriptApp,
  'newTrigger' | 'getProjectTriggers' | 'getUserTriggers' | 'deleteTrigger'
> {
  readonly AuthMode = AUTH_MODE;
  readonly EventType = EVENT_TYPE;
  readonly TriggerSource = TRIGGER_SOURCE;
  readonly WeekDay = WEEK_DAY;
  readonly AuthorizationStatus = AUTHORIZATION_STATUS;

  constructor(
    readonly ctx: EmulatorContext,
    readonly state: TriggersState,
    private readonly documentId: string,
  ) {}

  exposed() {
    return expose(this, 'ScriptApp', this.ctx);
  }

  private require(method: string): void {
    this.ctx.requireAuth(`ScriptApp.${method}`, 'authorized', SCOPES.scriptApp);
  }

  private wrap(t: TriggerState) {
    return expose(new FakeTrigger(t), 'Trigger', this.ctx);
  }

  newTrigger(functionName: string) {
    this.require('newTrigger');
    if (!functionName) throw appsScriptError('Invalid argument: functionName');
    return expose(
      new FakeTriggerBuilder(this, functionName),
      'TriggerBuilder',
      this.ctx,
    );
  }

  /** The current user's triggers in this project (Apps Script never shows other users' triggers). */
  getProjectTriggers() {
    this.require('getProjectTriggers');
    return this.state.triggers
      .filter(t => t.owner === this.ctx.user)
      .map(t => this.wrap(t));
  }

  /**
   * Whether the user still has to grant a scope of the manifest (after an
   * update that added one: emulator.requireReauthorization). AuthorizationInfo
   * reference: status REQUIRED or NOT_REQUIRED; the URL is null when nothing
   * is required.
   */
  getAuthorizationInfo(authMode: GoogleAppsScript.Script.AuthMode) {
    this.ctx.requireAuth('ScriptApp.getAuthorizationInfo', 'basic');
    void authMode;
    const missing = (this.ctx.ungranted[this.ctx.user] ?? []).filter(s =>
      this.ctx.oauthScopes.includes(s),
    );
    const required = missing.length > 0;
    return expose(
      {
        getAuthorizationStatus: () =>
          required
            ? AUTHORIZATION_STATUS.REQUIRED
            : AUTHORIZATION_STATUS.NOT_REQUIRED,
        getAuthorizationUrl: () =>
          required
            ? `https://script.google.com/macros/d/${this.documentId}/authorize`
            : null,
        getAuthorizedScopes: () =>
          this.ctx.oauthScopes.filter(s => !missing.includes(s)),
      },
      'AuthorizationInfo',
      this.ctx,
    );
  }

  getUserTriggers(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet) {
    this.require('getUserTriggers');
    const id = spreadsheet.getId();
    return this.state.triggers
      .filter(t => t.owner === this.ctx.user && t.documentId === id)
      .map(t => this.wrap(t));
  }

  deleteTrigger(trigger: GoogleAppsScript.Script.Trigger) {
    this.require('deleteTrigger');
    const uid = (unwrap(trigger) as {getUniqueId(): string}).getUniqueId();
    const index = this.state.triggers.findIndex(
      t => t.uid === uid && t.owner === this.ctx.user,
    );
    if (index >= 0) this.state.triggers.splice(index, 1);
  }

  createClockTrigger(d: Draft) {
    this.require('ClockTriggerBuilder.create');
    const mine = this.state.triggers.filter(
      t => t.owner === this.ctx.user && t.documentId === this.documentId,
    );
    if (mine.length >= 1) throw appsScriptError(TOO_MANY_TRIGGERS);
    const timeZone = d.timeZone ?? this.ctx.scriptTimeZone;
    const uid = String(this.state.nextUid++);
    const minute = firingMinute(this.ctx.triggerSeed, uid, d.minute);
    let schedule: TriggerState['schedule'];
    if (d.at) {
      schedule = {kind: 'once', at: d.at};
    } else if (!d.every) {
      // Apps Script: "Frequency is required if you are using atHour() or nearMinute()".
      throw appsScriptError(
        'Frequency is required: call everyDays, everyWeeks or everyHours before create().',
      );
    } else if (d.every.unit === 'days') {
      schedule = {
        kind: 'days',
        every: d.every.n,
        hour: d.hour ?? 0,
        minute,
      };
    } else if (d.every.unit === 'weeks') {
      if (d.weekDay === undefined)
        throw appsScriptError('everyWeeks needs onWeekDay to say which day.');
      schedule = {
        kind: 'weeks',
        every: d.every.n,
        weekDay: d.weekDay,
        hour: d.hour ?? 0,
        minute,
      };
    } else {
      schedule = {kind: d.every.unit, every: d.every.n};
    }
    const state: TriggerState = {
      uid,
      handler: d.handler,
      owner: this.ctx.user,
      documentId: this.documentId,
      timeZone,
      schedule,
      createdAt: this.ctx.now(),
    };
    state.nextRun = nextRunAfter(state, state.createdAt);
    this.state.triggers.push(state);
    return this.wrap(state);
  }
}

/** One run of a trigger's function by fireDue. */
export interface TriggerFiring {
  uid: string;
  handler: string;
  user: string;
  at: Date;
  event: TimeDrivenEvent;
  result?: unknown;
  error?: unknown;
}
