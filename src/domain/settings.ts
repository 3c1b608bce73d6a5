/**
 * The Settings tab (two columns: Setting, Value) as one typed, validated
 * object. Each setting has a default (what set-up writes and what a blank
 * cell means) and what is expected, so set-up, Settings help and every error
 * message speak of it the same way (what each one means is said in Settings
 * help's template, src/templates/settings-help.html). Validated with zod/mini
 * (the full zod would not fit Apps Script's bundle budget).
 *
 * Percentages: 0.8, "80%" and a cell formatted as % (0.8) all mean 80%. A
 * bare number above 1 such as 80 is refused rather than guessed, because
 * 1.5 might mean 150% or 1.5%: the message says to write 80% or 0.8.
 */
import type * as Z from 'zod/mini';
import {z} from './zod';
import {
  atLeast,
  atMost,
  finite,
  isEmail,
  lengthAtMost,
  oneOf,
  string,
} from './checks';
import {isBlank, isDate, show, toNumber, toText, wallTimeOfText} from './cells';
import {isoDay} from './wall-clock';
import {
  WEEKDAYS,
  isoWeekday,
  weekdayName,
  type LocalDate,
  type Weekday,
} from './calendar';
import {headerKey} from './headers';
import {CONVERSION_WINDOW_DAYS} from './leads/indicators';
import {MARKETING_SOURCES_TEXT} from './leads/leads';
import {listed} from './words';
import {percent} from './words';
import {isCurrencyCode, moneyFormat, type MoneyFormat} from './money';
import {
  GATE_MILESTONES_TEXT,
  VARIANCE_MILESTONES_TEXT,
  parseMilestones,
  type Milestone,
} from './milestones';

export type {Milestone};

export interface Settings {
  cfoEmails: string[];
  croName: string;
  croEmail: string;
  recordKeepers: string[];
  rebuildStart: LocalDate | '';
  scorecardDay: Weekday;
  scorecardHour: number;
  varianceMilestones: Milestone[];
  gateMilestones: Milestone[];
  ebConfirmationDays: number;
  championLatencyHours: number;
  stakeholderWindowDays: number;
  procurementWindowDays: number;
  savePlayThreshold: number;
  attendanceThresholds: {low: number; high: number};
  /** Amounts are shown in this currency, written the spreadsheet locale's way. */
  currency: MoneyFormat;
  // The leading indicators and the Monday early warning (issue 14).
  marketingSources: string;
  conversionWindowDays: number;
  trendAlert: number;
  cmoEmail: string;
  // The wider audiences (issue 14 §4, §5).
  ceoEmail: string;
  partnerEmails: string[];
}

export type SettingKey = keyof Settings;

export interface SettingSpec {
  key: SettingKey;
  /** The name in the Settings tab's Setting column. */
  name: string;
  /** Written by set-up, and what a blank cell means; '' when there is no sensible default. */
  default: string | number;
  expected: string;
  /** What to do when a feature needs this setting and it is blank. */
  whenEmpty: string;
  /** What a blank cell means when the default depends on the spreadsheet, not on this table. */
  blank?: string;
  /** Blank is fine: nothing needs it filled in (whenEmpty says what blank means). */
  optional?: boolean;
}

const spec = (
  key: SettingKey,
  name: string,
  fallback: string | number,
  expected: string,
  whenEmpty = `enter ${expected}`,
): SettingSpec => ({
  key,
  name,
  default: fallback,
  expected,
  whenEmpty,
});

