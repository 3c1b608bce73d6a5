/**
 * Instants and the spreadsheet's calendar. Weeks end in the spreadsheet's
 * time zone, not the script's: every local date comes from the zone's
 * offsets as Utilities.formatDate reads them.
 */
import type {LocalDate, Weekday} from '../domain/calendar';
import {WEEKDAYS} from '../domain/calendar';
import {showDatesWith} from '../domain/cells';
import {activeSpreadsheet} from './session';
import {
  isoDay,
  offsetMinutesOf,
  wallClock,
  type WallClock,
} from '../domain/wall-clock';

/** A zone's wall clock, its offsets read with Utilities.formatDate (a few calls per table, see wall-clock.ts). */
export function zoneWallClock(timeZone: string): WallClock {
  return wallClock(t =>
    offsetMinutesOf(Utilities.formatDate(new Date(t), timeZone, 'Z')),
  );
}

// UTC only where no document is active (a time-driven run), for messages.
const activeZone = () => activeSpreadsheet()?.getSpreadsheetTimeZone() ?? 'UTC';

/**
 * The active spreadsheet's clock for a custom function: Sheets hands date
 * cells over as midnights of the spreadsheet's zone. The zone is read once
 * per call, when the first date is read (read-only calls are allowed in a
 * custom function), never per cell.
 */
export function activeSheetClock(): WallClock {
  let clock: WallClock | undefined;
  return {wall: d => (clock ??= zoneWallClock(activeZone())).wall(d)};
}

// Error messages show a date cell on the spreadsheet's clock; only on the
// error path, so the zone is read then, not when the bundle loads.
showDatesWith({wall: d => zoneWallClock(activeZone()).wall(d)});

export interface ZoneClock extends WallClock {
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
  const walls = zoneWallClock(timeZone);
  const clock: ZoneClock = {
    timeZone,
    now,
    wall: instant => walls.wall(instant),
    localDate: instant => isoDay(walls.wall(instant)),
    midnight(date) {
      // UTC midnight corrected by the zone's offset there (from the wall clock's few
      // probes); a second pass settles a DST change between the guess and the answer.
      const utc = Date.parse(`${date}T00:00:00Z`);
      let t = utc;
      for (let i = 0; i < 2; i++) t = utc - (walls.wall(new Date(t)) - t);
      return new Date(t);
    },
    hourOf: instant => Number(fmt(instant, 'H')),
    weekdayOf: instant => WEEKDAYS[Number(fmt(instant, 'u')) - 1],
    label: date => fmt(clock.midnight(date), 'EEE d MMM yyyy'),
  };
  return clock;
}

/** Local dates of date and date-time cells (few formatDate calls, see wall-clock.ts). Not a Date: ''. */
export function localDates(
  clock: ZoneClock,
): (value: unknown) => LocalDate | '' {
  return value =>
    Object.prototype.toString.call(value) === '[object Date]' &&
    !isNaN((value as Date).getTime())
      ? clock.localDate(value as Date)
      : '';
}
