/**
 * Instants and the spreadsheet's calendar. Weeks end in the spreadsheet's
 * time zone, not the script's: every local date goes through
 * Utilities.formatDate with the spreadsheet's zone.
 */
import type {LocalDate, Weekday} from '../domain/calendar';
import {WEEKDAYS} from '../domain/calendar';

export interface ZoneClock {
  timeZone: string;
  now: Date;
  /** The calendar date of an instant in the spreadsheet's zone. */
  localDate(instant: Date): LocalDate;
  /** The instant at which a calendar date begins in the spreadsheet's zone (what a date cell holds). */
  midnight(date: LocalDate): Date;
  /** Hour of day (0–23) and weekday of an instant in the spreadsheet's zone. */
  hourOf(instant: Date): number;
  weekdayOf(instant: Date): Weekday;
  /** How a person reads a date, e.g. "Fri 20 Nov 2026". */
  label(date: LocalDate): string;
}

export function zoneClock(timeZone: string, now = new Date()): ZoneClock {
  const fmt = (d: Date, pattern: string) =>
    Utilities.formatDate(d, timeZone, pattern);
  const clock: ZoneClock = {
    timeZone,
    now,
    localDate: instant => fmt(instant, 'yyyy-MM-dd'),
    midnight(date) {
      // Start from UTC midnight and correct by the zone's offset at that moment; a second
      // pass settles days when the offset changes (DST) between the guess and the answer.
      let guess = new Date(`${date}T00:00:00Z`);
      for (let i = 0; i < 2; i++) {
        const offset = fmt(guess, 'XXX');
        const sign = offset.startsWith('-') ? -1 : 1;
        const [h, m] =
          offset === 'Z' ? [0, 0] : offset.slice(1).split(':').map(Number);
        guess = new Date(
          Date.parse(`${date}T00:00:00Z`) - sign * (h * 60 + m) * 60000,
        );
      }
      return guess;
    },
    hourOf: instant => Number(fmt(instant, 'H')),
    weekdayOf: instant => WEEKDAYS[Number(fmt(instant, 'u')) - 1],
    label: date => fmt(clock.midnight(date), 'EEE d MMM yyyy'),
  };
  return clock;
}

/**
 * Local dates of many date-time cells with few formatDate calls: zone
 * offsets are whole quarter hours, so every instant in one quarter hour
 * falls on the same local date. Not a Date: ''.
 */
export function localDates(
  clock: ZoneClock,
): (value: unknown) => LocalDate | '' {
  const memo = new Map<number, LocalDate>();
  return value => {
    if (Object.prototype.toString.call(value) !== '[object Date]') return '';
    const t = (value as Date).getTime();
    if (isNaN(t)) return '';
    const bucket = Math.floor(t / 900000);
    let date = memo.get(bucket);
    if (date === undefined) {
      date = clock.localDate(value as Date);
      memo.set(bucket, date);
    }
    return date;
  };
}
