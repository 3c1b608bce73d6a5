/**
 * The same calendar gives the same answers in every spreadsheet zone: each
 * custom function that reads dates, through dist/Code.js in the bare vm
 * loader, with the script in New York and the spreadsheet in Berlin, Tokyo,
 * Kolkata, Auckland, Honolulu, Los Angeles or Kiritimati, as_of on each day
 * of the week. Sheets hands a date cell over as the instant of its local
 * midnight in the spreadsheet's zone, which is how the cells are built here.
 */
import {createEmulator} from '../../emulator';
import {loadBundle} from '../../emulator/loader';
import {DEAL_HEADERS} from '../../src/domain/deals';
import {LEADS, MEDDPICC} from '../../src/domain/workbook';
import {BASELINE, ZONES, localCell, plusDays} from './zones';

const CUSTOM = {
  authMode: 'CUSTOM_FUNCTION',
  trigger: 'custom-function',
} as const;

/** A cell of the calendar: a local day or day and time, typed text, or anything else as it is. */
type Local = {at: string} | {typed: string} | string | boolean;

/**
 * Deals whose dates straddle every threshold over the week: EB confirmations
 * 13 to 16 days old, stakeholder and procurement contacts either side of 10
 * business days, champion replies either side of 48 hours, next steps due
 * the day before or the day of as_of, close dates either side of the
 * committed one. Some dates are typed text, some date-times.
 */
function calendarDeals(shift: number): Record<string, Local>[] {
  // The calendar is written for the week of Mon 2 Nov and moved by `shift` days.
  const on = (day: string, n = 0) => plusDays(day, n + shift);
  return Array.from({length: 24}, (_, k) => {
    const date = (from: string, n: number): Local =>
      k % 5 === 0 ? {typed: on(from, n)} : {at: on(from, n)};
    const deal: Record<string, Local> = {
      'Deal ID': `Z-${k}`,
      Amount: String(1000 * (k + 1)),
      'Forecast Category':
        k === 23 ? 'Closed Won' : k % 4 === 3 ? 'Best Case' : 'Commit',
      'Economic Buyer Name': k % 11 === 4 ? '' : 'Dana Ortiz',
      'EB Confirmed On': date('2026-10-17', k),
      'Paper Process Map': true,
      'Close Date': date('2026-11-20', k % 3),
      'Committed Close Date': {at: on('2026-11-21')},
      'Last Champion Reply':
        k % 4 === 0
          ? {at: on('2026-10-30', k % 10)}
          : {at: `${on('2026-10-30', k % 10)} ${(k * 7) % 24}:00`},
      'Last New Stakeholder': date('2026-10-19', k),
      'Last Procurement Contact': k % 6 === 2 ? '' : date('2026-10-21', k),
      'Next Step':
        k % 8 === 6 ? '' : k % 9 === 1 ? 'Hopefully sign' : 'Legal review',
      'Next Step Due': date('2026-10-31', k % 12),
      Notes: '',
    };
    for (const e of MEDDPICC) deal[e] = !(e === 'Metrics' && k % 7 === 5);
    return deal;
  });
}

function cellIn(zone: string, value: Local | undefined): unknown {
  if (value === undefined) return '';
  if (typeof value === 'object')
    return 'at' in value ? localCell(zone, value.at) : value.typed;
  return value;
}

/**
 * Leads qualified every other day from 2 Aug, more of them from 12 Oct (a
 * turn), some typed; some reach pipeline exactly 30 days later (inside the
 * window), some 31 (outside).
 */
function leadsIn(zone: string, shift: number): unknown[][] {
  const on = (day: string, n = 0) => plusDays(day, n + shift);
  const rows = Array.from({length: 90}, (_, k) => {
    const q = k < 60 ? on('2026-08-02', 2 * k) : on('2026-10-12', k - 60);
    return [
      `L${k}`,
      '',
      k % 2 ? 'Web' : 'Referral',
      k % 5 === 0 ? q : localCell(zone, q),
      k % 3 === 0 ? localCell(zone, plusDays(q, 30 + (k % 2))) : '',
      `Z-${k % 24}`,
      k % 4 ? 1000 * k : '',
    ];
  });
  return [LEADS.columns.map(c => c.header), ...rows];
}

function tableIn(zone: string, shift = 0): unknown[][] {
  return [
    [...DEAL_HEADERS],
    ...calendarDeals(shift).map(d => DEAL_HEADERS.map(h => cellIn(zone, d[h]))),
  ];
}

/**
 * Two weeks of as_of days, Monday to Sunday: just after the autumn DST ends
 * of Berlin (25 Oct) and New York and Los Angeles (1 Nov), and just after
 * Berlin's spring change (29 Mar) and Auckland's autumn one (5 Apr).
 */
const WEEKS = ['2026-11-02', '2026-04-06'].map(monday => ({
  shift: (Date.parse(monday) - Date.parse('2026-11-02')) / 86400000,
  days: Array.from({length: 7}, (_, i) => plusDays(monday, i)),
}));

/** A spreadsheet in `zone` whose clock reads `now` there (local "YYYY-MM-DD HH:mm"). */
function sheetIn(zone: string, now = '2026-11-02 09:30') {
  const emulator = createEmulator({
    spreadsheetTimeZone: zone,
    now: localCell(zone, now),
  });
  const bundle = loadBundle(emulator);
  return {
    emulator,
    call: (name: string, ...args: unknown[]) => bundle.call(name, args, CUSTOM),
  };
}