/** Every setting, in the order of docs/workbook.md and of the Settings tab. */
export const SETTINGS: readonly SettingSpec[] = [
  spec(
    'cfoEmails',
    'CFO Email',
    '',
    'one or more email addresses, separated by commas',
    "enter the CFO's email address in the Settings tab",
  ),
  spec(
    'croName',
    'CRO Name',
    '',
    'a name of up to 100 characters',
    "enter the CRO's name in the Settings tab",
  ),
  spec(
    'croEmail',
    'CRO Email',
    '',
    'one email address',
    "enter the CRO's email address in the Settings tab",
  ),
  {
    ...spec(
      'recordKeepers',
      'Record Keepers',
      '',
      'email addresses separated by commas, or blank',
      "blank: the owner, whoever ran set-up, the CRO Email and the schedule's installer keep the record",
    ),
    optional: true,
  },
  spec(
    'rebuildStart',
    'Rebuild Start',
    '',
    'a date that is a Monday, e.g. 2026-10-05',
    'enter the Monday of week 1 of the rebuild (a date such as 2026-10-05) in the Settings tab',
  ),
  spec(
    'scorecardDay',
    'Scorecard Day',
    'Friday',
    'a weekday name, e.g. Friday',
  ),
  spec(
    'scorecardHour',
    'Scorecard Hour',
    16,
    'a whole hour from 0 to 23 (16 = 4 pm)',
  ),
  spec(
    'varianceMilestones',
    'Variance Milestones',
    VARIANCE_MILESTONES_TEXT,
    `week:percent pairs, e.g. ${VARIANCE_MILESTONES_TEXT}`,
  ),
  spec(
    'gateMilestones',
    'Gate Milestones',
    GATE_MILESTONES_TEXT,
    `week:percent pairs, e.g. ${GATE_MILESTONES_TEXT}`,
  ),
  spec(
    'ebConfirmationDays',
    'EB Confirmation Days',
    14,
    'a whole number of days, 1 or more',
  ),
  spec(
    'championLatencyHours',
    'Champion Latency Hours',
    48,
    'a whole number of hours, 1 or more',
  ),
  spec(
    'stakeholderWindowDays',
    'Stakeholder Window Business Days',
    10,
    'a whole number of business days, 1 or more',
  ),
  spec(
    'procurementWindowDays',
    'Procurement Window Business Days',
    10,
    'a whole number of business days, 1 or more',
  ),
  spec(
    'savePlayThreshold',
    'Save-Play Threshold',
    '80%',
    'a percentage from 0% to 100%, e.g. 80%',
  ),
  spec(
    'attendanceThresholds',
    'Attendance Thresholds',
    '80%, 90%',
    'two percentages, low then high, e.g. 80%, 90%',
  ),
  {
    ...spec(
      'currency',
      'Currency',
      '',
      "a three-letter currency code, e.g. USD, EUR or GBP; blank: the spreadsheet locale's currency",
    ),
    blank: "the spreadsheet locale's currency",
  },
  spec(
    'marketingSources',
    'Marketing Sources',
    MARKETING_SOURCES_TEXT,
    'Source values separated by commas, e.g. Web, Paid Search, Email',
  ),
  spec(
    'conversionWindowDays',
    'Conversion Window Days',
    CONVERSION_WINDOW_DAYS,
    'a whole number of days, 1 or more',
  ),
  spec(
    'trendAlert',
    'Trend Alert',
    '20%',
    'a percentage from 0% to 100%, e.g. 20%',
  ),
  {
    ...spec(
      'cmoEmail',
      'CMO Email',
      '',
      'one email address, or blank',
      'blank: the early warning goes to the CRO alone',
    ),
    optional: true,
  },
  {
    ...spec(
      'ceoEmail',
      'CEO Email',
      '',
      'one email address, or blank',
      'blank: no monthly expanded scorecard',
    ),
    optional: true,
  },
  {
    ...spec(
      'partnerEmails',
      'Partner Emails',
      '',
      'email addresses separated by commas, or blank',
      'blank: no quarterly partner scorecard',
    ),
    optional: true,
  },
];

export function settingSpec(key: SettingKey): SettingSpec {
  return SETTINGS.find(s => s.key === key)!;
}

// ------------------------------------------------------------- cell readers

/** A fraction from 0.8, "80%" or "0.8"; undefined when it is not a number. */
function percentOf(value: unknown): number | undefined {
  return toNumber(value);
}

const PERCENT = () =>
  z.pipe(
    z.transform(percentOf),
    finite({error: 'not a percentage'}).check(
      atLeast(0, {error: 'below 0%'}),
      z.refine((n: number) => n <= 1, {
        error: 'above 100%; for 80% write 80% or 0.8',
      }),
    ),
  );

const WHOLE = (min: number, max: number) =>
  z.pipe(
    z.transform(toNumber),
    finite({error: 'not a number'}).check(
      z.refine((n: number) => Number.isInteger(n), {
        error: 'not a whole number',
      }),
      atLeast(min, {error: `below ${min}`}),
      atMost(max, {error: `above ${max}`}),
    ),
  );

