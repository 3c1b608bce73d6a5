/**
 * The Settings tab read through the table layer: date cells become calendar
 * dates in the spreadsheet's own time zone, and a bad or missing setting
 * is an error a person can act on.
 */
import {createEmulator} from '../../emulator';
import {zonedInstant} from '../../emulator/format-date';
import {readSettings} from '../../src/services/settings';
import {activeSpreadsheet, inEmulator, tabWith} from './harness';

describe('readSettings', () => {
  it('reads a Rebuild Start date cell in the spreadsheet’s zone, not the runtime’s', () => {
    const emulator = createEmulator({spreadsheetTimeZone: 'Asia/Tokyo'});
    // Midnight of Monday 5 October in Tokyo is still Sunday 4 October in UTC and in America.
    const cell = zonedInstant('Asia/Tokyo', 2026, 10, 5);
    expect(cell.toISOString()).toBe('2026-10-04T15:00:00.000Z');
    tabWith(emulator, 'Settings', [
      ['Setting', 'Value'],
      ['Rebuild Start', cell],
    ]);
    const settings = inEmulator(emulator, () =>
      readSettings(activeSpreadsheet(emulator)),
    );
    expect(settings.rebuildStart).toBe('2026-10-05');
  });

  it('names every invalid setting, and reads the tab once', () => {
    const emulator = createEmulator();
    tabWith(emulator, 'Settings', [
      ['Value', 'Setting'],
      ['', ''],
      [9, 'Scorecard Hour'],
      ['Caturday', 'Scorecard Day'],
      ['cfo@', 'CFO Email'],
    ]);
    expect(() =>
      inEmulator(emulator, () => readSettings(activeSpreadsheet(emulator))),
    ).toThrow(
      'Settings: "CFO Email" is "cfo@" ("cfo@" is not an email address); expected one or more email addresses, separated by commas.\n' +
        'Settings: "Scorecard Day" is "Caturday" (not a weekday); expected a weekday name, e.g. Friday.',
    );
    expect(emulator.ctx.calls.count('Sheet.getSheetValues')).toBe(1);
    expect(emulator.ctx.calls.count('Range.getValues')).toBe(0);
  });

  it('says the Settings tab lacks its Value column', () => {
    const emulator = createEmulator();
    tabWith(emulator, 'Settings', [['Setting'], ['CFO Email']]);
    expect(() =>
      inEmulator(emulator, () => readSettings(activeSpreadsheet(emulator))),
    ).toThrow('The "Settings" tab has no "Value" header in row 1');
  });
});
