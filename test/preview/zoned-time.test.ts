/**
 * The clock's wall times: "Friday 17:00" means 17:00 where the spreadsheet
 * is, across daylight-saving changes; typed dates land at that wall time.
 */
import {typedDate} from '../../scripts/preview/world';
import {
  instantToZoned,
  zoneOffsetMinutes,
  zonedToInstant,
} from '../../scripts/preview/zoned-time';

describe('wall-clock times in a named zone', () => {
  it.each([
    ['2026-11-20T17:00', 'America/Los_Angeles', '2026-11-21T01:00:00.000Z'],
    ['2026-07-03T17:00', 'America/Los_Angeles', '2026-07-04T00:00:00.000Z'],
    ['2026-11-20T17:00', 'America/New_York', '2026-11-20T22:00:00.000Z'],
    ['2026-03-29T09:30:15', 'Europe/Berlin', '2026-03-29T07:30:15.000Z'],
    ['2026-11-20 08:00', 'Asia/Kolkata', '2026-11-20T02:30:00.000Z'],
  ])('%s in %s is %s', (local, zone, iso) => {
    const at = zonedToInstant(local, zone);
    expect(at.toISOString()).toBe(iso);
    expect(instantToZoned(at, zone)).toBe(local.replace(' ', 'T').slice(0, 16));
  });

  it('reads the zone offset on each side of a daylight-saving change', () => {
    expect(
      zoneOffsetMinutes(new Date('2026-03-08T06:59:00Z'), 'America/New_York'),
    ).toBe(-300);
    expect(
      zoneOffsetMinutes(new Date('2026-03-08T07:00:00Z'), 'America/New_York'),
    ).toBe(-240);
  });

  it.each([['Friday 5pm'], ['2026-02-30T10:00'], ['2026-11-20'], ['']])(
    'refuses "%s" with a message naming it',
    text => {
      expect(() => zonedToInstant(text, 'America/Los_Angeles')).toThrow(
        `Clock: "${text}"`,
      );
    },
  );

  it('turns typed dates into dates at that wall time, and leaves other text alone', () => {
    const zone = 'America/Los_Angeles';
    expect(typedDate('2026-10-12', zone)?.toISOString()).toBe(
      '2026-10-12T07:00:00.000Z',
    );
    expect(typedDate('10/12/2026', zone)?.toISOString()).toBe(
      '2026-10-12T07:00:00.000Z',
    );
    expect(typedDate('2026-11-20 17:30', zone)?.toISOString()).toBe(
      '2026-11-21T01:30:00.000Z',
    );
    expect(typedDate('cfo@example.com', zone)).toBeUndefined();
    expect(typedDate('2026-02-30', zone)).toBeUndefined();
    expect(typedDate('12', zone)).toBeUndefined();
  });
});
