/**
 * Spreadsheet, Sheet and Range semantics that make real bugs visible, each
 * named after the Apps Script behaviour it mirrors.
 */
import {zonedInstant} from '../../emulator/format-date';
import {thrown, world} from './world';

describe('Range values', () => {
  it('getValues returns a fresh row-major 2D array: mutating it does not change the sheet', () => {
    const {sheet} = world();
    sheet()
      .getRange(1, 1, 2, 2)
      .setValues([
        ['a', 'b'],
        ['c', 'd'],
      ]);
    const values = sheet().getRange(1, 1, 2, 2).getValues();
    values[0][0] = 'changed';
    values.push(['extra']);
    expect(sheet().getRange(1, 1, 2, 2).getValues()).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('getValues gives number, boolean, Date or string, with "" for empty cells', () => {
    const {sheet} = world();
    const when = new Date('2024-03-01T17:00:00Z');
    sheet()
      .getRange(1, 1, 1, 5)
      .setValues([[42, true, when, 'text', '']]);
    const [row] = sheet().getRange(1, 1, 1, 6).getValues();
    expect(row.map(v => Object.prototype.toString.call(v))).toEqual([
      '[object Number]',
      '[object Boolean]',
      '[object Date]',
      '[object String]',
      '[object String]',
      '[object String]',
    ]);
    expect(row[4]).toBe('');
    expect(row[5]).toBe('');
  });

  it('numeric text written to a cell reads back as a number, as Sheets parses typed input', () => {
    const {sheet} = world();
    sheet().getRange('A1').setValue('42.5');
    expect(sheet().getRange('A1').getValue()).toBe(42.5);
  });

  // Sheets API ValueInputOption USER_ENTERED: "parsed as if the user typed them into the UI" (en_US).
  it('typed 12%, $1,200 and 1,200 become numbers with the format Sheets gives them; other text stays text', () => {
    const {sheet} = world();
    const typed = [
      '12%',
      '$1,200',
      '1,200',
      '-$1,200.50',
      '12.5%',
      'TRUE',
      '1,20',
      '12 %x',
      '$12%',
    ];
    sheet().getRange(1, 1, 1, typed.length).setValues([typed]);
    expect(sheet().getRange(1, 1, 1, typed.length).getValues()[0]).toEqual([
      0.12,
      1200,
      1200,
      -1200.5,
      0.125,
      true,
      '1,20',
      '12 %x',
      '$12%',
    ]);
    expect(
      sheet().getRange(1, 1, 1, typed.length).getDisplayValues()[0],
    ).toEqual([
      '12%',
      '$1,200',
      '1,200',
      '-$1,200.50',
      '12.50%',
      'TRUE',
      '1,20',
      '12 %x',
      '$12%',
    ]);
    // A leading apostrophe keeps the text as text, as in Sheets.
    sheet().getRange('A2').setValue("'12%");
    expect(sheet().getRange('A2').getValue()).toBe('12%');
  });

  it('Date values are copies: changing a returned Date does not change the cell', () => {
    const {sheet} = world();
    const written = new Date('2024-03-01T17:00:00Z');
    sheet().getRange('A1').setValue(written);
    written.setUTCFullYear(1999);
    const read = sheet().getRange('A1').getValue() as Date;
    read.setUTCFullYear(2000);
    expect((sheet().getRange('A1').getValue() as Date).toISOString()).toBe(
      '2024-03-01T17:00:00.000Z',
    );
  });

  it('getLastRow is 0 on an empty sheet', () => {
    const {sheet} = world();
    expect(sheet().getLastRow()).toBe(0);
    expect(sheet().getLastColumn()).toBe(0);
    sheet().getRange(3, 2).setValue('x');
    expect(sheet().getLastRow()).toBe(3);
    expect(sheet().getLastColumn()).toBe(2);
  });
});

describe('Sheet.getSheetValues', () => {
  // Apps Script: "A -1 value given as the row or column position is equivalent
  // to getting the very last row or column that has data in the sheet"; the
  // common getSheetValues(1, 1, -1, -1) reads what getDataRange().getValues() reads.
  it('-1 rows and columns read up to the last row and column with content, in one call', () => {
    const {emulator, sheet} = world();
    sheet()
      .getRange(1, 1, 2, 3)
      .setValues([
        ['a', 'b', ''],
        ['c', '', 'e'],
      ]);
    emulator.ctx.calls.reset();
    expect(sheet().getSheetValues(1, 1, -1, -1)).toEqual(
      sheet().getDataRange().getValues(),
    );
    expect(sheet().getSheetValues(1, 2, 1, -1)).toEqual([['b', '']]);
    expect(emulator.ctx.calls.count('Sheet.getSheetValues')).toBe(2);
    expect(emulator.ctx.calls.count('Range.')).toBe(1); // the getDataRange comparison's own
  });

  it('on an empty sheet -1 is zero rows: it throws as getRange does (stricter than guessing)', () => {
    const {sheet} = world();
    expect(thrown(() => sheet().getSheetValues(1, 1, -1, -1)).message).toBe(
      'The number of rows in the range must be at least 1.',
    );
  });
});

describe('Sheet.setColumnWidth', () => {
  // Apps Script: "setColumnWidth(columnPosition, width) Sets the width of the given
  // column in pixels", returning the Sheet for chaining; a column outside the grid is
  // refused here (stricter than unsure).
  it("sets a column's width in pixels, returns the Sheet, and refuses a column outside the grid", () => {
    const {emulator, sheet} = world();
    expect(sheet().setColumnWidth(2, 560).getName()).toBe('Sheet1');
    expect(emulator.spreadsheet.sheets[0].state.columnWidths).toEqual({2: 560});
    expect(thrown(() => sheet().setColumnWidth(0, 100)).message).toMatch(
      /out of range/,
    );
    expect(
      thrown(() => sheet().setColumnWidth(sheet().getMaxColumns() + 1, 100))
        .message,
    ).toMatch(/out of range/);
  });
});

describe('Sheet.getRangeList', () => {
  it('sets one number format on every range of the list (RangeList.setNumberFormat), leaves the columns between alone, and refuses a range outside the sheet', () => {
    const {sheet} = world();
    sheet().getRangeList(['A2:A3', 'C2:D3']).setNumberFormat('0.0%');
    const formats = sheet().getRange(2, 1, 2, 4).getNumberFormats();
    expect(formats).toEqual([
      ['0.0%', 'General', '0.0%', '0.0%'],
      ['0.0%', 'General', '0.0%', '0.0%'],
    ]);
    expect(
      thrown(() => sheet().getRangeList(['A1', 'A1:A100000'])).message,
    ).toBe(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
  });
  it('lists its ranges in the order of the A1 notations given (RangeList.getRanges: "Returns a list of one or more Range instances in the same sheet"), each the Range getRange would return, in one call', () => {
    const {sheet, emulator} = world();
    emulator.ctx.calls.reset();
    const [c, a] = sheet().getRangeList(['C2:D3', 'A1']).getRanges();
    expect(emulator.ctx.calls.count('RangeList.getRanges')).toBe(1);
    expect([
      c.getRow(),
      c.getColumn(),
      c.getNumRows(),
      c.getNumColumns(),
    ]).toEqual([2, 3, 2, 2]);
    expect([
      a.getRow(),
      a.getColumn(),
      a.getNumRows(),
      a.getNumColumns(),
    ]).toEqual([1, 1, 1, 1]);
    c.setNumberFormats([
      ['0', '0.0%'],
      ['0', '0.0%'],
    ]);
    expect(sheet().getRange(2, 3, 1, 2).getNumberFormats()).toEqual([
      ['0', '0.0%'],
    ]);
  });
});

describe('DataValidationBuilder', () => {
  it('a new builder allows invalid data until told otherwise (setAllowInvalid: "The default for a new data validation builder is true")', () => {
    const {SpreadsheetApp} = world();
    const rule = (b: GoogleAppsScript.Spreadsheet.DataValidationBuilder) =>
      b.requireValueInList(['a', 'b'], true).build();
    const builder = () => SpreadsheetApp.newDataValidation();
    expect(rule(builder()).getAllowInvalid()).toBe(true);
    expect(rule(builder().setAllowInvalid(false)).getAllowInvalid()).toBe(
      false,
    );
  });

  it('build() makes a rule of the builder\'s settings as they are then ("Constructs a data validation rule from the settings applied to the builder"): building on changes no rule built before', () => {
    const {SpreadsheetApp} = world();
    const builder = SpreadsheetApp.newDataValidation();
    const list = builder.requireValueInList(['a', 'b'], true).build();
    const strict = builder.setAllowInvalid(false).build();
    const checkbox = builder.requireCheckbox().build();
    expect([list, strict, checkbox].map(r => r.getCriteriaType())).toEqual([
      'VALUE_IN_LIST',
      'VALUE_IN_LIST',
      'CHECKBOX',
    ]);
    expect(list.getCriteriaValues()).toEqual([['a', 'b'], true]);
    expect([list, strict, checkbox].map(r => r.getAllowInvalid())).toEqual([
      true,
      false,
      false,
    ]);
  });
});

describe('Range.setDataValidations', () => {
  it('sets one rule or none per cell in one call, and refuses a grid of the wrong shape', () => {
    const {sheet, SpreadsheetApp} = world();
    const rule = SpreadsheetApp.newDataValidation().requireCheckbox().build();
    sheet()
      .getRange(2, 1, 1, 2)
      .setDataValidations([[rule, null]]);
    expect(sheet().getRange(2, 1).getDataValidation()).not.toBeNull();
    expect(sheet().getRange(2, 2).getDataValidation()).toBeNull();
    expect(
      thrown(() =>
        sheet()
          .getRange(2, 1, 2, 2)
          .setDataValidations([[rule, null]]),
      ).message,
    ).toMatch(/^The number of rows in the data does not match/);
  });
});

describe('getRange coordinates', () => {
  it('is 1-based: getRange(1, 1) is A1', () => {
    const {sheet} = world();
    expect(sheet().getRange(1, 1).getA1Notation()).toBe('A1');
    expect(sheet().getRange(2, 3, 2, 2).getA1Notation()).toBe('C2:D3');
  });

  it('row 0 throws "The starting row of the range is too small."', () => {
    const {sheet} = world();
    expect(() => sheet().getRange(0, 1)).toThrow(
      'The starting row of the range is too small.',
    );
  });

  it('column 0 throws "The starting column of the range is too small."', () => {
    const {sheet} = world();
    expect(() => sheet().getRange(1, 0)).toThrow(
      'The starting column of the range is too small.',
    );
  });

  it('zero or negative rows throw "The number of rows in the range must be at least 1."', () => {
    const {sheet} = world();
    for (const rows of [0, -3])
      expect(() => sheet().getRange(1, 1, rows, 1)).toThrow(
        'The number of rows in the range must be at least 1.',
      );
  });

  it('zero or negative columns throw "The number of columns in the range must be at least 1."', () => {
    const {sheet} = world();
    for (const columns of [0, -1])
      expect(() => sheet().getRange(1, 1, 1, columns)).toThrow(
        'The number of columns in the range must be at least 1.',
      );
  });
});

describe('setValues shape', () => {
  it("the wrong number of rows throws Apps Script's message and writes nothing", () => {
    const {sheet} = world();
    const error = thrown(() =>
      sheet()
        .getRange(1, 1, 3, 2)
        .setValues([
          [1, 2],
          [3, 4],
        ]),
    );
    expect(error.message).toBe(
      'The number of rows in the data does not match the number of rows in the range. The data has 2 but the range has 3.',
    );
    expect(sheet().getLastRow()).toBe(0);
  });

  it('the wrong number of columns throws the columns twin of that message', () => {
    const {sheet} = world();
    const error = thrown(() =>
      sheet()
        .getRange(1, 1, 2, 2)
        .setValues([[1, 2], [3]]),
    );
    expect(error.message).toBe(
      'The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.',
    );
    expect(sheet().getLastRow()).toBe(0);
  });
});

describe('formulas', () => {
  it('a string written that starts with "=" becomes a formula (getFormulas shows it)', () => {
    const {sheet} = world();
    sheet().getRange('A1').setValue('=SUM(B1:B3)');
    expect(sheet().getRange('A1').getFormulas()).toEqual([['=SUM(B1:B3)']]);
    expect(sheet().getRange('A1').getFormula()).toBe('=SUM(B1:B3)');
  });

  it('"\'=..." is stored as the text "=..." and is no formula', () => {
    const {sheet} = world();
    sheet().getRange('A1').setValue('\'=HYPERLINK("x")');
    expect(sheet().getRange('A1').getFormula()).toBe('');
    expect(sheet().getRange('A1').getValue()).toBe('=HYPERLINK("x")');
  });
});

describe('time zones', () => {
  it('the spreadsheet time zone is separate from the script time zone', () => {
    const {SpreadsheetApp, Session} = world({
      scriptTimeZone: 'America/New_York',
      spreadsheetTimeZone: 'America/Los_Angeles',
    });
    expect(SpreadsheetApp.getActive().getSpreadsheetTimeZone()).toBe(
      'America/Los_Angeles',
    );
    expect(Session.getScriptTimeZone()).toBe('America/New_York');
  });

  it('the same instant is a different calendar day in the two zones', () => {
    const {SpreadsheetApp, Session, Utilities} = world({
      scriptTimeZone: 'America/New_York',
      spreadsheetTimeZone: 'America/Los_Angeles',
    });
    // 06:30 UTC on Saturday is 01:30 Saturday in New York but 22:30 Friday in Los Angeles.
    const instant = new Date('2024-03-09T06:30:00Z');
    const day = (zone: string) =>
      Utilities.formatDate(instant, zone, 'yyyy-MM-dd');
    expect(day(Session.getScriptTimeZone())).toBe('2024-03-09');
    expect(day(SpreadsheetApp.getActive().getSpreadsheetTimeZone())).toBe(
      '2024-03-08',
    );
  });
});

describe('locale', () => {
  // Spreadsheet.getSpreadsheetLocale(): the file's locale (File > Settings) as
  // "en_US" or "de_DE" (the Sheets API's SpreadsheetProperties.locale), not the user's.
  it('returns the spreadsheet locale, en_US unless the file says otherwise', () => {
    expect(world().SpreadsheetApp.getActive().getSpreadsheetLocale()).toBe(
      'en_US',
    );
    const berlin = world({spreadsheetLocale: 'de_DE'});
    expect(berlin.SpreadsheetApp.getActive().getSpreadsheetLocale()).toBe(
      'de_DE',
    );
  });
});

describe('date cells in the spreadsheet’s zone', () => {
  // Sheets keeps a date as a serial day in the spreadsheet's own zone and hands
  // a script the instant that wall-clock time is there (getSpreadsheetTimeZone;
  // e.g. tmdean.blogspot.com/2015/06 "Working with time values in Google Sheets
  // Apps Script", and tanaikech's gist on copying dates between spreadsheets in
  // Tokyo and Los Angeles): a Tokyo date cell is 15:00 the day before in UTC.
  it('a new test world sits in Asia/Tokyo, east of the script’s New York', () => {
    const {SpreadsheetApp, Session} = world();
    expect(SpreadsheetApp.getActive().getSpreadsheetTimeZone()).toBe(
      'Asia/Tokyo',
    );
    expect(Session.getScriptTimeZone()).toBe('America/New_York');
  });

  it('getValues hands a date cell back as its midnight in the spreadsheet’s zone: the day before in the script’s', () => {
    const {sheet, Utilities, Session} = world();
    const midnight = zonedInstant('Asia/Tokyo', 2026, 11, 15);
    sheet().getRange(1, 1).setValue(midnight);
    const [[cell]] = sheet().getRange(1, 1).getValues() as Date[][];
    expect(cell.toISOString()).toBe('2026-11-14T15:00:00.000Z');
    expect(Utilities.formatDate(cell, 'Asia/Tokyo', 'yyyy-MM-dd HH:mm')).toBe(
      '2026-11-15 00:00',
    );
    expect(
      Utilities.formatDate(cell, Session.getScriptTimeZone(), 'yyyy-MM-dd'),
    ).toBe('2026-11-14');
    expect(sheet().getRange(1, 1).getDisplayValues()[0][0]).toBe('11/15/2026');
  });
});

describe('instrumentation', () => {
  it('counts calls per service method', () => {
    const {emulator, sheet} = world();
    const range = sheet().getRange(1, 1, 2, 2);
    range.getValues();
    range.getValues();
    range.setValues([
      [1, 2],
      [3, 4],
    ]);
    const calls = emulator.ctx.calls;
    expect(calls.count('Range.getValues')).toBe(2);
    expect(calls.count('Range.setValues')).toBe(1);
    expect(calls.count('Sheet.getRange')).toBe(1);
    expect(calls.count('Range.')).toBe(3);
  });

  it('a method the emulator lacks throws "not emulated: Class.method"', () => {
    const {sheet} = world();
    const range = sheet().getRange('A1') as unknown as Record<
      string,
      () => unknown
    >;
    expect(() => range.mergeAcross()).toThrow(
      'not emulated: Range.mergeAcross',
    );
  });

  it('records every write and whether the document lock was held', () => {
    const {emulator, sheet, LockService} = world();
    sheet().getRange('A1').setValue('outside');
    const lock = LockService.getDocumentLock();
    lock.waitLock(1000);
    sheet().appendRow(['inside']);
    lock.releaseLock();
    expect(
      emulator.ctx.writes.map(w => [w.method, w.sheet, w.underDocumentLock]),
    ).toEqual([
      ['setValue', 'Sheet1', false],
      ['appendRow', 'Sheet1', true],
    ]);
  });
});
