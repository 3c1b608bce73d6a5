/**
 * Calendar dates in the spreadsheet's time zone, as "YYYY-MM-DD" strings.
 * The services layer turns an instant into a local date with
 * Utilities.formatDate(now, spreadsheetTimeZone, ...); from there on, week
 * arithmetic is plain calendar arithmetic, immune to the script's time zone
 * and to daylight-saving changes.
 */

export type LocalDate = string;

export const WEEKDAYS = [
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function toUtcDays(date: LocalDate): number {
  const m = LOCAL_DATE.exec(date);
  if (!m)
    throw new Error(`Not a calendar date: "${date}" (expected YYYY-MM-DD)`);
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86400000;
}

function fromUtcDays(days: number): LocalDate {
  return new Date(days * 86400000).toISOString().slice(0, 10);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromUtcDays(toUtcDays(date) + days);
}

export function daysBetween(from: LocalDate, to: LocalDate): number {
  return toUtcDays(to) - toUtcDays(from);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  return ((((toUtcDays(date) + 3) % 7) + 7) % 7) + 1;
}

export function weekdayName(date: LocalDate): Weekday {
  return WEEKDAYS[isoWeekday(date) - 1];
}

/** The Monday that starts the Monday-to-Sunday week holding `date`. */
export function mondayOf(date: LocalDate): LocalDate {
  return addDays(date, 1 - isoWeekday(date));
}

/** The scorecard day (e.g. Friday) of the week holding `date`: that week's "week ending". */
export function weekEndingOf(
  date: LocalDate,
  scorecardDay: Weekday,
): LocalDate {
  return addDays(mondayOf(date), WEEKDAYS.indexOf(scorecardDay));
}

/** Week of the rebuild (1 = the week starting on Rebuild Start); 0 or less before it began. */
export function rebuildWeek(date: LocalDate, rebuildStart: LocalDate): number {
  return (
    Math.floor(daysBetween(mondayOf(rebuildStart), mondayOf(date)) / 7) + 1
  );
}
