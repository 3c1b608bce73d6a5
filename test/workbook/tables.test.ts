/**
 * The table layer against the emulator: one read call (getSheetValues) per read whatever the
 * size, records by header in any order, blank rows and trailing columns
 * tolerated, clear errors naming the tab and header, and writes that are
 * batched, run under the document lock and never turn text into formulas.
 */
import {createEmulator, type Emulator} from '../../emulator';
import {
  appendRows,
  appendToTable,
  readTable,
  readingTable,
  tabFinder,
  updateRows,
  upsertRows,
} from '../../src/services/tables';
import {InputError} from '../../src/domain/input-error';
import {DEALS, GRADES_TAB, SIGNALS_TAB} from '../../src/domain/workbook';
import {activeSpreadsheet, inEmulator, tabWith} from './harness';

function dealsRows(n: number): unknown[][] {
  const header = DEALS.columns.map(c => c.header);
  const rows: unknown[][] = [header];
  for (let i = 1; i <= n; i++) {
    rows.push(
      header.map(h =>
        h === 'Deal ID'
          ? `D${i}`
          : h === 'Amount'
            ? i * 100
            : h === 'Close Date'
              ? new Date(2026, 10, 1 + (i % 28))
              : h === 'Metrics'
                ? i % 2 === 0
                : '',
      ),
    );
  }
  return rows;
}

function cellsOf(emulator: Emulator, tab: string) {
  const sheet = emulator.spreadsheet.sheets.find(s => s.state.name === tab)!;
  return JSON.parse(
    JSON.stringify({
      values: sheet.state.values,
      formulas: sheet.state.formulas,
    }),
  );
}

describe('readTable', () => {
  it('reads a 10,000-row Deals tab with one read call (getSheetValues, no Range)', () => {
    const emulator = createEmulator();
    tabWith(emulator, 'Deals', dealsRows(10_000));
    const table = inEmulator(emulator, () =>
      readTable(activeSpreadsheet(emulator), DEALS, {
        required: ['Deal ID', 'Amount'],
      }),
    );
    expect(emulator.ctx.calls.count('Sheet.getSheetValues')).toBe(1);
    expect(emulator.ctx.calls.count('Range.')).toBe(0);
    expect(table.rows).toHaveLength(10_000);
    expect(table.rows[9_999]).toMatchObject({
      rowNumber: 10_001,
      record: {'Deal ID': 'D10000', Amount: 1_000_000},
    });
  });

  it('finds columns by header in any order, case or punctuation, and ignores the user’s own', () => {
    const emulator = createEmulator();
    tabWith(emulator, 'Grades', [
      ['my note', 'GRADE', 'commitment_id', 'week-ending', '', ''],
      ['x', 'Green', 'C1', new Date(2026, 10, 20), '', ''],
      ['', '', '', '', '', ''],
      ['only mine', '', '', '', '', ''],
      ['', 'Red', 'C2', new Date(2026, 10, 20)],
    ]);
    const table = inEmulator(emulator, () =>
      readTable(activeSpreadsheet(emulator), GRADES_TAB),
    );
    expect(table.columns).toMatchObject({
      Grade: 1,
      'Commitment ID': 2,
      Reason: -1,
    });
    // The blank row and the row with only the user's note are not records.
    expect(table.rows.map(r => r.rowNumber)).toEqual([2, 5]);
    expect(table.rows[1].record).toEqual({
      'Week Ending': new Date(2026, 10, 20),
      'Commitment ID': 'C2',
      Grade: 'Red',
      Reason: '',
      'Next Action': '',
      'Graded By': '',
      'Graded At': '',
    });
    expect(table.lastRow).toBe(5);
  });

  it('names the tab and every missing required header', () => {
    const emulator = createEmulator();
    tabWith(emulator, 'Deals', [['Deal ID', 'Owner']]);
    expect(() =>
      inEmulator(emulator, () =>
        readTable(activeSpreadsheet(emulator), DEALS, {
          required: ['Deal ID', 'close date', 'Forecast Category'],
        }),
      ),
    ).toThrow(
      'The "Deals" tab has no "Close Date", "Forecast Category" headers in row 1',
    );
  });

  it('says the tab is missing and how to add it', () => {
    const emulator = createEmulator();
    expect(() =>
      inEmulator(emulator, () => readTable(activeSpreadsheet(emulator), DEALS)),
    ).toThrow(
      'The "Deals" tab is missing: run Extensions › Trust Rebuild › Set up workbook.',
    );
  });

  it('finds a tab whose name differs in case', () => {
    const emulator = createEmulator();
    tabWith(emulator, 'deals', [['Deal ID'], ['D1']]);
    const table = inEmulator(emulator, () =>
      readTable(activeSpreadsheet(emulator), DEALS),
    );
    expect(table.rows[0].record['Deal ID']).toBe('D1');
  });
});