const notAnEmail = (value: unknown) => `${show(value)} is not an email address`;

/** Addresses separated by commas; the first that is not one is named (as an array schema's first issue would be, in 1.2 KB less). */
const EMAIL_LIST = () =>
  z.pipe(
    z.transform((value: unknown) =>
      toText(value)
        .split(/[,;\s]+/)
        .filter(s => s !== ''),
    ),
    z.custom<string[]>(list => list.every(isEmail), {
      error: iss => notAnEmail((iss.input as string[]).find(s => !isEmail(s))),
    }),
  );

const ONE_EMAIL = () =>
  string().check(
    z.refine((s: string) => s === '' || isEmail(s), {
      error: iss => notAnEmail(iss.input),
    }),
  );

/** A person's name: has a letter, and is not a paragraph. */
const NAME = () =>
  z.pipe(
    z.transform(toText),
    string().check(
      z.refine((s: string) => s === '' || /\p{L}/u.test(s), {
        error: 'has no letters',
      }),
      lengthAtMost(100, {error: 'longer than 100 characters'}),
    ),
  );

function weekdayOf(value: unknown): Weekday | undefined {
  const text = toText(value).toLowerCase();
  if (text.length < 3) return undefined;
  return WEEKDAYS.find(d => d.toLowerCase().startsWith(text));
}

const WEEKDAY = () =>
  z.pipe(z.transform(weekdayOf), oneOf(WEEKDAYS, {error: 'not a weekday'}));

/** Milestones through the custom functions' own parser, so a sheet and a formula read them alike. */
function milestonesOf(name: string) {
  return (value: unknown, ctx: Z.core.ParsePayload): Milestone[] => {
    try {
      return parseMilestones(toText(value), name);
    } catch (err) {
      const message = (err as Error).message;
      ctx.issues.push({
        code: 'custom',
        message: message.startsWith(`${name}: `)
          ? message.slice(name.length + 2)
          : message,
        input: value,
      });
      return [];
    }
  };
}

const ATTENDANCE = () =>
  z.pipe(
    z.transform((value: unknown, ctx: Z.core.ParsePayload) => {
      const parts = toText(value)
        .split(/[,;]|\s+(?=\d)/)
        .map(s => s.trim())
        .filter(s => s !== '');
      const [low, high] = parts.map(percentOf);
      const fraction = (n: number | undefined) =>
        n !== undefined && n >= 0 && n <= 1;
      if (parts.length !== 2 || !fraction(low) || !fraction(high)) {
        ctx.issues.push({
          code: 'custom',
          message: 'not two percentages',
          input: value,
        });
        return {low: 0, high: 0};
      }
      return {low: low!, high: high!};
    }),
    z.custom<{low: number; high: number}>(t => t.low <= t.high, {
      error: 'the low one is above the high one',
    }),
  );

// Without the spreadsheet's zone (pure code, tests), a date cell is read in UTC.
const utcDate = (d: Date): LocalDate => isoDay(d.getTime());

/** A cell that should hold a calendar date: a date cell, or text such as 2026-10-05 or 10/5/2026. */
function rebuildStartOf(localDate: (d: Date) => LocalDate) {
  return (value: unknown, ctx: Z.core.ParsePayload): LocalDate | '' => {
    if (isBlank(value)) return '';
    const wall = typeof value === 'string' ? wallTimeOfText(value) : undefined;
    if (isDate(value) ? isNaN(value.getTime()) : wall === undefined) {
      ctx.issues.push({code: 'custom', message: 'not a date', input: value});
      return '';
    }
    const day = isDate(value) ? localDate(value) : isoDay(wall!);
    if (isoWeekday(day) !== 1) {
      ctx.issues.push({
        code: 'custom',
        message: `${day} is a ${weekdayName(day)}`,
        input: value,
      });
    }
    return day;
  };
}

/** Blank: the locale's own currency; else a code, always written the locale's way. */
function currencyOf(locale: string) {
  return (value: unknown, ctx: Z.core.ParsePayload): MoneyFormat => {
    const code = toText(value).toUpperCase();
    if (code !== '' && !isCurrencyCode(code))
      ctx.issues.push({
        code: 'custom',
        message: 'not a three-letter currency code',
        input: value,
      });
    return moneyFormat(locale, isCurrencyCode(code) ? code : undefined);
  };
}

