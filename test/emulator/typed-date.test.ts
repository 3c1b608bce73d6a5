/**
 * A typed ISO date becomes a date cell (setValue parses text as typed input,
 * USER_ENTERED), read back as midnight in the spreadsheet's time zone, not the
 * script's: the behaviour runFieldChecks confirms in a real spreadsheet.
 */
import {world} from './world';

describe('a date typed as text', () => {
  it.each(['Asia/Tokyo', 'Europe/Berlin', 'America/Los_Angeles'])(
    'reads back in %s as the instant of midnight there',
    zone => {
      const w = world({spreadsheetTimeZone: zone});
      const cell = w.sheet().getRange('A1');
      cell.setValue('2026-11-20');
      const value = cell.getValue() as Date;
      expect(Object.prototype.toString.call(value)).toBe('[object Date]');
      expect(w.Utilities.formatDate(value, zone, 'yyyy-MM-dd HH:mm:ss')).toBe(
        '2026-11-20 00:00:00',
      );
    },
  );

  it('stays text when it is not a real day, when the cell is plain text, or in another spelling', () => {
    const w = world();
    const range = w.sheet().getRange('A1:C1');
    range.setValues([['2026-02-30', "'2026-11-20", '20.11.2026']]);
    w.sheet().getRange('D1').setNumberFormat('@').setValue('2026-11-20');
    expect(w.sheet().getRange('A1:D1').getValues()).toEqual([
      ['2026-02-30', '2026-11-20', '20.11.2026', '2026-11-20'],
    ]);
  });
});
