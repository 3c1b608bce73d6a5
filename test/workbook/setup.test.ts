/**
 * "Set up workbook" through the built bundle (dist/Code.js in a bare vm, as
 * Apps Script runs it): every tab and header of docs/workbook.md on an empty
 * spreadsheet; nothing changed the second time; on a workbook that already
 * has tabs, reordered headers, extra columns and 500 rows, every existing
 * cell kept identical and only what was missing added.
 */
import {existsSync, readFileSync} from 'node:fs';
import {createEmulator, type Emulator} from '../../emulator';
import {loadBundle} from '../../emulator/loader';
import {DEFAULT_COLUMNS, DEFAULT_ROWS} from '../../emulator/spreadsheet';
import {NEW_TAB_COLUMNS, NEW_TAB_ROWS} from '../../src/services/setup';
import {MAVEN_CSV} from '../../emulator/sample-workbook';
import {SETTINGS} from '../../src/domain/settings';
import {DEALS, TABS} from '../../src/domain/workbook';
import {tabWith} from './harness';

/** The tabs and headers of docs/workbook.md, as written there. */
const WORKBOOK_MD: Record<string, string[]> = {
  Deals: [
    'Deal ID',
    'Deal',
    'Owner',
    'Amount',
    'Stage',
    'Forecast Category',
    'Close Date',
    'Committed Close Date',
    'Metrics',
    'Economic Buyer',
    'Decision Criteria',
    'Decision Process',
    'Paper Process',
    'Identify Pain',
    'Champion',
    'Competition',
    'Economic Buyer Name',
    'EB Confirmed On',
    'Paper Process Map',
    'Last Champion Reply',
    'Last New Stakeholder',
    'Last Procurement Contact',
    'Next Step',
    'Next Step Due',
    'Notes',
  ],
  Forecast: ['Week', 'Week Ending', 'Committed', 'Closed'],
  Commitments: [
    'Commitment ID',
    'Commitment',
    'Metric',
    'Target',
    'Owner',
    'Active',
  ],
  Grades: [
    'Week Ending',
    'Commitment ID',
    'Grade',
    'Reason',
    'Next Action',
    'Graded By',
    'Graded At',
  ],
  Signals: [
    'Logged At',
    'Deal ID',
    'Signal',
    'Source',
    'Note',
    'Save Play',
    'Save Play Owner',
    'Save Play Executed On',
    'Outcome',
    'Logged By',
    'Withdrawn At',
  ],
  Attendance: ['Week Ending', 'Invited', 'Attended', 'Expanded Meeting'],
  Quarters: [
    'Quarter',
    'Quarter End',
    'Plan',
    'Commit',
    'Downturn-Adjusted Commit',
    'Actual',
    'Non-Controllable',
  ],
  Options: ['Option', 'Impact', 'Effort', 'Owner', 'Chosen'],
  Settings: ['Setting', 'Value'],
  Scorecard: [
    'Week Ending',
    'Week',
    'Committed',
    'Closed',
    'Forecast Variance',
    'Variance Target',
    'Gate Compliance',
    'Gate Target',
    'Signals Fired',
    'Signals Prior Week',
    'Save Plays Executed',
    'Save-Play Rate',
    'Attendance',
    'Green',
    'Yellow',
    'Red',
    'Snapshot At',
    'Snapshot By',
  ],
};

function setUp(emulator: Emulator, user?: string) {
  loadBundle(emulator).call('setUpWorkbook', [], {trigger: 'menu', user});
  return emulator.ui.alerts[emulator.ui.alerts.length - 1];
}

const sheetState = (emulator: Emulator, name: string) =>
  emulator.spreadsheet.sheets.find(s => s.state.name === name)!.state;

const row1 = (emulator: Emulator, name: string) =>
  sheetState(emulator, name).values[0];

/** Everything the spreadsheet holds, comparable with toEqual. */
const everything = (emulator: Emulator) =>
  JSON.parse(JSON.stringify(emulator.spreadsheet.state));