function schemaFor(localDate: (d: Date) => LocalDate, locale: string) {
  return z.object({
    cfoEmails: EMAIL_LIST(),
    croName: NAME(),
    croEmail: z.pipe(z.transform(toText), ONE_EMAIL()),
    recordKeepers: EMAIL_LIST(),
    rebuildStart: z.transform(rebuildStartOf(localDate)),
    scorecardDay: WEEKDAY(),
    scorecardHour: WHOLE(0, 23),
    varianceMilestones: z.transform(milestonesOf('Variance Milestones')),
    gateMilestones: z.transform(milestonesOf('Gate Milestones')),
    ebConfirmationDays: WHOLE(1, 3650),
    championLatencyHours: WHOLE(1, 8760),
    stakeholderWindowDays: WHOLE(1, 2600),
    procurementWindowDays: WHOLE(1, 2600),
    savePlayThreshold: PERCENT(),
    attendanceThresholds: ATTENDANCE(),
    currency: z.transform(currencyOf(locale)),
    marketingSources: z.pipe(
      z.transform(toText),
      string().check(
        z.refine((t: string) => t.split(/[,;]/).every(n => /\p{L}/u.test(n)), {
          error: 'not a list of source names',
        }),
      ),
    ),
    conversionWindowDays: WHOLE(1, 3650),
    trendAlert: PERCENT(),
    cmoEmail: z.pipe(z.transform(toText), ONE_EMAIL()),
    ceoEmail: z.pipe(z.transform(toText), ONE_EMAIL()),
    partnerEmails: EMAIL_LIST(),
  });
}

// ------------------------------------------------------------- parsing

export interface SettingIssue {
  setting: string;
  value: unknown;
  /** What is wrong, briefly ("above 23"). */
  detail: string;
  /** The whole message: the setting, its value, what is wrong and what is expected. */
  message: string;
}

export interface SettingsCheck {
  /** Every setting; an invalid one holds its default so help can still show the rest. */
  settings: Settings;
  issues: SettingIssue[];
  /** The value each setting had in the tab ('' when blank or absent), by setting name. */
  values: Record<string, unknown>;
}

export interface ParseOptions {
  /** The calendar date of a date cell, in the spreadsheet's time zone (services pass theirs). */
  localDate?: (date: Date) => LocalDate;
  /** getSpreadsheetLocale(), e.g. "de_DE": the default currency and how amounts are written. */
  locale?: string;
}

/** A date cell as typed: its calendar date in the spreadsheet's zone, not the script's clock time. */
function issueMessage(
  s: SettingSpec,
  value: unknown,
  detail: string,
  localDate: (d: Date) => LocalDate,
): string {
  const typed =
    isDate(value) && !isNaN(value.getTime()) ? localDate(value) : show(value);
  return `Settings: "${s.name}" is ${typed} (${detail}); expected ${s.expected}.`;
}

/** The value of each setting by its name as typed in the tab (any case, spacing or punctuation). */
function valuesByName(raw: Readonly<Record<string, unknown>>) {
  const byKey = new Map<string, unknown>();
  for (const [name, value] of Object.entries(raw)) {
    const k = headerKey(name);
    if (k && !byKey.has(k)) byKey.set(k, value);
  }
  const values: Record<string, unknown> = {};
  for (const s of SETTINGS) {
    const v = byKey.get(headerKey(s.name));
    values[s.name] = v === undefined || v === null ? '' : v;
  }
  return values;
}

/**
 * Reads the Settings tab's pairs (name → value) without throwing: the typed
 * settings (blank cells take their defaults; invalid ones too) and one issue
 * per invalid setting, naming it, its value and what is expected.
 */
