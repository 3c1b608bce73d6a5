/**
 * Utilities.formatDate: Java SimpleDateFormat patterns in an IANA time zone,
 * the way Apps Script (a Java service) formats them. Wall-clock fields come
 * from Intl, so daylight-saving changes are the tz database's, not ours.
 */

export interface ZonedFields {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number; // 0-23
  minute: number;
  second: number;
  millisecond: number;
  weekday: number; // 0 = Sunday … 6 = Saturday, as Date.getDay
  offsetMinutes: number; // local − UTC
  shortName: string;
  longName: string;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = [
  'Sunday',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
];
const WEEKDAY_INDEX: Record<string, number> = {
  Sun: 0,
  Mon: 1,
  Tue: 2,
  Wed: 3,
  Thu: 4,
  Fri: 5,
  Sat: 6,
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, name: 'short' | 'long') {
  const id = `${timeZone}|${name}`;
  let f = formatters.get(id);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
      era: 'short',
      timeZoneName: name,
    });
    formatters.set(id, f);
  }
  return f;
}

/** "GMT+5:30", "GMT-08:00", "UTC": Java's custom zone ids, as fixed offsets in minutes. */
function fixedOffset(timeZone: string): number | undefined {
  if (timeZone === 'UTC' || timeZone === 'GMT') return 0;
  const m = /^(?:GMT|UTC)([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(timeZone);
  if (!m) return undefined;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

function offsetText(minutes: number, colon: boolean): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${sign}${hh}${colon ? ':' : ''}${mm}`;
}

function isKnownZone(timeZone: string): boolean {
  try {
    formatter(timeZone, 'short');
    return true;
  } catch {
    return false;
  }
}

/**
 * Date.UTC for any year: Date.UTC reads years 0–99 as 1900–1999, so those
 * are computed 400 years on (a whole Gregorian cycle, 146,097 days) and
 * brought back.
 */
function utcTime(
  year: number,
  month0: number,
  day = 1,
  hour = 0,
  minute = 0,
  second = 0,
): number {
  if (year < 0 || year > 99)
    return Date.UTC(year, month0, day, hour, minute, second);
  return (
    Date.UTC(year + 400, month0, day, hour, minute, second) - 146097 * 86400000
  );
}

/**
 * The wall-clock fields of an instant in a zone. An unknown zone id falls
 * back to GMT, as Java's TimeZone.getTimeZone does (so does Apps Script's
 * formatDate, which is built on it; unconfirmed against a live project).
 */
export function zonedFields(date: Date, timeZone: string): ZonedFields {
  const t = date.getTime();
  if (Number.isNaN(t)) throw new Error('Invalid argument: date');
  const millisecond = ((t % 1000) + 1000) % 1000;
  const fixed =
    fixedOffset(timeZone) ?? (isKnownZone(timeZone) ? undefined : 0);
  if (fixed !== undefined) {
    const local = new Date(t + fixed * 60000);
    const name =
      fixed === 0
        ? timeZone === 'UTC'
          ? 'UTC'
          : 'GMT'
        : `GMT${offsetText(fixed, true)}`;
    return {
      year: local.getUTCFullYear(),
      month: local.getUTCMonth() + 1,
      day: local.getUTCDate(),
      hour: local.getUTCHours(),
      minute: local.getUTCMinutes(),
      second: local.getUTCSeconds(),
      millisecond,
      weekday: local.getUTCDay(),
      offsetMinutes: fixed,
      shortName: name,
      longName: fixed === 0 ? 'Coordinated Universal Time' : name,
    };
  }
  const parts = (name: 'short' | 'long') =>
    Object.fromEntries(
      formatter(timeZone, name)
        .formatToParts(date)
        .map(p => [p.type, p.value]),
    ) as Record<string, string>;
  const p = parts('short');
  const bc = p.era === 'BC';
  const year = bc ? 1 - Number(p.year) : Number(p.year);
  const fields = {
    year,
    month: Number(p.month),
    day: Number(p.day),
    hour: Number(p.hour),
    minute: Number(p.minute),
    second: Number(p.second),
  };
  const asUtc = utcTime(
    fields.year,
    fields.month - 1,
    fields.day,
    fields.hour,
    fields.minute,
    fields.second,
  );
  const offsetMinutes = Math.round((asUtc - (t - millisecond)) / 60000);
  return {
    ...fields,
    millisecond,
    weekday: WEEKDAY_INDEX[p.weekday],
    offsetMinutes,
    shortName: p.timeZoneName,
    // Only the "zzzz" pattern needs it: a second formatToParts per call otherwise.
    get longName() {
      return parts('long').timeZoneName;
    },
  };
}

/** The instant at which the wall clock in `timeZone` reads the given local time (the later one in a gap). */
export function zonedInstant(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): Date {
  const wall = utcTime(year, month - 1, day, hour, minute, second);
  let guess = wall;
  // Two refinements settle the offset, DST changes included.
  for (let i = 0; i < 3; i++) {
    const off = zonedFields(new Date(guess), timeZone).offsetMinutes;
    guess = wall - off * 60000;
  }
  return new Date(guess);
}

function dayOfYear(f: ZonedFields): number {
  return (
    (utcTime(f.year, f.month - 1, f.day) - utcTime(f.year, 0, 1)) / 86400000 + 1
  );
}

/** Week of year with the US rules SimpleDateFormat uses in Apps Script (weeks start Sunday; week 1 holds Jan 1). */
function weekOfYear(f: ZonedFields): number {
  const jan1 = new Date(utcTime(f.year, 0, 1)).getUTCDay();
  const week = Math.floor((dayOfYear(f) - 1 + jan1) / 7) + 1;
  // The last days of December share their week with the next Jan 1.
  const nextJan1 = new Date(utcTime(f.year + 1, 0, 1)).getUTCDay();
  const daysLeft =
    (utcTime(f.year + 1, 0, 1) - utcTime(f.year, f.month - 1, f.day)) /
    86400000;
  return nextJan1 !== 0 && daysLeft <= nextJan1 ? 1 : week;
}

const pad = (n: number, width: number) =>
  (n < 0 ? '-' : '') + String(Math.abs(n)).padStart(width, '0');

function field(letter: string, count: number, f: ZonedFields): string {
  switch (letter) {
    case 'G':
      return f.year > 0 ? 'AD' : 'BC';
    case 'y':
    case 'Y': {
      const year = f.year > 0 ? f.year : 1 - f.year;
      return count === 2 ? pad(year % 100, 2) : pad(year, count);
    }
    case 'M':
    case 'L':
      if (count >= 4) return MONTHS[f.month - 1];
      if (count === 3) return MONTHS[f.month - 1].slice(0, 3);
      return pad(f.month, count);
    case 'd':
      return pad(f.day, count);
    case 'D':
      return pad(dayOfYear(f), count);
    case 'w':
      return pad(weekOfYear(f), count);
    case 'W':
      return pad(
        Math.floor(
          (f.day - 1 + new Date(utcTime(f.year, f.month - 1, 1)).getUTCDay()) /
            7,
        ) + 1,
        count,
      );
    case 'F':
      return pad(Math.floor((f.day - 1) / 7) + 1, count);
    case 'E':
      return count >= 4 ? DAYS[f.weekday] : DAYS[f.weekday].slice(0, 3);
    case 'u':
      return pad(f.weekday === 0 ? 7 : f.weekday, count);
    case 'a':
      return f.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(f.hour, count);
    case 'k':
      return pad(f.hour === 0 ? 24 : f.hour, count);
    case 'K':
      return pad(f.hour % 12, count);
    case 'h':
      return pad(f.hour % 12 === 0 ? 12 : f.hour % 12, count);
    case 'm':
      return pad(f.minute, count);
    case 's':
      return pad(f.second, count);
    case 'S':
      return pad(f.millisecond, count);
    case 'z':
      return count >= 4 ? f.longName : f.shortName;
    case 'Z':
      return offsetText(f.offsetMinutes, false);
    case 'X': {
      if (count > 3)
        throw new Error(`invalid ISO 8601 format: length=${count}`);
      if (f.offsetMinutes === 0) return 'Z';
      const text = offsetText(f.offsetMinutes, count === 3);
      return count === 1 ? text.slice(0, 3) : text;
    }
    default:
      throw new Error(`Illegal pattern character '${letter}'`);
  }
}

/** Formats like java.text.SimpleDateFormat(pattern) with setTimeZone(timeZone). */
export function formatDate(date: Date, timeZone: string, pattern: string) {
  const f = zonedFields(date, timeZone);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i];
    if (ch === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      // Quoted literal text; '' inside it is one quote.
      let j = i + 1;
      let text = '';
      for (;;) {
        if (j >= pattern.length)
          throw new Error(`Unterminated quote in pattern "${pattern}"`);
        if (pattern[j] === "'") {
          if (pattern[j + 1] === "'") {
            text += "'";
            j += 2;
            continue;
          }
          break;
        }
        text += pattern[j++];
      }
      out += text;
      i = j + 1;
      continue;
    }
    if (/[A-Za-z]/.test(ch)) {
      let j = i;
      while (pattern[j] === ch) j++;
      out += field(ch, j - i, f);
      i = j;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}
