/**
 * Moments as the spreadsheet's clock reads them. Sheets hands a script a date
 * cell as the instant its day begins in the spreadsheet's time zone, which is
 * not the script's (America/New_York): the runtime's own getters (getDate,
 * getDay, …) read the script's zone and put every spreadsheet east of New
 * York a day early. A WallTime is the spreadsheet's wall-clock reading in
 * milliseconds counted as if it were UTC, so its calendar day is plain
 * arithmetic whatever zone the code runs in, and two date cells two days
 * apart are 48 hours apart even across a daylight-saving change.
 */

export type WallTime = number;

export const DAY_MS = 86400000;
const QUARTER_HOUR_MS = 900000;
// Probes stay within years 1–9999 (Sheets' own date range): zone rules mean
// nothing beyond, and formatters may fail at a Date's outer limits.
const FIRST_PROBE = -62135596800000; // 0001-01-01T00:00:00Z
const LAST_PROBE = Date.UTC(9999, 11, 31);

/** Reads instants on the spreadsheet's clock. */
export interface WallClock {
  wall(instant: Date): WallTime;
}

// Bound once: wall() runs per date cell (see cells.ts).
const floor = Math.floor;

// Spans over which an offset found at both ends is taken to hold throughout:
// no zone changes its offset twice within eight days (Morocco's and Egypt's
// Ramadan pauses, the shortest, last weeks). Below them, the quarter hour is
// the grain at which offsets change.
const SPANS = [8 * DAY_MS, DAY_MS];

/**
 * A wall clock from the zone's offset (minutes east of UTC) at an instant, as
 * the services read it with Utilities.formatDate. Offsets are probed at the
 * ends of the eight-day span holding a date; a span with a change is probed
 * per day, a day with a change per quarter hour. So a 100,000-row table of
 * this quarter's dates costs a dozen probes, not one per cell.
 */
export function wallClock(
  offsetMinutesAt: (instant: number) => number,
): WallClock {
  const probed = new Map<number, number>();
  const probe = (t: number) => {
    let offset = probed.get(t);
    if (offset === undefined) {
      const within =
        t > LAST_PROBE ? LAST_PROBE : t < FIRST_PROBE ? FIRST_PROBE : t;
      offset = offsetMinutesAt(within) * 60000;
      probed.set(t, offset);
    }
    return offset;
  };
  // Per span size, per span: its offset in ms, or NaN when it changes within.
  const steady = SPANS.map(() => new Map<number, number>());
  return {
    wall(instant) {
      const t = instant.getTime();
      for (let level = 0; level < SPANS.length; level++) {
        const size = SPANS[level];
        const span = floor(t / size);
        let offset = steady[level].get(span);
        if (offset === undefined) {
          const start = probe(span * size);
          offset = start === probe((span + 1) * size) ? start : NaN;
          steady[level].set(span, offset);
        }
        if (offset === offset) return t + offset;
      }
      return t + probe(floor(t / QUARTER_HOUR_MS) * QUARTER_HOUR_MS);
    },
  };
}

/** The calendar day of a wall time, as a day count since 1970-01-01 (a Thursday). */
export function dayNumber(wall: WallTime): number {
  return floor(wall / DAY_MS);
}

/** "YYYY-MM-DD" of a wall time. */
export function isoDay(wall: WallTime): string {
  return new Date(dayNumber(wall) * DAY_MS).toISOString().slice(0, 10);
}

/** The offset in minutes of Utilities.formatDate's "Z" pattern: "+0900", "-0330". */
export function offsetMinutesOf(text: string): number {
  const m = /^([+-])(\d\d):?(\d\d)$/.exec(text);
  if (!m) throw new Error(`Not a zone offset: "${text}"`);
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}
