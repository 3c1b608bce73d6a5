/**
 * LEADING_INDICATORS, EARLY_WARNING and MISS_PATTERN through the bundle, and
 * the CRM exports: a Salesforce- or HubSpot-shaped table gives the same
 * answers as the same data under the contract's headers.
 */
import {sampleLeads} from '../../emulator/sample-leads';
import {LEADS} from '../../src/domain/workbook';
import {
  AS_OF,
  call,
  column,
  day,
  deal,
  dealsTable,
  errorOf,
  HEALTHY,
} from './sheet';
import {DEAL_HEADERS} from '../../src/domain/deals';

const LEAD_HEADERS = LEADS.columns.map(c => c.header);
const iso = (y: number, m: number, d: number) => day(y, m, d);
/** Day n after Monday 2026-06-01 (a date cell of the spreadsheet's zone). */
const dayAfter = (n: number) => iso(2026, 6, 1 + n);

/**
 * 24 weeks of leads from Monday 2026-06-01 to the week of 2026-11-09: 10 a
 * week, then 6 a week in the last 4, each qualified on the week's
 * Wednesday. Per week the first lead (Web) reaches pipeline 5 days later with
 * $10,000, the second (Partner Referral) too with $99,999, the third after 40 days.
 */
function leadRows(): unknown[][] {
  const rows: unknown[][] = [];
  for (let w = 0; w < 24; w++) {
    const count = w < 20 ? 10 : 6;
    for (let k = 0; k < count; k++) {
      const q = 7 * w + 2;
      const pipe = k < 2 ? q + 5 : k === 2 ? q + 40 : undefined;
      rows.push([
        `L${w}-${k}`,
        dayAfter(q - 1),
        k % 2 === 0 ? 'Web' : 'Partner Referral',
        dayAfter(q),
        pipe === undefined ? '' : dayAfter(pipe),
        pipe === undefined ? '' : `D${w}-${k}`,
        k === 0 ? 10000 : k === 1 ? 99999 : '',
      ]);
    }
  }
  return rows;
}
const LEAD_TABLE = [LEAD_HEADERS, ...leadRows()];