describe('readingTable', () => {
  it('names the tab and the sheet row of a refused value', () => {
    const refuse = (row?: number) => () =>
      readingTable(DEALS, () => {
        throw new InputError('Next Step Due is "TBD", not a date', row);
      });
    expect(refuse(4212)).toThrow(
      'The "Deals" tab, row 4212: Next Step Due is "TBD", not a date.',
    );
    // Without a row (a missing header of a custom function) the refusal is left as it is.
    expect(refuse()).toThrow(/^Next Step Due is "TBD"/);
  });
});

describe('appendToTable', () => {
  it('appends below a table read in this execution with one appendRow per record: text stays text, under the lock', () => {
    const emulator = createEmulator();
    tabWith(emulator, 'Signals', [
      SIGNALS_TAB.columns.map(c => c.header),
      ['', 'D0'],
    ]);
    const rows = inEmulator(emulator, () => {
      const table = readTable(activeSpreadsheet(emulator), SIGNALS_TAB);
      emulator.ctx.calls.reset();
      return appendToTable(table, [
        {'Deal ID': 'D1', Note: '=IMPORTDATA("http://x")'},
        {'Deal ID': 'D2', 'Save Play': '-5 days'},
      ]);
    });
    expect(rows).toEqual([3, 4]);
    expect(emulator.ctx.calls.count('Sheet.')).toBe(2);
    expect(emulator.ctx.calls.count('Sheet.appendRow')).toBe(2);
    expect(emulator.ctx.calls.count('Range.')).toBe(0);
    expect(emulator.ctx.calls.count('Spreadsheet.')).toBe(0);
    const [formulas, values] = emulator.run({}, () => {
      const range = activeSpreadsheet(emulator)
        .getSheetByName('Signals')!
        .getRange('B3:F4');
      return [range.getFormulas(), range.getValues()];
    });
    expect(formulas.flat().every(f => f === '')).toBe(true);
    expect(values).toEqual([
      ['D1', '', '', '=IMPORTDATA("http://x")', ''],
      ['D2', '', '', '', '-5 days'],
    ]);
    const writes = emulator.ctx.writes.filter(w => w.sheet === 'Signals');
    expect(writes.every(w => w.underDocumentLock)).toBe(true);
  });

  it('never overwrites a row written since the read, and grows a full tab', () => {
    const emulator = createEmulator();
    tabWith(emulator, 'Signals', [SIGNALS_TAB.columns.map(c => c.header)]);
    const sheet = emulator.spreadsheet.sheets.find(
      s => s.state.name === 'Signals',
    )!;
    sheet.state.maxRows = 2;
    inEmulator(emulator, () => {
      const table = readTable(activeSpreadsheet(emulator), SIGNALS_TAB);
      appendRows(activeSpreadsheet(emulator), SIGNALS_TAB, [{'Deal ID': 'D1'}]);
      appendToTable(table, [{'Deal ID': 'D2'}]);
    });
    expect(sheet.state.values.map(r => r[1])).toEqual(['Deal ID', 'D1', 'D2']);
    expect(sheet.state.maxRows).toBe(3);
  });
});

