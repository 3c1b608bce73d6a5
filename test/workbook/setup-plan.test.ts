/**
 * The set-up plan: only what is missing is added, after every used column,
 * and formats and dropdowns go only on new columns.
 */
import {
  FORECAST_EXAMPLES,
  changesTab,
  planSetup,
  setupReport,
  type ExistingTab,
} from '../../src/domain/setup-plan';
import {SETTINGS} from '../../src/domain/settings';
import {
  DEALS,
  FORECAST,
  SCORECARD,
  SETTINGS_TAB,
  TABS,
} from '../../src/domain/workbook';

function complete(): Record<string, ExistingTab> {
  return Object.fromEntries(
    TABS.map(tab => [
      tab.name,
      {
        name: tab.name,
        header: tab.columns.map(c => c.header),
        lastColumn: tab.columns.length,
        frozenRows: 1,
        protection: tab.protected ? 'protected' : 'none',
        settingNames:
          tab === SETTINGS_TAB ? SETTINGS.map(s => s.name) : undefined,
      } satisfies ExistingTab,
    ]),
  );
}

const planOf = (
  existing: Record<string, ExistingTab | undefined>,
  name: string,
) => planSetup(existing).tabs.find(t => t.tab.name === name)!;

describe('planSetup', () => {
  it('creates every tab of the contract on an empty workbook, with every header from column A', () => {
    const plan = planSetup({});
    expect(plan.tabs.map(t => t.tab.name)).toEqual(TABS.map(t => t.name));
    for (const t of plan.tabs) {
      expect(t.create).toBe(true);
      expect(t.headerColumn).toBe(1);
      expect(t.newHeaders).toEqual(t.tab.columns.map(c => c.header));
      expect(t.freezeHeader).toBe(true);
    }
    expect(plan.changes[0]).toBe(
      `Added tabs: ${TABS.map(t => t.name).join(', ')}.`,
    );
  });

  it('formats new columns by kind and gives dropdowns and checkboxes in runs', () => {
    const deals = planOf({}, 'Deals');
    const col = (h: string) => DEALS.columns.findIndex(c => c.header === h) + 1;
    expect(deals.formats).toContainEqual({
      column: col('Amount'),
      count: 1,
      value: '$#,##0',
    });
    expect(deals.formats).toContainEqual({
      column: col('Close Date'),
      count: 2,
      value: 'yyyy-mm-dd',
    });
    expect(deals.validations).toContainEqual({
      column: col('Metrics'),
      count: 8,
      value: {kind: 'checkbox'},
    });
    expect(deals.validations).toContainEqual({
      column: col('Forecast Category'),
      count: 1,
      value: {
        kind: 'list',
        values: [
          'Commit',
          'Best Case',
          'Pipeline',
          'Closed Won',
          'Closed Lost',
        ],
        allowInvalid: true,
      },
    });
    const grades = planOf({}, 'Grades');
    expect(grades.validations).toEqual([
      {
        column: 3,
        count: 1,
        value: {
          kind: 'list',
          values: ['Green', 'Yellow', 'Red'],
          allowInvalid: false,
        },
      },
    ]);
    const scorecard = planOf({}, 'Scorecard');
    expect(scorecard.formats).toContainEqual({
      column: 5,
      count: 4,
      value: '0.0%',
    });
    expect(planOf({}, 'Commitments').validations).toEqual([
      {column: 6, count: 1, value: {kind: 'checkbox'}},
    ]);
  });

  it('fills a new Settings tab with every setting and its default', () => {
    expect(planOf({}, 'Settings').settingsToAdd).toEqual(
      SETTINGS.map(s => ({Setting: s.name, Value: s.default})),
    );
  });

  it('protects the tabs the add-on alone writes, and hides the history', () => {
    const plan = planSetup({});
    expect(plan.tabs.filter(t => t.protect).map(t => t.tab.name)).toEqual([
      'Scorecard',
      'Delivery Log',
      'Deal History',
    ]);
    expect(plan.tabs.filter(t => t.hide).map(t => t.tab.name)).toEqual([
      'Deal History',
    ]);
  });

  it('puts example formulas beside the data of a new Forecast tab only', () => {
    expect(planOf({}, 'Forecast').examples).toEqual({
      column: FORECAST.columns.length + 1,
      headers: [...FORECAST_EXAMPLES.headers],
      formulas: [...FORECAST_EXAMPLES.formulas],
    });
    const existing = complete();
    existing.Forecast = {...existing.Forecast, header: ['Week', 'Committed']};
    expect(planOf(existing, 'Forecast').examples).toBeUndefined();
  });

  it('changes nothing on a complete workbook', () => {
    const plan = planSetup(complete());
    expect(plan.tabs.some(changesTab)).toBe(false);
    expect(plan.changes).toEqual([]);
    expect(setupReport(plan)).toMatch(/nothing was changed/);
  });

  it('appends only missing headers, after the last used column, matched in any case and order', () => {
    const existing = complete();
    existing.Deals = {
      ...existing.Deals,
      header: ['NOTES', 'deal id', 'My column', 'close-date', 'Amount'],
      lastColumn: 7, // something of the user's sits in column G below the header
    };
    const deals = planOf(existing, 'Deals');
    expect(deals.create).toBe(false);
    expect(deals.headerColumn).toBe(8);
    expect(deals.newHeaders).not.toContain('Notes');
    expect(deals.newHeaders).not.toContain('Close Date');
    expect(deals.newHeaders).toHaveLength(DEALS.columns.length - 4);
    // Formats start at the first new column: the user's Amount column keeps its look.
    expect(
      Math.min(...deals.formats.map(f => f.column)),
    ).toBeGreaterThanOrEqual(8);
    expect(deals.freezeHeader).toBe(false);
    expect(planSetup(existing).changes).toEqual([
      expect.stringMatching(
        /^Added columns at the end of existing tabs: Deals › Deal, Deals › Owner, /,
      ),
    ]);
  });

  it('adds only the settings a Settings tab lacks', () => {
    const existing = complete();
    existing.Settings = {
      ...existing.Settings,
      settingNames: SETTINGS.map(s => s.name.toUpperCase()).filter(
        n => n !== 'SCORECARD HOUR',
      ),
    };
    expect(planOf(existing, 'Settings').settingsToAdd).toEqual([
      {Setting: 'Scorecard Hour', Value: 16},
    ]);
  });

  it('protects a Scorecard made by hand, and makes a warning-only protection enforce', () => {
    const existing = complete();
    existing.Scorecard = {...existing.Scorecard, protection: 'none'};
    existing['Delivery Log'] = {
      ...existing['Delivery Log'],
      protection: 'warning-only',
    };
    const plan = planSetup(existing);
    expect(planOf(existing, SCORECARD.name).protect).toBe(true);
    expect(planOf(existing, 'Delivery Log').enforceProtection).toBe(true);
    expect(plan.changes).toEqual([
      'Protected (only the keepers of the record may edit): Scorecard, Delivery Log.',
    ]);
  });

  it('keeps an existing tab name as the user spelled it', () => {
    const existing = complete();
    existing.Deals = {...existing.Deals, name: 'deals ', header: ['Deal ID']};
    const deals = planOf(existing, 'Deals');
    expect(deals.sheetName).toBe('deals ');
    expect(planSetup(existing).changes[0]).toContain('deals › Deal,');
  });
});