describe('LEADING_INDICATORS', () => {
  const table = call(
    'LEADING_INDICATORS',
    LEAD_TABLE,
    '',
    '',
    AS_OF,
  ) as unknown[][];

  it('gives a header row and the 12 complete Monday–Sunday weeks before as_of, oldest first', () => {
    expect(table[0]).toEqual([
      'Week Starting',
      'Qualified Leads',
      'Converted to Pipeline %',
      'Median Days to Pipeline',
      'Marketing Pipeline per Deal',
      'Pipeline Velocity',
      'Warning',
    ]);
    expect(table).toHaveLength(13);
    expect(table[1][0]).toBe('2026-08-24');
    // Friday 20 Nov: the week of 16 Nov has not ended; 9 Nov is the last.
    expect(table[12][0]).toBe('2026-11-09');
    expect(table.slice(1).map(r => r[1])).toEqual([
      ...Array(8).fill(10),
      ...Array(4).fill(6),
    ]);
  });

  it('reads conversion within the 30-day window, "pending" while the window is open', () => {
    // Two of ten within 5 days; the third after 40 days is outside the window.
    expect(table[8].slice(2, 4)).toEqual([0.2, 5]);
    // The week of 12 Oct closed on 17 Nov; from the week of 19 Oct the window is still open.
    expect(table[8][0]).toBe('2026-10-12');
    for (const row of table.slice(9))
      expect(row.slice(2, 4)).toEqual(['pending', 'pending']);
  });

  it('counts marketing pipeline per deal by the week it was made, from marketing sources only', () => {
    // Each week's Web lead made $10,000 of pipeline the Monday after; Partner Referral does not count.
    expect(table.slice(1).map(r => r[4])).toEqual(Array(12).fill(10000));
  });

  it('leaves velocity blank without a Deals table, saying so in the newest Warning', () => {
    expect(table.slice(1).every(r => r[5] === '')).toBe(true);
    expect(table[12][6]).toBe(
      'Qualified leads fell 40%; Pipeline Velocity is blank: pass the Deals table, with Created On, as deals.',
    );
    // Week by week: the turn shows from the first week of the fall.
    // Week by week: 9, 8, then 7 a week against 10 as the fall enters the last 4 weeks.
    expect(table.slice(9, 12).map(r => r[6])).toEqual([
      '',
      'Qualified leads fell 20%',
      'Qualified leads fell 30%',
    ]);
  });

  it("computes velocity from Deals as of each week's end: open × win rate × average won ÷ average days to close", () => {
    const deals = dealsTable(
      [
        deal({
          'Deal ID': 'A',
          'Forecast Category': 'Closed Won',
          Amount: 100000,
          'Created On': iso(2026, 9, 1),
          'Close Date': iso(2026, 10, 1),
        }),
        deal({
          'Deal ID': 'B',
          'Forecast Category': 'Closed Lost',
          'Created On': iso(2026, 9, 1),
          'Close Date': iso(2026, 10, 15),
        }),
        deal({'Deal ID': 'C', 'Created On': iso(2026, 10, 1)}),
        deal({
          'Deal ID': 'D',
          'Forecast Category': 'Pipeline',
          'Created On': iso(2026, 10, 1),
        }),
        // Created after the week ended: not yet open then.
        deal({'Deal ID': 'E', 'Created On': iso(2026, 11, 18)}),
        // Won after the week ended: still open at its end.
        deal({
          'Deal ID': 'F',
          'Forecast Category': 'Closed Won',
          'Created On': iso(2026, 10, 1),
          'Close Date': iso(2026, 11, 18),
        }),
      ],
      [...DEAL_HEADERS],
    );
    const [, row] = call(
      'LEADING_INDICATORS',
      LEAD_TABLE,
      deals,
      1,
      AS_OF,
    ) as unknown[][];
    // 3 open × 1/2 won × $100,000 ÷ 30 days.
    expect(row[5]).toBeCloseTo(5000, 9);
    // Before: $13,333 a day while B was open and A the only close, then $5,000.
    expect(row[6]).toBe('Qualified leads fell 40%; Pipeline velocity fell 53%');
    const noCreated = dealsTable(
      [deal()],
      DEAL_HEADERS.filter(h => h !== 'Created On'),
    );
    const [, blank] = call(
      'LEADING_INDICATORS',
      LEAD_TABLE,
      noCreated,
      1,
      AS_OF,
    ) as unknown[][];
    expect(blank[5]).toBe('');
    expect(blank[6]).toBe(
      'Qualified leads fell 40%; Pipeline Velocity is blank: the Deals table has no "Created On" column.',
    );
  });

  it("takes a lead's pipeline amount from its deal when the lead has none", () => {
    const leads = [
      LEAD_HEADERS,
      ['L1', '', 'Web', iso(2026, 11, 2), iso(2026, 11, 10), 'D-1', ''],
    ];
    const deals = dealsTable([deal({Amount: 42000})], ['Deal ID', 'Amount']);
    const [, row] = call(
      'LEADING_INDICATORS',
      leads,
      deals,
      1,
      AS_OF,
    ) as unknown[][];
    expect(row.slice(0, 2)).toEqual(['2026-11-09', 0]);
    expect(row[4]).toBe(42000);
  });

  it('refuses what it cannot read, naming the row, header and value', () => {
    expect(errorOf('LEADING_INDICATORS', 12).message).toBe(
      'LEADING_INDICATORS: leads is 12; pass the whole Leads table with its header row, e.g. Leads!A1:G',
    );
    expect(errorOf('LEADING_INDICATORS', [['Lead ID', 'Source']]).message).toBe(
      'LEADING_INDICATORS: missing header "Qualified On"; pass the whole Leads table with its header row, e.g. Leads!A1:G',
    );
    expect(
      errorOf('LEADING_INDICATORS', [LEAD_HEADERS, ['L1', '', 'Web', 'soon']])
        .message,
    ).toBe('LEADING_INDICATORS: row 2: Qualified On is "soon", not a date');
    expect(errorOf('LEADING_INDICATORS', LEAD_TABLE, '', 0).message).toBe(
      'LEADING_INDICATORS: weeks is 0, not a whole number of weeks from 1 to 520',
    );
  });
});

describe('EARLY_WARNING', () => {
  it('says what turned, with both averages', () => {
    expect(call('EARLY_WARNING', LEAD_TABLE, '', AS_OF)).toEqual([
      [
        'Qualified leads fell 40%: 6 a week over the last 4 weeks against 10 over the 8 before.',
      ],
    ]);
  });

  it('is blank when nothing turned, and sees a rise as well as a fall', () => {
    const steady = LEAD_TABLE.filter(r => !String(r[0]).match(/^L2[0-3]-/));
    expect(call('EARLY_WARNING', steady, '', iso(2026, 10, 19))).toBe('');
    const surge = [
      ...LEAD_TABLE,
      ...[20, 21, 22, 23].flatMap(w =>
        Array.from({length: 9}, (_, k) => [
          `X${w}-${k}`,
          '',
          'Web',
          dayAfter(7 * w + 3),
          '',
          '',
          '',
        ]),
      ),
    ];
    expect(call('EARLY_WARNING', surge, '', AS_OF)).toEqual([
      [
        'Qualified leads rose 50%: 15 a week over the last 4 weeks against 10 over the 8 before.',
      ],
    ]);
  });

  it("sees the real December dip of Olist's lead cadence (or the built-in series of its shape)", () => {
    // With /work/shared/data, and without it (the built-in series).
    const builtIn = {leads: '/nowhere/leads.csv', deals: '/nowhere/deals.csv'};
    for (const paths of [undefined, builtIn]) {
      const leads = sampleLeads('2026-11-09', '2026-11-20', paths);
      const table = [
        LEAD_HEADERS,
        ...leads.map(l => {
          const [y, m, d] = l.qualified.split('-').map(Number);
          return [l.id, '', l.source, iso(y, m, d), '', '', ''];
        }),
      ];
      expect(call('EARLY_WARNING', table, '', AS_OF)).toEqual([
        [
          'Qualified leads fell 52%: 47.5 a week over the last 4 weeks against 98 over the 8 before.',
        ],
      ]);
    }
  });
});

