/**
 * Calendar days and business days (Monday to Friday) for the slip signals'
 * windows. Dates are reduced to whole calendar days of the spreadsheet's zone
 * first, so a window never shifts with the time of day, the script's zone or
 * a daylight-saving change.
 */

// Bound once: called per date cell (see cells.ts).
const floor = Math.floor;

/** Day numbers are the calendar days of wall times (wall-clock.ts). */
export {dayNumber} from './wall-clock';

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
