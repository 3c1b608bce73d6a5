/**
 * The preview's "Who and where": acting as another person of the team (menu
 * items run as them, protection applies to them) and setting the
 * spreadsheet's time zone, which in Sheets keeps every date cell's calendar
 * day and wall time (a date cell is a day number, not an instant).
 */
import {PreviewWorld, sameWallTime} from '../../scripts/preview/world';
import {instantToZoned} from '../../scripts/preview/zoned-time';

describe('acting as another person', () => {
  it('runs menu items as them, and protection applies to them', () => {
    const world = PreviewWorld.open({seed: 'sample'});
    expect(world.people()).toEqual(
      expect.arrayContaining([
        'owner@example.com',
        'cro@example.com',
        'rep@example.com',
      ]),
    );
    world.actAs(' Rep@Example.com ');
    expect(world.emulator.ctx.user).toBe('rep@example.com');
    // onOpen ran again for them: the document was opened as the rep.
    expect(world.executions.at(-1)?.name).toBe('onOpen');
    expect(() => world.edit('Scorecard', 5, 1, 'tampered')).toThrow(
      /protected cell/,
    );
    world.actAs('owner@example.com');
    expect(() => world.edit('Scorecard', 5, 1, 'owner may')).not.toThrow();
  });

  it('refuses what is not an email address', () => {
    const world = PreviewWorld.open({seed: 'empty'});
    expect(() => world.actAs('the CRO')).toThrow(
      '"the CRO" is not an email address',
    );
  });
});

describe("setting the spreadsheet's time zone", () => {
  it('keeps every date cell on its calendar day and wall time', () => {
    const world = PreviewWorld.open({seed: 'sample'});
    const forecast = world.emulator.spreadsheet.sheets.find(
      s => s.state.name === 'Forecast',
    )!;
    const before = forecast.state.values[1][1] as Date;
    const day = instantToZoned(before, 'America/Los_Angeles');
    world.setTimeZone('Asia/Tokyo');
    const after = forecast.state.values[1][1] as Date;
    expect(world.emulator.spreadsheet.state.timeZone).toBe('Asia/Tokyo');
    expect(instantToZoned(after, 'Asia/Tokyo')).toBe(day);
    expect(after.getTime()).not.toBe(before.getTime());
  });

  it('moves an instant to the same wall time across daylight-saving differences', () => {
    const at = new Date('2026-03-10T16:30:45Z'); // 09:30:45 in Los Angeles (PDT)
    const moved = sameWallTime(at, 'America/Los_Angeles', 'Europe/Berlin');
    // Berlin is still on winter time (UTC+1) on 10 March.
    expect(moved.toISOString()).toBe('2026-03-10T08:30:45.000Z');
  });

  it('refuses a name that is not a time zone, changing nothing', () => {
    const world = PreviewWorld.open({seed: 'sample'});
    expect(() => world.setTimeZone('Mars/Olympus')).toThrow(
      '"Mars/Olympus" is not a time zone',
    );
    expect(world.emulator.spreadsheet.state.timeZone).toBe(
      'America/Los_Angeles',
    );
  });
});