describe('appendRows', () => {
  it('stores user text such as =IMPORTDATA("http://x") as text, in one setValues under the document lock', () => {
    const emulator = createEmulator();
    tabWith(emulator, 'Signals', [SIGNALS_TAB.columns.map(c => c.header)]);
    const rows = inEmulator(emulator, () =>
      appendRows(activeSpreadsheet(emulator), SIGNALS_TAB, [
        {
          'Deal ID': 'D1',
          Note: '=IMPORTDATA("http://x")',
          'Save Play': '-5 days',
        },
        {'Deal ID': 'D2', Note: '+SUM(A1:A9)', 'Save Play': '@me'},
      ]),
    );
    expect(rows).toEqual([2, 3]);
    expect(emulator.ctx.calls.count('Range.setValues')).toBe(1);
    const range = activeSpreadsheet(emulator)
      .getSheetByName('Signals')!
      .getRange('B2:F3');
    const [formulas, values] = emulator.run({}, () => [
      range.getFormulas(),
      range.getValues(),
    ]);
    expect(formulas.flat().every(f => f === '')).toBe(true);
    expect(values).toEqual([
      ['D1', '', '', '=IMPORTDATA("http://x")', '-5 days'],
      ['D2', '', '', '+SUM(A1:A9)', '@me'],
    ]);
    const writes = emulator.ctx.writes.filter(w => w.sheet === 'Signals');
    expect(writes.length).toBeGreaterThan(0);
    expect(writes.every(w => w.underDocumentLock)).toBe(true);
  });

  it('writes below every used row, leaves the user’s columns of those rows empty, and grows the sheet', () => {
    const emulator = createEmulator();
    const header = ['Week Ending', 'My formula', 'Commitment ID', 'Grade'];
    const rows = [
      header,
      ...Array.from({length: 999}, (_, i) => [
        new Date(2026, 0, 2),
        `n${i}`,
        'C1',
        'Green',
      ]),
    ];
    tabWith(emulator, 'Grades', rows);
    const before = cellsOf(emulator, 'Grades');
    const added = inEmulator(emulator, () =>
      appendRows(activeSpreadsheet(emulator), GRADES_TAB, [
        {
          'Commitment ID': 'C2',
          Grade: 'Red',
          'Week Ending': new Date(2026, 0, 9),
        },
      ]),
    );
    expect(added).toEqual([1001]);
    const after = cellsOf(emulator, 'Grades');
    expect(after.values.slice(0, 1000)).toEqual(before.values);
    expect(after.values[1000]).toEqual([
      new Date(2026, 0, 9).toISOString(),
      '',
      'C2',
      'Red',
    ]);
  });

  it('refuses a record for a header the tab lacks, writing nothing', () => {
    const emulator = createEmulator();
    tabWith(emulator, 'Grades', [['Commitment ID', 'Grade']]);
    expect(() =>
      inEmulator(emulator, () =>
        appendRows(activeSpreadsheet(emulator), GRADES_TAB, [
          {'Commitment ID': 'C1', Reason: 'late'},
        ]),
      ),
    ).toThrow('The "Grades" tab has no "Reason" header in row 1');
    expect(emulator.ctx.calls.count('Range.setValues')).toBe(0);
  });

  it('says plainly when another change holds the workbook, and writes nothing', () => {
    const emulator = createEmulator();
    tabWith(emulator, 'Grades', [GRADES_TAB.columns.map(c => c.header)]);
    emulator.holdDocumentLock();
    expect(() =>
      inEmulator(emulator, () =>
        appendRows(activeSpreadsheet(emulator), GRADES_TAB, [
          {'Commitment ID': 'C1'},
        ]),
      ),
    ).toThrow(
      /did not finish within 30 seconds, so nothing was written. Try again in a minute./,
    );
    expect(emulator.ctx.calls.count('Range.setValues')).toBe(0);
  });
});

describe('upsertRows', () => {
  function gradesTab(emulator: Emulator, n: number) {
    const rows: unknown[][] = [
      ['Commitment ID', 'My formula', 'Week Ending', 'Grade', 'Reason'],
    ];
    for (let i = 1; i <= n; i++)
      rows.push([`C${i}`, '', new Date(2026, 10, 20), 'Green', '']);
    const sheet = tabWith(emulator, 'Grades', rows);
    emulator.run({}, () => {
      sheet.getRange('B3').setFormula('=A3&"!"');
      sheet.getRange('E4').setValue("'=not a formula");
    });
    emulator.ctx.calls.reset();
    emulator.ctx.writes.length = 0;
  }

  it('updates rows by key and appends the rest, with a fixed number of calls whatever the size', () => {
    for (const n of [10, 5000]) {
      const emulator = createEmulator();
      gradesTab(emulator, n);
      const result = inEmulator(emulator, () =>
        upsertRows(
          activeSpreadsheet(emulator),
          GRADES_TAB,
          ['Commitment ID', 'Week Ending'],
          [
            {
              'Commitment ID': ' c2 ',
              'Week Ending': new Date(2026, 10, 20),
              Grade: 'Red',
              Reason: '=HYPERLINK("x")',
            },
            {
              'Commitment ID': `C${n}`,
              'Week Ending': new Date(2026, 10, 20),
              Grade: 'Yellow',
              Reason: 'late',
            },
            {
              'Commitment ID': 'C2',
              'Week Ending': new Date(2026, 10, 27),
              Grade: 'Green',
            },
          ],
        ),
      );
      expect(result).toEqual({updated: [3, n + 1], appended: [n + 2]});
      expect(emulator.ctx.calls.snapshot()).toMatchObject({
        'Sheet.getSheetValues': 1,
        'Range.getFormulas': 1,
        'Range.setValues': 2,
      });
      // The one read of the tab's cells is that getSheetValues: no Range read besides.
      expect(emulator.ctx.calls.count('Range.getValues')).toBe(0);
      const sheet = emulator.spreadsheet.sheets.find(
        s => s.state.name === 'Grades',
      )!;
      const v = sheet.state.values;
      expect(v[2]).toEqual([
        'C2',
        '',
        new Date(2026, 10, 20),
        'Red',
        '=HYPERLINK("x")',
      ]);
      expect(v[n]).toEqual([
        `C${n}`,
        '',
        new Date(2026, 10, 20),
        'Yellow',
        'late',
      ]);
      expect(v[n + 1]).toEqual(['C2', '', new Date(2026, 10, 27), 'Green', '']);
      // Cells the update did not name stay as they were: a formula stays a formula, text stays text.
      expect(sheet.state.formulas).toEqual({'3,2': '=A3&"!"'});
      expect(v[3][4]).toBe('=not a formula');
      expect(emulator.ctx.writes.every(w => w.underDocumentLock)).toBe(true);
    }
  });

  it('refuses two records with one key', () => {
    const emulator = createEmulator();
    gradesTab(emulator, 3);
    expect(() =>
      inEmulator(emulator, () =>
        upsertRows(
          activeSpreadsheet(emulator),
          GRADES_TAB,
          ['Commitment ID'],
          [
            {'Commitment ID': 'C9', Grade: 'Red'},
            {'Commitment ID': 'c9', Grade: 'Green'},
          ],
        ),
      ),
    ).toThrow(
      'Two rows for the "Grades" tab have the same Commitment ID: "c9".',
    );
    expect(emulator.ctx.calls.count('Range.setValues')).toBe(0);
  });
});

