/** GATE_CHECK and GATE_COMPLIANCE through the bundle, on Deals tables shaped as Sheets passes them. */
import {DEAL_HEADERS} from '../../src/domain/deals';
import {
  AS_OF,
  blankDeal,
  call,
  callAt,
  day,
  deal,
  dealsTable,
  errorOf,
} from './sheet';

describe('GATE_CHECK', () => {
  it('titles the column "Gate" and gives one verdict per row, blank rows blank', () => {
    const table = dealsTable([deal(), blankDeal(), deal({Champion: false})]);
    expect(call('GATE_CHECK', table, AS_OF)).toEqual([
      ['Gate'],
      ['PASS'],
      [''],
      ['FAIL: Champion'],
    ]);
  });

  it('says what is missing in words a rep can act on', () => {
    const table = dealsTable([
      deal({
        'Paper Process': false,
        'EB Confirmed On': day(2026, 11, 5),
      }),
      deal({
        Metrics: 'no',
        'Identify Pain': '',
        'Economic Buyer Name': '',
        'EB Confirmed On': '',
        'Paper Process Map': false,
      }),
    ]);
    expect(call('GATE_CHECK', table, AS_OF)).toEqual([
      ['Gate'],
      ['FAIL: Paper Process, EB confirmation older than 14 days'],
      [
        'FAIL: Metrics, Identify Pain, Economic Buyer name, EB confirmation, paper-process map',
      ],
    ]);
  });

  it('counts an EB confirmation 14 days old as current and 15 days old as stale', () => {
    const table = dealsTable([
      deal({'EB Confirmed On': day(2026, 11, 6)}),
      deal({'EB Confirmed On': day(2026, 11, 5, 23)}),
    ]);
    expect(call('GATE_CHECK', table, AS_OF)).toEqual([
      ['Gate'],
      ['PASS'],
      ['FAIL: EB confirmation older than 14 days'],
    ]);
  });

  it('takes eb_days from a setting cell', () => {
    const table = dealsTable([deal({'EB Confirmed On': day(2026, 11, 10)})]);
    expect(call('GATE_CHECK', table, AS_OF, 7)).toEqual([
      ['Gate'],
      ['FAIL: EB confirmation older than 7 days'],
    ]);
    expect(call('GATE_CHECK', table, AS_OF, [[30]])).toEqual([
      ['Gate'],
      ['PASS'],
    ]);
  });

  it('flags an EB confirmation dated after the day of evaluation', () => {
    const table = dealsTable([deal({'EB Confirmed On': day(2026, 11, 23)})]);
    expect(call('GATE_CHECK', table, AS_OF)).toEqual([
      ['Gate'],
      ['FAIL: EB confirmation dated after 2026-11-20'],
    ]);
  });

  it('finds headers in any order and spelling, ignores extra columns, and reads date and checkbox text', () => {
    const shuffled = [...DEAL_HEADERS]
      .reverse()
      .map(h => h.toUpperCase().replace(/ /g, '_'));
    const headers = ['My notes', ...shuffled];
    const cells = deal({
      Metrics: 'TRUE',
      Champion: 'yes',
      'EB Confirmed On': '11/16/2026',
      'Paper Process Map': '✓',
    });
    const row = [
      'anything',
      ...[...DEAL_HEADERS].reverse().map(h => cells[h] ?? ''),
    ];
    expect(call('GATE_CHECK', [headers, row], '2026-11-20')).toEqual([
      ['Gate'],
      ['PASS'],
    ]);
  });

  it('leaves closed deals blank and checks every open category', () => {
    const table = dealsTable([
      deal({'Forecast Category': 'Closed Won', Metrics: false}),
      deal({'Forecast Category': 'Best Case', Metrics: false}),
      deal({'Forecast Category': 'pipeline'}),
    ]);
    expect(call('GATE_CHECK', table, AS_OF)).toEqual([
      ['Gate'],
      [''],
      ['FAIL: Metrics'],
      ['PASS'],
    ]);
  });

  it('needs only the gate headers', () => {
    const headers = [
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
    ];
    expect(call('GATE_CHECK', dealsTable([deal()], headers), AS_OF)).toEqual([
      ['Gate'],
      ['PASS'],
    ]);
  });

  it('names a missing header', () => {
    const headers = DEAL_HEADERS.filter(h => h !== 'EB Confirmed On');
    expect(
      errorOf('GATE_CHECK', dealsTable([deal()], headers), AS_OF).message,
    ).toBe('GATE_CHECK: missing header "EB Confirmed On"');
  });

  it('asks for the header row when the table comes without one', () => {
    const table = dealsTable([deal()]).slice(1);
    expect(errorOf('GATE_CHECK', table, AS_OF).message).toMatch(
      /^GATE_CHECK: missing headers "Metrics", .*; pass the whole Deals table with its header row, e.g. Deals!A1:AD$/,
    );
    expect(errorOf('GATE_CHECK', 'Deals', AS_OF).message).toBe(
      'GATE_CHECK: deals is "Deals"; pass the whole Deals table with its header row, e.g. Deals!A1:AD',
    );
  });

  it('names the sheet row, the header and the value of a bad cell', () => {
    const table = dealsTable([
      deal(),
      deal(),
      deal({'EB Confirmed On': 'last week'}),
    ]);
    expect(errorOf('GATE_CHECK', table, AS_OF).message).toBe(
      'GATE_CHECK: row 4: EB Confirmed On is "last week", not a date',
    );
    expect(
      errorOf('GATE_CHECK', dealsTable([deal({Champion: 'partly'})]), AS_OF)
        .message,
    ).toBe(
      'GATE_CHECK: row 2: Champion is "partly", not a checkbox (TRUE or FALSE)',
    );
    expect(
      errorOf(
        'GATE_CHECK',
        dealsTable([deal({'Forecast Category': 'Commited'})]),
        AS_OF,
      ).message,
    ).toBe(
      'GATE_CHECK: row 2: Forecast Category is "Commited", not one of Commit, Best Case, Pipeline, Closed Won, Closed Lost',
    );
  });

  it('refuses an as_of or eb_days it cannot read', () => {
    const table = dealsTable([deal()]);
    expect(errorOf('GATE_CHECK', table, 'Friday').message).toBe(
      'GATE_CHECK: as_of is "Friday", not a date',
    );
    expect(errorOf('GATE_CHECK', table, AS_OF, -1).message).toBe(
      'GATE_CHECK: eb_days is -1, not a whole number of days',
    );
    expect(errorOf('GATE_CHECK', table, [[AS_OF], [AS_OF]]).message).toBe(
      'GATE_CHECK: as_of must be one cell, not a 2×1 range',
    );
  });

  it('evaluates today when as_of is omitted', () => {
    const table = dealsTable([deal({'EB Confirmed On': day(2026, 11, 16)})]);
    expect(callAt(day(2026, 11, 30, 9), 'GATE_CHECK', table)).toEqual([
      ['Gate'],
      ['PASS'],
    ]);
    expect(callAt(day(2026, 12, 1, 9), 'GATE_CHECK', table)).toEqual([
      ['Gate'],
      ['FAIL: EB confirmation older than 14 days'],
    ]);
  });
});

describe('GATE_COMPLIANCE', () => {
  it('is the share of Commit deals passing; other categories do not count', () => {
    const table = dealsTable([
      deal(),
      deal({Champion: false}),
      deal(),
      deal({'Forecast Category': 'Best Case', Champion: false}),
      blankDeal(),
      deal({'Forecast Category': 'Closed Lost', 'EB Confirmed On': 'n/a'}),
    ]);
    expect(call('GATE_COMPLIANCE', table, AS_OF)).toBeCloseTo(2 / 3, 10);
  });

  it('is blank without Commit deals', () => {
    const table = dealsTable([deal({'Forecast Category': 'Pipeline'})]);
    expect(call('GATE_COMPLIANCE', table, AS_OF)).toBe('');
    expect(call('GATE_COMPLIANCE', dealsTable([]), AS_OF)).toBe('');
  });

  it('needs the Forecast Category header', () => {
    const headers = DEAL_HEADERS.filter(h => h !== 'Forecast Category');
    expect(
      errorOf('GATE_COMPLIANCE', dealsTable([deal()], headers), AS_OF).message,
    ).toBe('GATE_COMPLIANCE: missing header "Forecast Category"');
  });
});
