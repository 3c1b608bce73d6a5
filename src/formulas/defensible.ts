/** The defensible commit over a Deals table: DEFENSIBLE_COMMIT and COMMIT_BREAKDOWN. */
import {
  dealReader,
  isCommit,
  type Deal,
  type DealColumns,
  type DealHeader,
  type ForecastCategory,
} from '../domain/deals';
import {EB_CONFIRMATION_DAYS} from '../domain/gate';
import {InputError} from '../domain/input-error';
import {judgeDeal, type DealCall} from '../domain/quarters/defensible';
import {firingSignals, signalContext} from '../domain/signals';
import type {WallClock} from '../domain/wall-clock';
import {asOfArg, daysArg, finite, guard, type Arg} from './args';
import {eachDeal, readDealTable, sheetRow} from './deal-table';
import {GATE_HEADERS} from './gate';
import {SIGNAL_HEADERS} from './signals';

/** What the gate part of a deal needs: its category, Amount and the gate's headers. */
const GATE_PART: readonly DealHeader[] = [
  'Forecast Category',
  'Amount',
  ...GATE_HEADERS,
];

/** The table's columns with only `wanted` located, for a reader of part of a deal. */
function only(columns: DealColumns, wanted: readonly DealHeader[]) {
  const part = {} as DealColumns;
  for (const h of Object.keys(columns) as DealHeader[])
    part[h] = wanted.includes(h) ? columns[h] : -1;
  return part;
}

const isCommitOrBestCase = (category: ForecastCategory | '') =>
  category === 'Commit' || category === 'Best Case';

/**
 * Judges each deal `include` keeps, as GATE_CHECK and SLIP_SIGNALS would on
 * the same as_of; every such deal needs its Amount. The signals' columns are
 * read apart: with `sumOnly`, only for deals that pass the gate.
 */
function judgeDeals(
  fn: string,
  args: [deals: Arg, asOf: Arg, ebDays: Arg],
  clock: WallClock,
  extra: readonly DealHeader[],
  include: (category: ForecastCategory | '') => boolean,
  visit: (deal: Deal, amount: number, call: DealCall) => void,
  sumOnly = false,
): void {
  const [deals, asOf, ebDays] = args;
  const context = signalContext(asOfArg(fn, asOf, clock));
  const days = daysArg(fn, 'eb_days', ebDays, EB_CONFIRMATION_DAYS);
  const gatePart = [...GATE_PART, ...extra];
  const table = readDealTable(fn, deals, clock, [
    ...gatePart,
    ...SIGNAL_HEADERS,
  ]);
  const [readGate, readSignals] = [gatePart, SIGNAL_HEADERS].map(part =>
    dealReader(only(table.columns, part), clock, table.category),
  );
  eachDeal({...table, read: readGate}, include, deal => {
    if (deal.amount === undefined) {
      throw new InputError(
        `Amount is blank; a ${deal.category} deal needs its amount`,
        deal.row,
      );
    }
    const cells = table.rows[deal.row - sheetRow(0)];
    const signals = () =>
      firingSignals(readSignals(cells, deal.row, deal.category), context);
    visit(deal, deal.amount, judgeDeal(deal, context, days, signals, sumOnly));
  });
}

/** The sum of Amount over Commit deals that pass the gate with fewer than two slip signals. */
export function defensibleCommit(
  deals: Arg,
  asOf: Arg,
  ebDays: Arg,
  clock: WallClock,
) {
  const fn = 'DEFENSIBLE_COMMIT';
  return guard(fn, () => {
    let sum = 0;
    judgeDeals(
      fn,
      [deals, asOf, ebDays],
      clock,
      [],
      isCommit,
      (_, amount, call) => {
        if (call.defensible) sum += amount;
      },
      true,
    );
    return finite(fn, sum, 'the defensible commit');
  });
}

const yesNo = (flag: boolean) => (flag ? 'YES' : 'NO');

/** A header row, then per Commit or Best Case deal: why it is (not) in the defensible commit. */
export function commitBreakdown(
  deals: Arg,
  asOf: Arg,
  ebDays: Arg,
  clock: WallClock,
) {
  const fn = 'COMMIT_BREAKDOWN';
  return guard(fn, () => {
    const out: (string | number)[][] = [
      [
        'Deal ID',
        'Deal',
        'Amount',
        'In Defensible Commit',
        'Why Not',
        'Upside',
      ],
    ];
    judgeDeals(
      fn,
      [deals, asOf, ebDays],
      clock,
      ['Deal ID', 'Deal'],
      isCommitOrBestCase,
      (deal, amount, call) => {
        out.push([
          deal.dealId,
          deal.deal,
          amount,
          yesNo(call.defensible),
          call.whyNot,
          yesNo(call.upside),
        ]);
      },
    );
    return out;
  });
}
