import {zonedFields, zonedInstant} from '../../emulator/format-date';
import {
  dayNumber,
  isoDay,
  offsetMinutesOf,
  wallClock,
} from '../../src/domain/wall-clock';

/** A zone's offsets as Utilities.formatDate reports them, counting the probes. */
function zone(timeZone: string) {
  const probes: number[] = [];
  const clock = wallClock(t => {
    probes.push(t);
    return zonedFields(new Date(t), timeZone).offsetMinutes;
  });
  return {clock, probes};
}

const HOUR = 3600000;

describe('wall clock', () => {
  it('reads a date cell (local midnight) as its own day, east and west of the script, DST and +14 included', () => {
    const cases: [string, number, number, number][] = [
      ['Asia/Tokyo', 2026, 11, 15],
      ['Europe/Berlin', 2026, 10, 25], // the day Berlin leaves summer time
      ['Pacific/Auckland', 2026, 9, 27], // the day Auckland enters it
      ['Pacific/Kiritimati', 2026, 1, 1],
      ['Pacific/Honolulu', 2026, 12, 31],
      ['America/New_York', 2026, 3, 8],
      ['Asia/Kolkata', 2026, 2, 28],
    ];
    for (const [tz, y, m, d] of cases) {
      const {clock} = zone(tz);
      const wall = clock.wall(zonedInstant(tz, y, m, d));
      expect(isoDay(wall)).toBe(
        `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
      );
      expect(wall % 86400000).toBe(0);
    }
  });

  it('reads every quarter hour of a day with a DST change at the wall-clock time the zone shows', () => {
    const {clock} = zone('America/New_York');
    const start = zonedInstant('America/New_York', 2026, 11, 1).getTime();
    for (let t = start; t < start + 25 * HOUR; t += HOUR / 4) {
      const f = zonedFields(new Date(t), 'America/New_York');
      expect(clock.wall(new Date(t))).toBe(
        Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute),
      );
    }
  });

  it('probes the offset at the ends of each eight-day span touched, not once per cell', () => {
    const {clock, probes} = zone('Europe/Berlin');
    const cells = Array.from({length: 20 * 24}, (_, i) =>
      zonedInstant('Europe/Berlin', 2026, 11, 1 + (i % 20), i % 24),
    );
    for (let pass = 0; pass < 20; pass++) for (const c of cells) clock.wall(c);
    // 1–20 November (9,600 cells) fall in three or four spans: five probes at most.
    expect(probes.length).toBeLessThanOrEqual(5);
  });

  it('numbers days from 1970-01-01 and reads Utilities.formatDate’s "Z" offsets', () => {
    expect(dayNumber(Date.UTC(1970, 0, 1, 23, 59))).toBe(0);
    expect(dayNumber(Date.UTC(1969, 11, 31, 12))).toBe(-1);
    expect(offsetMinutesOf('+0900')).toBe(540);
    expect(offsetMinutesOf('-0330')).toBe(-210);
    expect(offsetMinutesOf('+1400')).toBe(840);
    expect(() => offsetMinutesOf('GMT')).toThrow('Not a zone offset: "GMT"');
  });
});