describe('setUpWorkbook on an empty spreadsheet', () => {
  let emulator: Emulator;
  let report: string;
  beforeAll(() => {
    emulator = createEmulator();
    report = setUp(emulator);
  });

  it('asks no new tab its size: Google makes every new sheet 1,000 rows by 26 columns', () => {
    expect([DEFAULT_ROWS, DEFAULT_COLUMNS]).toEqual([
      NEW_TAB_ROWS,
      NEW_TAB_COLUMNS,
    ]);
    expect(emulator.ctx.calls.count('Sheet.getMaxRows')).toBe(0);
    expect(emulator.ctx.calls.count('Sheet.getMaxColumns')).toBe(0);
    // Each validation rule is built once, whatever the number of columns and tabs using it.
    expect(emulator.ctx.calls.count('DataValidationBuilder.build')).toBe(
      new Set(
        TABS.flatMap(t =>
          t.columns
            .filter(c => c.kind === 'checkbox' || c.choices)
            .map(c =>
              c.kind === 'checkbox'
                ? 'checkbox'
                : `${c.choices!.join()}${t === DEALS}`,
            ),
        ),
      ).size,
    );
  });

  it('builds every rule from one builder, reads back nothing it wrote, and asks a protection it just made nothing it knows', () => {
    expect(emulator.ctx.calls.count('SpreadsheetApp.newDataValidation')).toBe(
      1,
    );
    const deals = sheetState(emulator, 'Deals');
    const col = (h: string) => DEALS.columns.findIndex(c => c.header === h) + 1;
    // Deals are pasted from a CRM: its rules flag rather than refuse; the add-on's own tabs refuse.
    expect(
      deals.validations[`2,${col('Forecast Category')}`].allowInvalid,
    ).toBe(true);
    expect(deals.validations[`2,${col('Metrics')}`].allowInvalid).toBe(true);
    expect(
      sheetState(emulator, 'Commitments').validations['2,6'].allowInvalid,
    ).toBe(true);
    for (const c of [3, 4])
      expect(
        sheetState(emulator, 'Signals').validations[`2,${c}`].allowInvalid,
      ).toBe(false);
    // The new Settings tab's keepers are known from what set-up wrote into it.
    expect(emulator.ctx.calls.count('Sheet.getSheetValues')).toBe(0);
    expect(emulator.ctx.calls.count('Spreadsheet.getSheetByName')).toBe(0);
    expect(emulator.ctx.calls.count('Protection.canDomainEdit')).toBe(0);
  });

  it("fetches a new tab's blocks (header, dropdowns, each format block) with one range list when they are three or more, a getRange each otherwise", () => {
    // Deals: header values, header bold, its dropdowns and checkboxes, six format blocks.
    expect(emulator.ctx.calls.count('RangeList.getRanges')).toBe(
      emulator.ctx.calls.count('Sheet.getRangeList'),
    );
    expect(emulator.ctx.calls.count('Sheet.getRangeList')).toBeGreaterThan(0);
    // At most two blocks anywhere else: a tab never asks for more than two Ranges one by one.
    expect(emulator.ctx.calls.count('Sheet.getRange')).toBeLessThanOrEqual(
      2 * (TABS.length - emulator.ctx.calls.count('Sheet.getRangeList')),
    );
  });

  it('creates every tab of docs/workbook.md with its headers in row 1, frozen', () => {
    for (const [tab, headers] of Object.entries(WORKBOOK_MD)) {
      const state = sheetState(emulator, tab);
      expect(row1(emulator, tab).slice(0, headers.length)).toEqual(headers);
      expect(state.frozenRows).toBe(1);
    }
    expect(emulator.spreadsheet.state.sheets.map(s => s.name)).toEqual([
      'Sheet1',
      ...TABS.map(t => t.name),
    ]);
    expect(report).toContain(
      `Added tabs: ${TABS.map(t => t.name).join(', ')}.`,
    );
  });

  it('formats dates, currency and percentages, and gives checkboxes and dropdowns to rows 2 on', () => {
    const deals = sheetState(emulator, 'Deals');
    const col = (h: string) => DEALS.columns.findIndex(c => c.header === h) + 1;
    expect(deals.formats[`2,${col('Close Date')}`]).toBe('yyyy-mm-dd');
    expect(deals.formats[`1000,${col('Amount')}`]).toBe('$#,##0');
    expect(deals.formats[`2,${col('Last Champion Reply')}`]).toBe(
      'yyyy-mm-dd hh:mm',
    );
    expect(deals.formats[`1,${col('Close Date')}`]).toBeUndefined();
    for (const h of ['Metrics', 'Champion', 'Competition'])
      expect(deals.validations[`500,${col(h)}`].criteria).toBe('CHECKBOX');
    expect(deals.validations[`2,${col('Forecast Category')}`]).toMatchObject({
      criteria: 'VALUE_IN_LIST',
      values: ['Commit', 'Best Case', 'Pipeline', 'Closed Won', 'Closed Lost'],
    });
    expect(sheetState(emulator, 'Grades').validations['2,3']).toMatchObject({
      values: ['Green', 'Yellow', 'Red'],
      allowInvalid: false,
    });
    expect(
      sheetState(emulator, 'Signals').validations['2,3'].values,
    ).toHaveLength(7);
    expect(sheetState(emulator, 'Signals').validations['2,4'].values).toEqual([
      'manual',
      'auto',
    ]);
    expect(
      sheetState(emulator, 'Commitments').validations['2,6'].criteria,
    ).toBe('CHECKBOX');
    expect(sheetState(emulator, 'Scorecard').formats['2,5']).toBe('0.0%');
    // Checkbox rules leave the cells empty: the tab's last row stays the header.
    expect(deals.values).toHaveLength(1);
  });

  it('fills the Settings tab with every setting and its default', () => {
    const values = sheetState(emulator, 'Settings').values;
    expect(values.slice(1).map(r => r[0])).toEqual(SETTINGS.map(s => s.name));
    expect(values.slice(1).map(r => r[1])).toEqual(
      SETTINGS.map(s => s.default),
    );
  });

  it('puts copyable FORECAST_VARIANCE and RECOVERY_TARGET formulas beside the Forecast data', () => {
    const forecast = sheetState(emulator, 'Forecast');
    expect(forecast.values[0].slice(4)).toEqual([
      'Variance (example)',
      'Variance Target (example)',
    ]);
    expect(forecast.formulas).toEqual({
      '2,5': '=FORECAST_VARIANCE(C2:C13, D2:D13)',
      '2,6': '=RECOVERY_TARGET(A2:A13)',
    });
  });

  it('protects Scorecard, Delivery Log and Deal History for the owner and the person setting up only', () => {
    for (const tab of ['Scorecard', 'Delivery Log', 'Deal History']) {
      const [protection] = sheetState(emulator, tab).protections;
      expect(protection).toMatchObject({
        type: 'SHEET',
        warningOnly: false,
        domainEdit: false,
      });
      expect(protection.editors).toEqual(['owner@example.com']);
    }
    expect(sheetState(emulator, 'Deal History').hidden).toBe(true);
    expect(sheetState(emulator, 'Deals').protections).toEqual([]);
  });

  it('writes only under the document lock', () => {
    expect(emulator.ctx.writes.length).toBeGreaterThan(20);
    expect(emulator.ctx.writes.filter(w => !w.underDocumentLock)).toEqual([]);
  });

  it('changes nothing the second time, and says so', () => {
    const before = everything(emulator);
    const again = setUp(emulator);
    expect(everything(emulator)).toEqual(before);
    expect(again).toContain('nothing was changed');
    // The alert's title says what happened, not the menu item's name.
    expect(emulator.ui.alerts.map(a => a.split('\n\n')[0])).toEqual([
      'Workbook set up',
      'Workbook already set up',
    ]);
  });
});