/** Every date-reading function's answers for one as_of day in one zone. */
function answers(zone: string, asOf: string, shift: number) {
  const {call} = sheetIn(zone, `${asOf} 09:30`);
  const table = tableIn(zone, shift);
  const day = localCell(zone, asOf);
  const on = (day: string, n = 0) => plusDays(day, n + shift);
  const weeks = Array.from({length: 35}, (_, i) => [
    i % 6 === 0 ? on('2026-10-19', i) : localCell(zone, on('2026-10-19', i)),
  ]);
  return {
    REBUILD_WEEK: call(
      'REBUILD_WEEK',
      weeks,
      localCell(zone, on('2026-10-05')),
    ),
    GATE_CHECK: call('GATE_CHECK', table, day),
    GATE_COMPLIANCE: call('GATE_COMPLIANCE', table, day),
    SLIP_SIGNALS: call('SLIP_SIGNALS', table, day),
    SIGNAL_DENSITY: call('SIGNAL_DENSITY', table, day),
    FLAGGED_DEALS: call('FLAGGED_DEALS', table, day),
    LEADING_INDICATORS: call(
      'LEADING_INDICATORS',
      leadsIn(zone, shift),
      table,
      8,
      day,
    ),
    EARLY_WARNING: call('EARLY_WARNING', leadsIn(zone, shift), table, day),
    DEFENSIBLE_COMMIT: call('DEFENSIBLE_COMMIT', table, day),
    COMMIT_BREAKDOWN: call('COMMIT_BREAKDOWN', table, day),
    // as_of typed as text, and blank (the spreadsheet's today at 09:30)
    typed: call('SLIP_SIGNALS', table, asOf),
    today: [
      call('SLIP_SIGNALS', table),
      call('GATE_CHECK', table),
      call('FLAGGED_DEALS', table, ''),
    ],
  };
}

const baseline = new Map(
  WEEKS.flatMap(({shift, days}) =>
    days.map(d => [d, answers(BASELINE, d, shift)] as const),
  ),
);

describe('one calendar, every spreadsheet zone', () => {
  it('has answers that change over the week (the table straddles every threshold)', () => {
    for (const {days} of WEEKS) {
      const slips = days.map(d =>
        JSON.stringify(baseline.get(d)!.SLIP_SIGNALS),
      );
      const gates = days.map(d => JSON.stringify(baseline.get(d)!.GATE_CHECK));
      expect(new Set(slips).size).toBeGreaterThanOrEqual(5);
      // The leading indicators move on with each Monday.
      const weeks = days.map(d =>
        JSON.stringify(baseline.get(d)!.LEADING_INDICATORS),
      );
      expect(new Set(weeks).size).toBe(2);
      expect(new Set(gates).size).toBeGreaterThanOrEqual(5);
      const sums = days.map(d => baseline.get(d)!.DEFENSIBLE_COMMIT);
      expect(new Set(sums).size).toBeGreaterThanOrEqual(3);
    }
    const monday = baseline.get('2026-11-02')!;
    expect((monday.EARLY_WARNING as string[][])[0][0]).toMatch(
      /^Qualified leads rose \d+%: /,
    );
    expect(monday.GATE_CHECK).toContainEqual(['PASS']);
    expect((monday.SLIP_SIGNALS as string[][]).flat().join()).toMatch(
      /no new stakeholders/,
    );
    // Week 1 is that of Mon 5 Oct; Sun 1 Nov is in week 4, Mon 2 Nov in week 5.
    expect((monday.REBUILD_WEEK as number[][]).slice(12, 15)).toEqual([
      [4],
      [4],
      [5],
    ]);
  });

  describe.each(ZONES)('%s gives New York’s answers', zone => {
    it.each(WEEKS.flatMap(({shift, days}) => days.map(d => [d, shift])))(
      'with as_of on %s',
      (asOf, shift) => {
        expect(answers(zone, asOf as string, shift as number)).toEqual(
          baseline.get(asOf as string),
        );
      },
    );
  });

  it('puts Sun 15 Nov in week 2 of a rebuild starting Mon 2 Nov, in Berlin too (the reported case)', () => {
    for (const zone of [BASELINE, 'Europe/Berlin', ...ZONES]) {
      const {call} = sheetIn(zone);
      expect(
        call(
          'REBUILD_WEEK',
          localCell(zone, '2026-11-15'),
          localCell(zone, '2026-11-02'),
        ),
      ).toBe(2);
    }
  });

  it('reads the spreadsheet’s zone once per call, and probes its offsets per day, not per cell', () => {
    const {emulator, call} = sheetIn('Pacific/Auckland');
    const table = tableIn('Pacific/Auckland');
    emulator.ctx.calls.reset();
    call('SLIP_SIGNALS', table, localCell('Pacific/Auckland', '2026-11-06'));
    expect(emulator.ctx.calls.count('Spreadsheet.getSpreadsheetTimeZone')).toBe(
      1,
    );
    // 24 deals × 7 date columns over five weeks: a probe per eight-day span, not per cell.
    expect(emulator.ctx.calls.count('Utilities.formatDate')).toBeLessThan(12);
  });

  it('names a bad date cell as the spreadsheet shows it', () => {
    const {call} = sheetIn('Pacific/Kiritimati');
    const error = (() => {
      try {
        call(
          'FORECAST_VARIANCE',
          5,
          localCell('Pacific/Kiritimati', '2026-01-01'),
        );
      } catch (e) {
        return e as Error;
      }
      throw new Error('no error');
    })();
    expect(error.message).toBe(
      'FORECAST_VARIANCE: closed is 2026-01-01, not a number',
    );
  });
});
