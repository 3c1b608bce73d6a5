/** The defensible commit over a Deals table: DEFENSIBLE_COMMIT and COMMIT_BREAKDOWN. */
import {
  isCommit,
  type Deal,
  type DealHeader,
  type ForecastCategory,
} from '../domain/deals';
import {EB_CONFIRMATION_DAYS} from '../domain/gate';
import {InputError} from '../domain/input-error';
import {judgeDeal, type DealCall} from '../domain/quarters/defensible';
import {signalContext} from '../domain/signals';
import type {WallClock} from '../domain/wall-clock';
import {asOfArg, daysArg, finite, guard, type Arg} from './args';
import {eachDeal, readDealTable} from './deal-table';
import {GATE_HEADERS} from './gate';
import {SIGNAL_HEADERS} from './signals';

const HEADERS: readonly DealHeader[] = [
  'Forecast Category',
  'Amount',
  ...GATE_HEADERS,
  ...SIGNAL_HEADERS,
];

const isCommitOrBestCase = (category: ForecastCategory | '') =>
  category === 'Commit' || category === 'Best Case';

/**
 * Judges each deal `include` keeps, as GATE_CHECK and SLIP_SIGNALS would on
 * the same as_of; every such deal needs its Amount.
 */
function judgeDeals(
  fn: string,
  args: [deals: Arg, asOf: Arg, ebDays: Arg],
  clock: WallClock,
  extra: readonly DealHeader[],
  include: (category: ForecastCategory | '') => boolean,
  visit: (deal: Deal, amount: number, call: DealCall) => void,
): void {
  const [deals, asOf, ebDays] = args;
  const context = signalContext(asOfArg(fn, asOf, clock));
  const days = daysArg(fn, 'eb_days', ebDays, EB_CONFIRMATION_DAYS);
  const table = readDealTable(fn, deals, clock, [...HEADERS, ...extra]);
  eachDeal(table, include, deal => {
    if (deal.amount === undefined)
      throw new InputError(
        `Amount is blank; a ${deal.category} deal needs its amount`,
        deal.row,
      );
    visit(deal, deal.amount, judgeDeal(deal, context, days));
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
    );
    return finite(fn, sum, 'the sum');
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