describe('setUpWorkbook as someone other than the owner', () => {
  it('leaves only the owner and that person as Scorecard editors; others cannot write', () => {
    const emulator = createEmulator({owner: 'ceo@gmail.com'});
    // A consumer (gmail.com) spreadsheet has no domain: set-up must not fail on it.
    const report = setUp(emulator, 'revops@gmail.com');
    expect(report).toContain(
      'Protected (only the keepers of the record may edit): Scorecard',
    );
    const sheet = emulator.spreadsheet.sheets.find(
      s => s.state.name === 'Scorecard',
    )!;
    expect(sheet.state.protections[0].editors.sort()).toEqual([
      'ceo@gmail.com',
      'revops@gmail.com',
    ]);
    expect(sheet.canEdit('revops@gmail.com')).toBe(true);
    expect(sheet.canEdit('rep@gmail.com')).toBe(false);
  });
});

/** 500 real deals from the Maven export, under headers of the user's own order and spelling. */
function userDeals(): unknown[][] {
  // Without the export (a checkout without ../shared), 500 made-up rows of the same shape.
  const lines = existsSync(MAVEN_CSV)
    ? readFileSync(MAVEN_CSV, 'utf8').trim().split('\n').slice(1, 501)
    : Array.from(
        {length: 500},
        (_, i) =>
          `ID${i},Agent ${i % 9},GTX Basic,Account ${i % 41},${i % 3 ? 'Won' : 'Engaging'},,${i % 3 ? '2017-03-01' : ''},${i % 3 ? 500 + i : ''}`,
      );
  const header = [
    'owner',
    'DEAL_ID',
    'Region',
    'deal',
    'Amount',
    'close-date',
    'Stage',
    'My score',
  ];
  return [
    header,
    ...lines.map((line, i) => {
      const [id, agent, product, account, stage, , close, value] =
        line.split(',');
      return [
        agent,
        id,
        i % 2 ? 'West' : 'East',
        `${account} ${product}`,
        value === '' ? '' : Number(value),
        close === '' ? '' : new Date(close),
        stage,
        i % 7,
      ];
    }),
  ];
}