export function checkSettings(
  raw: Readonly<Record<string, unknown>>,
  options: ParseOptions = {},
): SettingsCheck {
  const values = valuesByName(raw);
  const input: Record<string, unknown> = {};
  for (const s of SETTINGS) {
    input[s.key] = isBlank(values[s.name]) ? s.default : values[s.name];
  }
  const schema = schemaFor(
    options.localDate ?? utcDate,
    options.locale ?? 'en_US',
  );
  const parsed = z.safeParse(schema, input);
  if (parsed.success) return {settings: parsed.data, issues: [], values};

  const issues: SettingIssue[] = [];
  const bad = new Set<SettingKey>();
  for (const issue of parsed.error.issues) {
    const key = issue.path[0] as SettingKey;
    if (bad.has(key)) continue;
    bad.add(key);
    const s = settingSpec(key);
    issues.push({
      setting: s.name,
      value: values[s.name],
      detail: issue.message,
      message: issueMessage(
        s,
        values[s.name],
        issue.message,
        options.localDate ?? utcDate,
      ),
    });
  }
  for (const key of bad) input[key] = settingSpec(key).default;
  const fallback = z.parse(schema, input);
  return {settings: fallback, issues, values};
}

/** The typed settings, or one Error listing every invalid setting. */
export function parseSettings(
  raw: Readonly<Record<string, unknown>>,
  options: ParseOptions = {},
): Settings {
  const {settings, issues} = checkSettings(raw, options);
  if (issues.length > 0) {
    throw new Error(issues.map(i => i.message).join('\n'));
  }
  return settings;
}

function isEmpty(value: Settings[SettingKey]): boolean {
  return Array.isArray(value) ? value.length === 0 : value === '';
}

/** A setting a feature cannot do without: its value, or an Error saying which one to fill in. */
export function requireSetting<K extends SettingKey>(
  settings: Settings,
  key: K,
): Settings[K] {
  const value = settings[key];
  if (isEmpty(value)) {
    const s = settingSpec(key);
    throw new Error(`Settings: "${s.name}" is empty; ${s.whenEmpty}.`);
  }
  return value;
}

// ------------------------------------------------------------- help

/** A setting's value as a person reads it in the Settings help. */
function shown(value: unknown, localDate: (d: Date) => LocalDate): string {
  if (isBlank(value)) return '(blank)';
  if (isDate(value)) return localDate(value);
  if (typeof value === 'number' && value > 0 && value < 1)
    return percent(value);
  return toText(value);
}

export interface SettingHelpRow {
  name: string;
  /** The value now, as a person reads it. */
  value: string;
  status: 'ok' | 'default' | 'empty' | 'invalid';
  /** What is wrong, or what a blank cell stands for. */
  note: string;
  expected: string;
}

/** Settings help: each setting with its value now, whether it is valid and what is expected. */
export function settingsHelp(
  raw: Readonly<Record<string, unknown>>,
  options: ParseOptions = {},
): {summary: string; ready: boolean; rows: SettingHelpRow[]} {
  const localDate = options.localDate ?? utcDate;
  const {settings, issues, values} = checkSettings(raw, options);
  const rows = SETTINGS.map((s): SettingHelpRow => {
    const issue = issues.find(i => i.setting === s.name);
    const value = values[s.name];
    const base = {
      name: s.name,
      value: shown(value, localDate),
      expected: s.expected,
    };
    if (issue) return {...base, status: 'invalid', note: issue.detail};
    if (isBlank(value) && s.default === '' && !s.blank && !s.optional)
      return {...base, status: 'empty', note: s.whenEmpty};
    if (isBlank(value))
      return {
        ...base,
        status: 'default',
        note: s.optional
          ? s.whenEmpty
          : s.blank
            ? `blank, so ${settings.currency.currency} (${s.blank}, ${settings.currency.locale})`
            : `blank, so the default ${s.default}`,
      };
    return {...base, status: 'ok', note: ''};
  });
  const n = issues.length;
  const empty = rows.filter(r => r.status === 'empty').map(r => r.name);
  const invalid =
    n === 0
      ? ''
      : `${n} setting${n > 1 ? 's are' : ' is'} invalid; fix ${n > 1 ? 'them' : 'it'} in the Settings tab.`;
  const missing =
    empty.length === 0
      ? ''
      : `Before the first snapshot, fill in ${listed(empty)}: ${empty.length > 1 ? 'they are' : 'it is'} still empty.`;
  const summary =
    [invalid, missing].filter(Boolean).join(' ') ||
    'Every setting is valid and filled in: the snapshot has what it needs.';
  return {summary, ready: n === 0 && empty.length === 0, rows};
}
