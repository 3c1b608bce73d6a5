/** DEFENSIBLE_COMMIT and COMMIT_BREAKDOWN through the bundle, on Deals tables shaped as Sheets passes them. */
import {DEAL_HEADERS} from '../../src/domain/deals';
import {AS_OF, blankDeal, call, day, deal, dealsTable, errorOf} from './sheet';

const HEADER = [
  'Deal ID',
  'Deal',
  'Amount',
  'In Defensible Commit',
  'Why Not',
  'Upside',
];

/** Commit and Best Case deals of every kind: defensible, failing the gate, flagged, upside. */
const table = dealsTable([
  deal({'Deal ID': 'D-1', Deal: 'Acme', Amount: 100000}),
  // One signal is not enough to leave the commit.
  deal({
    'Deal ID': 'D-2',
    Deal: 'Bolt',
    Amount: '$250,000',
    Notes: 'Hopefully this month',
  }),
  deal({
    'Deal ID': 'D-3',
    Deal: 'Cora',
    Amount: 400000,
    Champion: false,
    'EB Confirmed On': day(2026, 11, 1),
  }),
  deal({
    'Deal ID': 'D-4',
    Deal: 'Dune',
    Amount: 75000,
    'Last Champion Reply': day(2026, 11, 10),
    'Next Step': '',
  }),
  blankDeal(),
  deal({
    'Deal ID': 'D-5',
    Deal: 'Echo',
    Amount: 60000,
    'Forecast Category': 'Best Case',
  }),
  deal({
    'Deal ID': 'D-6',
    Deal: 'Fern',
    Amount: 30000,
    'Forecast Category': 'best case',
    'Paper Process Map': false,
  }),
  // Neither counted nor listed, nor read: a Pipeline and a closed deal with bad cells.
  deal({'Forecast Category': 'Pipeline', Amount: 'lots', Metrics: 'maybe'}),
  deal({'Forecast Category': 'Closed Won', Amount: ''}),
]);

describe('DEFENSIBLE_COMMIT', () => {
  it('sums the Commit deals that pass the gate with fewer than two slip signals', () => {
    expect(call('DEFENSIBLE_COMMIT', table, AS_OF)).toBe(350000);
  });

  it('agrees with GATE_CHECK and SLIP_SIGNALS on the same table', () => {
    // Without the Pipeline row's bad cells, which GATE_CHECK reads and refuses.
    const open = table.slice(0, 8);
    const gate = call('GATE_CHECK', open, AS_OF) as string[][];
    const signals = call('SLIP_SIGNALS', open, AS_OF) as string[][];
    const at = (cells: unknown[], h: string) =>
      cells[DEAL_HEADERS.indexOf(h as never)];
    let sum = 0;
    open.slice(1).forEach((cells, i) => {
      const fired = signals[i + 1][0].split(', ').filter(s => s !== '');
      if (
        at(cells, 'Forecast Category') === 'Commit' &&
        gate[i + 1][0] === 'PASS' &&
        fired.length < 2
      )
        sum += Number(String(at(cells, 'Amount')).replace(/[$,]/g, ''));
    });
    expect(sum).toBeGreaterThan(0);
    expect(call('DEFENSIBLE_COMMIT', open, AS_OF)).toBe(sum);
  });

  it('takes eb_days as GATE_CHECK does, and is 0 without Commit deals', () => {
    // D-3 fails on its Champion too, so only a longer window cannot bring it in.
    expect(call('DEFENSIBLE_COMMIT', table, AS_OF, 30)).toBe(350000);
    const stale = dealsTable([
      deal({Amount: 5, 'EB Confirmed On': day(2026, 11, 1)}),
    ]);
    expect(call('DEFENSIBLE_COMMIT', stale, AS_OF)).toBe(0);
    expect(call('DEFENSIBLE_COMMIT', stale, AS_OF, [[30]])).toBe(5);
    expect(call('DEFENSIBLE_COMMIT', dealsTable([blankDeal()]), AS_OF)).toBe(0);
  });

  it('names the missing header, the blank Amount and a bad cell by sheet row', () => {
    const noAmount = dealsTable(
      [deal()],
      DEAL_HEADERS.filter(h => h !== 'Amount'),
    );
    expect(errorOf('DEFENSIBLE_COMMIT', noAmount, AS_OF).message).toBe(
      'DEFENSIBLE_COMMIT: missing header "Amount"',
    );
    expect(
      errorOf(
        'DEFENSIBLE_COMMIT',
        dealsTable([deal({Amount: 1}), deal({Amount: ''})]),
        AS_OF,
      ).message,
    ).toBe(
      'DEFENSIBLE_COMMIT: row 3: Amount is blank; a Commit deal needs its amount',
    );
    expect(
      errorOf('DEFENSIBLE_COMMIT', dealsTable([deal({Amount: 'n/a'})]), AS_OF)
        .message,
    ).toBe('DEFENSIBLE_COMMIT: row 2: Amount is "n/a", not a number');
    expect(errorOf('DEFENSIBLE_COMMIT', 42).message).toMatch(
      /^DEFENSIBLE_COMMIT: deals is 42; pass the whole Deals table/,
    );
  });

  it('refuses a bad signal cell of a deal it reads as SLIP_SIGNALS does, even when the deal fails the gate', () => {
    const badSignal = dealsTable([
      deal({Amount: 10}),
      deal({Amount: 20, Champion: false, 'Next Step Due': 'next week'}),
    ]);
    for (const fn of ['DEFENSIBLE_COMMIT', 'COMMIT_BREAKDOWN', 'SLIP_SIGNALS'])
      expect(errorOf(fn, badSignal, AS_OF).message).toBe(
        `${fn}: row 3: Next Step Due is "next week", not a date`,
      );
  });
});

describe('COMMIT_BREAKDOWN', () => {
  it('lists each Commit and Best Case deal: in the defensible commit, why not, upside', () => {
    expect(call('COMMIT_BREAKDOWN', table, AS_OF)).toEqual([
      HEADER,
      ['D-1', 'Acme', 100000, 'YES', '', 'NO'],
      ['D-2', 'Bolt', 250000, 'YES', '', 'NO'],
      [
        'D-3',
        'Cora',
        400000,
        'NO',
        'fails the gate: Champion, EB confirmation older than 14 days',
        'NO',
      ],
      [
        'D-4',
        'Dune',
        75000,
        'NO',
        '2 slip signals: champion latency, broken next step',
        'NO',
      ],
      ['D-5', 'Echo', 60000, 'NO', 'Best Case, not Commit', 'YES'],
      [
        'D-6',
        'Fern',
        30000,
        'NO',
        'Best Case, not Commit; fails the gate: paper-process map',
        'NO',
      ],
    ]);
  });

  it('gives only its header row when no deal is Commit or Best Case', () => {
    expect(
      call(
        'COMMIT_BREAKDOWN',
        dealsTable([deal({'Forecast Category': 'Pipeline'})]),
        AS_OF,
      ),
    ).toEqual([HEADER]);
  });

  it('needs Deal ID and Deal besides what DEFENSIBLE_COMMIT reads', () => {
    const noName = dealsTable(
      [deal()],
      DEAL_HEADERS.filter(h => h !== 'Deal'),
    );
    expect(call('DEFENSIBLE_COMMIT', noName, AS_OF)).toBe(120000);
    expect(errorOf('COMMIT_BREAKDOWN', noName, AS_OF).message).toBe(
      'COMMIT_BREAKDOWN: missing header "Deal"',
    );
  });
});