describe('setUpWorkbook on a workbook already in use', () => {
  let emulator: Emulator;
  let before: ReturnType<typeof everything>;
  let report: string;

  beforeAll(() => {
    emulator = createEmulator();
    const deals = tabWith(emulator, 'Deals', userDeals());
    tabWith(emulator, 'Forecast', [
      ['Week', 'Closed', 'Committed'],
      ...Array.from({length: 12}, (_, i) => [
        i + 1,
        1_900_000 + i * 1000,
        2_000_000,
      ]),
    ]);
    tabWith(emulator, 'settings', [
      ['Setting', 'Value', 'My comment'],
      ['Scorecard Hour', 9, 'after the standup'],
      ['CFO Email', "'=notaformula", ''],
      ['cfo_email', 'second@example.com', 'a repeat'],
    ]);
    emulator.run({}, () => {
      deals.getRange('H2').setFormula('=E2*2');
      deals.getRange('E2:E501').setNumberFormat('#,##0.00');
      const app = emulator.globals
        .SpreadsheetApp as GoogleAppsScript.Spreadsheet.SpreadsheetApp;
      deals
        .getRange('C2')
        .setDataValidation(
          app.newDataValidation().requireValueInList(['East', 'West']).build(),
        );
    });
    emulator.ctx.writes.length = 0;
    before = everything(emulator);
    report = setUp(emulator);
  });

  it('keeps every existing cell identical: value, formula, format and rule', () => {
    const after = everything(emulator);
    for (const [i, sheet] of before.sheets.entries()) {
      const now = after.sheets[i];
      expect(now.name).toBe(sheet.name);
      sheet.values.forEach((row: unknown[], r: number) =>
        row.forEach((v, c) => {
          if (v !== '')
            expect([r + 1, c + 1, now.values[r][c]]).toEqual([r + 1, c + 1, v]);
        }),
      );
      for (const kind of ['formulas', 'formats', 'validations'] as const)
        for (const [cell, v] of Object.entries(
          sheet[kind] as Record<string, unknown>,
        ))
          expect([cell, now[kind][cell]]).toEqual([cell, v]);
      expect(now.frozenRows).toBeGreaterThanOrEqual(sheet.frozenRows);
    }
  });

  it('appends only the missing headers, after the user’s last column', () => {
    const header = row1(emulator, 'Deals');
    const userHeader = userDeals()[0];
    expect(header.slice(0, 8)).toEqual(userHeader);
    const added = DEALS.columns
      .map(c => c.header)
      .filter(
        h =>
          ![
            'Owner',
            'Deal ID',
            'Deal',
            'Amount',
            'Close Date',
            'Stage',
          ].includes(h),
      );
    expect(header.slice(8)).toEqual(added);
    // The new columns are empty below the header, with the contract's formats.
    const state = sheetState(emulator, 'Deals');
    expect(
      state.values.slice(1).every(r => r.slice(8).every(v => v === '')),
    ).toBe(true);
    expect(
      state.formats[`2,${9 + added.indexOf('Committed Close Date')}`],
    ).toBe('yyyy-mm-dd');
    expect(row1(emulator, 'Forecast')).toEqual([
      'Week',
      'Closed',
      'Committed',
      'Week Ending',
    ]);
    expect(report).toContain(
      'Added columns at the end of existing tabs: Deals › Forecast Category, ',
    );
    expect(report).toContain('Forecast › Week Ending');
  });

  it('adds only the missing settings to the user’s Settings tab, below its rows', () => {
    const values = sheetState(emulator, 'settings').values;
    expect(values.slice(0, 4).map(r => r[1])).toEqual([
      'Value',
      9,
      '=notaformula',
      'second@example.com',
    ]);
    expect(values.slice(4).map(r => r[0])).toEqual(
      SETTINGS.map(s => s.name).filter(
        n => n !== 'Scorecard Hour' && n !== 'CFO Email',
      ),
    );
    expect(sheetState(emulator, 'settings').formulas).toEqual({});
  });

  it('adds the missing tabs and no example formulas to a Forecast tab the user made', () => {
    expect(emulator.spreadsheet.state.sheets.map(s => s.name)).toEqual([
      'Sheet1',
      'Deals',
      'Forecast',
      'settings',
      'Commitments',
      'Grades',
      'Signals',
      'Attendance',
      'Leads',
      'Quarters',
      'Options',
      'Scorecard',
      'Delivery Log',
      'Deal History',
    ]);
    expect(sheetState(emulator, 'Forecast').formulas).toEqual({});
    expect(report).toContain(
      '\nAdded tabs: Commitments, Grades, Signals, Attendance, Leads, Quarters, Options, Scorecard, Delivery Log, Deal History.\n',
    );
  });

  it('changes nothing the second time', () => {
    const once = everything(emulator);
    expect(setUp(emulator)).toContain('nothing was changed');
    expect(everything(emulator)).toEqual(once);
  });
});