describe('CRM exports as pasted', () => {
  /** The same table under other headers, its columns in reverse order. */
  const renamed = (table: unknown[][], names: Record<string, string>) =>
    table.map((row, r) =>
      row.map(v => (r === 0 ? (names[String(v)] ?? v) : v)).reverse(),
    );

  it('reads Salesforce- and HubSpot-shaped Leads as ours', () => {
    const ours = call('LEADING_INDICATORS', LEAD_TABLE, '', '', AS_OF);
    const salesforce = renamed(LEAD_TABLE, {
      'Created On': 'Created Date',
      Source: 'Lead Source',
      'Pipeline On': 'Converted Date',
      'Deal ID': 'Converted Opportunity ID',
    });
    const hubspot = renamed(LEAD_TABLE, {
      'Lead ID': 'Record ID',
      'Created On': 'Create Date',
      Source: 'Original Source',
      'Qualified On': 'Became a Sales Qualified Lead Date',
      'Pipeline On': 'Became an Opportunity Date',
      'Deal ID': 'Associated Deal',
    });
    // HubSpot's MQL date is used only without an SQL date column.
    const withMql = hubspot.map((row, r) => [
      ...row,
      r === 0 ? 'Became a Marketing Qualified Lead Date' : dayAfter(0),
    ]);
    for (const table of [salesforce, hubspot, withMql])
      expect(call('LEADING_INDICATORS', table, '', '', AS_OF)).toEqual(ours);
    expect(call('EARLY_WARNING', hubspot, '', AS_OF)).toEqual(
      call('EARLY_WARNING', LEAD_TABLE, '', AS_OF),
    );
  });

  const DEALS = dealsTable([
    deal({'Deal ID': 'D-1'}),
    deal({'Deal ID': 'D-2', Champion: false, Notes: 'hopefully'}),
    deal({
      'Deal ID': 'D-3',
      'Forecast Category': 'Closed Won',
      Stage: 'Closed Won',
    }),
    deal({
      'Deal ID': 'D-4',
      'Forecast Category': 'Closed Lost',
      Stage: 'Closed Lost',
    }),
    deal({
      'Deal ID': 'D-5',
      'Forecast Category': 'Pipeline',
      Stage: 'Prospecting',
      'Next Step': '',
    }),
    deal({'Deal ID': 'D-6', 'Forecast Category': 'Best Case'}),
  ]);
  const FUNCTIONS = [
    'GATE_CHECK',
    'SLIP_SIGNALS',
    'GATE_COMPLIANCE',
    'SIGNAL_DENSITY',
    'FLAGGED_DEALS',
  ];
  /** The Deals table as a CRM exports it: its headers and its category values. */
  const exported = (names: Record<string, string>, categories: string[]) =>
    renamed(DEALS, names).map((row, r) => {
      if (r === 0) return row;
      const at = row.length - 1 - DEAL_HEADERS.indexOf('Forecast Category');
      const copy = [...row];
      copy[at] = categories[r - 1];
      return copy;
    });

  it('gives the same answers over a Salesforce-shaped Deals table', () => {
    const salesforce = exported(
      {
        'Deal ID': 'Opportunity ID',
        Deal: 'Opportunity Name',
        Owner: 'Opportunity Owner',
        'Created On': 'Created Date',
      },
      ['Commit', 'Commit', 'Closed', 'Omitted', 'Omitted', 'Best Case'],
    );
    for (const fn of FUNCTIONS)
      expect([fn, call(fn, salesforce, AS_OF)]).toEqual([
        fn,
        call(fn, DEALS, AS_OF),
      ]);
  });

  it('gives the same answers over a HubSpot-shaped Deals table', () => {
    const hubspot = exported(
      {
        'Deal ID': 'Record ID',
        Deal: 'Deal Name',
        Owner: 'Deal owner',
        Stage: 'Deal Stage',
        'Forecast Category': 'Forecast category',
        'Created On': 'Create Date',
      },
      [
        'COMMIT',
        'commit',
        'Closed won',
        'closed LOST',
        'Not forecasted',
        'Best case',
      ],
    );
    for (const fn of FUNCTIONS)
      expect([fn, call(fn, hubspot, AS_OF)]).toEqual([
        fn,
        call(fn, DEALS, AS_OF),
      ]);
  });

  it('refuses a Salesforce "Closed" whose stage says neither won nor lost', () => {
    const table = dealsTable([
      deal({'Forecast Category': 'Closed', Stage: 'Negotiation'}),
    ]);
    expect(errorOf('GATE_CHECK', table, AS_OF).message).toBe(
      'GATE_CHECK: row 2: Forecast Category is "Closed", not won or lost by its Stage',
    );
  });

  it('refuses an ambiguous table, naming both columns', () => {
    const twice = DEALS.map((row, r) => [
      ...row,
      r === 0 ? 'Opportunity ID' : 'X',
    ]);
    expect(
      errorOf('LEADING_INDICATORS', LEAD_TABLE, twice, 1, AS_OF).message,
    ).toBe(
      'LEADING_INDICATORS: the Deals table has two columns for "Deal ID": "Deal ID" (column A) and "Opportunity ID" (column AA); keep one',
    );
    const stages = DEALS.map((row, r) => [
      ...row,
      r === 0 ? 'Deal Stage' : 'X',
    ]);
    expect(errorOf('GATE_CHECK', stages, AS_OF).message).toBe(
      'GATE_CHECK: the Deals table has two columns for "Stage": "Stage" (column E) and "Deal Stage" (column AA); keep one',
    );
    const leads = LEAD_TABLE.map((row, r) => [
      r === 0 ? 'Record ID' : 'X',
      ...row,
    ]);
    expect(errorOf('EARLY_WARNING', leads, '', AS_OF).message).toBe(
      'EARLY_WARNING: the Leads table has two columns for "Lead ID": "Record ID" (column A) and "Lead ID" (column B); keep one',
    );
  });

  it('keeps HEALTHY as the contract writes it', () => {
    expect(HEALTHY['Forecast Category']).toBe('Commit');
  });
});

