/**
 * Calendar days and business days (Monday to Friday) for the slip signals'
 * windows. Dates are reduced to whole local calendar days first, so a window
 * never shifts with the time of day or a daylight-saving change.
 */

const MS_PER_DAY = 86400000;
// Bound once: called per date cell (see cells.ts).
const utc = Date.UTC;
const floor = Math.floor;

/** The local calendar day of a date, as a day count since 1970-01-01 (a Thursday). */
export function dayNumber(date: Date): number {
  return utc(date.getFullYear(), date.getMonth(), date.getDate()) / MS_PER_DAY;
}

/** 0 = Monday … 6 = Sunday. */
export function weekdayOf(day: number): number {
  return (((day + 3) % 7) + 7) % 7;
}

// Weekdays among the first k days of any week that starts on a Thursday (day 0).
const WEEKDAYS_BEFORE = [0, 1, 2, 2, 2, 3, 4, 5];

/** Business days among days 0 … n−1 (negative n counts backwards); O(1). */
function businessDaysBefore(n: number): number {
  const weeks = floor(n / 7);
  return weeks * 5 + WEEKDAYS_BEFORE[n - weeks * 7];
}

/**
 * Business days after `from` up to and including `to` (both day numbers):
 * Friday → next Monday is 1. Zero or negative when `to` is not after `from`.
 */
export function businessDaysAfter(from: number, to: number): number {
  return businessDaysBefore(to + 1) - businessDaysBefore(from + 1);
}

/**
 * Whether `day` falls outside the last `window` business days ending on
 * `asOf` (inclusive): with asOf a Friday and window 10, the window opens on
 * the Monday of the week before, so anything dated before that Monday is out.
 */
export function olderThanBusinessDays(
  day: number,
  asOf: number,
  window: number,
): boolean {
  return businessDaysAfter(day, asOf) >= window;
}