describe('updateRows', () => {
  it('refuses a row outside the table', () => {
    const emulator = createEmulator();
    tabWith(emulator, 'Grades', [
      ['Commitment ID', 'Grade'],
      ['C1', 'Green'],
    ]);
    inEmulator(emulator, () => {
      const table = readTable(activeSpreadsheet(emulator), GRADES_TAB);
      expect(() =>
        updateRows(table, [{rowNumber: 3, record: {Grade: 'Red'}}]),
      ).toThrow('The "Grades" tab has no row 3 to update.');
    });
  });
});

describe('tabFinder (one per execution)', () => {
  it('finds each tab once, by its exact name; for a tab missing by it, reads the names once per run, up to the first that differs only in case or spaces', () => {
    const emulator = createEmulator();
    tabWith(emulator, 'Deals', dealsRows(1));
    tabWith(emulator, ' signals ', [['Deal ID']]);
    const calls = () => emulator.ctx.calls.snapshot();
    const found = inEmulator(emulator, () => {
      const find = tabFinder(activeSpreadsheet(emulator));
      emulator.ctx.calls.reset();
      const deals = find('Deals');
      const again = find('Deals');
      const one = calls();
      const signals = find('Signals');
      const missing = find('Plan');
      const deals2 = find('Deals');
      return {deals, again, one, signals, missing, deals2, all: calls()};
    });
    expect(found.deals?.getName()).toBe('Deals');
    expect(found.again).toBe(found.deals);
    expect(found.one).toEqual({'Spreadsheet.getSheetByName': 1});
    // Case and surrounding spaces do not matter, as for findTab.
    expect(found.signals?.getName()).toBe(' signals ');
    expect(found.missing).toBeNull();
    expect(found.deals2).toBe(found.deals);
    // Sheet1, Deals and " signals " named once: the missing Plan reads no name twice.
    expect(found.all).toEqual({
      'Spreadsheet.getSheetByName': 3,
      'Spreadsheet.getSheets': 1,
      'Sheet.getName': 3,
    });
  });

  it('with scan, reads every name at the first lookup and asks no tab by name', () => {
    const emulator = createEmulator();
    tabWith(emulator, 'Deals', dealsRows(1));
    const all = inEmulator(emulator, () => {
      const find = tabFinder(activeSpreadsheet(emulator), true);
      emulator.ctx.calls.reset();
      expect(find('Plan')).toBeNull();
      const deals = find('deals');
      const calls = emulator.ctx.calls.snapshot();
      expect(deals?.getName()).toBe('Deals');
      return calls;
    });
    // Sheet1 and Deals: the new spreadsheet's own tab and the one added.
    expect(all).toEqual({'Spreadsheet.getSheets': 1, 'Sheet.getName': 2});
  });
});