describe('MISS_PATTERN', () => {
  it('names each period, oldest first, with the repeated and frequent suffixes', () => {
    expect(
      call(
        'MISS_PATTERN',
        column(10, 8, 9, 7, 7.5, 12, 11, ''),
        column(11, 11, 11, 11, 11, 11, 12, 13),
      ),
    ).toEqual(
      column(
        'MISS',
        'HARD MISS',
        'SOFT MISS',
        'HARD MISS — REPEATED',
        'SOFT MISS — FREQUENT',
        'BEAT',
        'HARD MISS — REPEATED',
        '',
      ),
    );
  });

  it('looks only 3 periods back for a frequent soft miss, and starts with BEAT when the plan was met', () => {
    expect(
      call(
        'MISS_PATTERN',
        column(12, 11, 13, 14, 15, 15),
        column(12, 12, 13, 14, 15, 16),
      ),
    ).toEqual(column('BEAT', 'HARD MISS', 'BEAT', 'BEAT', 'BEAT', 'SOFT MISS'));
    expect(
      call('MISS_PATTERN', column(5, 6, 9, 9, 9, 9), column(9, 9, 9, 9, 9, 10)),
    ).toEqual(column('MISS', 'SOFT MISS', 'BEAT', 'BEAT', 'BEAT', 'SOFT MISS'));
    expect(call('MISS_PATTERN', [[5, 6, 7]], [[9, 9, 9]])).toEqual([
      ['MISS', 'SOFT MISS', 'SOFT MISS — FREQUENT'],
    ]);
    expect(call('MISS_PATTERN', 10, 9)).toBe('BEAT');
  });

  it('refuses a past period without its plan, a block and a negative amount', () => {
    expect(errorOf('MISS_PATTERN', column(5, 6), column(9, '')).message).toBe(
      'MISS_PATTERN: row 2: plan is blank; every past period needs both its bookings and its plan',
    );
    expect(
      errorOf(
        'MISS_PATTERN',
        [
          [1, 2],
          [3, 4],
        ],
        [
          [1, 2],
          [3, 4],
        ],
      ).message,
    ).toBe('MISS_PATTERN: bookings must be one column or one row');
    expect(errorOf('MISS_PATTERN', column(-1), column(3)).message).toBe(
      'MISS_PATTERN: row 1: bookings is -1, it cannot be negative',
    );
  });
});