describe('setUpWorkbook adding one plain header to a tab', () => {
  it('writes it and makes it bold through one Range: three calls, no range list', () => {
    const emulator = createEmulator();
    setUp(emulator);
    // A tab with no rows whose last column is plain text (no format, no dropdown): the Delivery Log's Chain.
    const tab = TABS.find(t => {
      const last = t.columns[t.columns.length - 1];
      return t.name !== 'Settings' && last.kind === 'text' && !last.choices;
    })!;
    const state = sheetState(emulator, tab.name);
    state.values[0][tab.columns.length - 1] = '';
    emulator.ctx.calls.reset();
    setUp(emulator);
    expect(state.values[0][tab.columns.length - 1]).toBe(
      tab.columns[tab.columns.length - 1].header,
    );
    expect(
      ['Sheet.getRange', 'Range.setValues', 'Range.setFontWeight'].map(m =>
        emulator.ctx.calls.count(m),
      ),
    ).toEqual([1, 1, 1]);
    expect(emulator.ctx.calls.count('Sheet.getRangeList')).toBe(0);
  });
});

describe('Settings help', () => {
  it('lists each setting with its value now, whether it is valid and what is expected', () => {
    const emulator = createEmulator();
    const bundle = loadBundle(emulator);
    bundle.call('setUpWorkbook');
    const settings = emulator.spreadsheet.sheets.find(
      s => s.state.name === 'Settings',
    )!;
    const hourRow = settings.state.values.findIndex(
      r => r[0] === 'Scorecard Hour',
    );
    settings.state.values[hourRow][1] = 25;
    const alerts = emulator.ui.alerts.length;
    bundle.call('showSettingsHelp');
    expect(emulator.ui.alerts).toHaveLength(alerts);
    const dialog = emulator.ui.dialogs[emulator.ui.dialogs.length - 1];
    expect(dialog.title).toBe('Trust Rebuild settings');
    const text = dialog.html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('1 setting is invalid; fix it in the Settings tab.');
    // A blank sheet is not "valid": the summary names what the first snapshot still needs.
    expect(text).toContain(
      'Before the first snapshot, fill in CFO Email, CRO Name, CRO Email and Rebuild Start: they are still empty.',
    );
    expect(text).not.toContain('Every setting is valid');
    expect(text).toContain(
      'Scorecard Hour the hour (spreadsheet time zone) the weekly snapshot and email run 25',
    );
    expect(text).toMatch(/Scorecard Hour .* invalid above 23/);
    expect(text).toContain(
      'CFO Email who receives the weekly snapshot by email (blank)',
    );
    expect(text).toMatch(/Save-Play Threshold .* 80% .* OK/);
    // Every setting is listed with what it means.
    for (const s of SETTINGS)
      expect(text).toMatch(new RegExp(`${s.name} [a-z]`));
  });

  it('says how to add the Settings tab when there is none', () => {
    const emulator = createEmulator();
    loadBundle(emulator).call('showSettingsHelp');
    expect(emulator.ui.alerts[0]).toContain(
      'The "Settings" tab is missing: run Extensions › Trust Rebuild › Set up workbook.',
    );
  });
});
