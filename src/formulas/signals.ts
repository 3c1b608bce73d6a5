/** Slip signals over a Deals table: SLIP_SIGNALS, SIGNAL_DENSITY, FLAGGED_DEALS. */
import {isCommit, isOpen, type DealHeader} from '../domain/deals';
import {FLAG_AT_SIGNALS, firingSignals, signalContext} from '../domain/signals';
import type {WallClock} from '../domain/wall-clock';
import {asOfArg, guard, type Arg} from './args';
import {eachDeal, mapDeals, readDealTable} from './deal-table';

/** The headers the six single-snapshot signals read. */
export const SIGNAL_HEADERS: readonly DealHeader[] = [
  'Close Date',
  'Committed Close Date',
  'Last Champion Reply',
  'Last New Stakeholder',
  'Last Procurement Contact',
  'Next Step',
  'Next Step Due',
  'Notes',
];

/** Per open deal: the slip signals firing, comma-separated; blank when none. */
export function slipSignals(deals: Arg, asOf: Arg, clock: WallClock) {
  const fn = 'SLIP_SIGNALS';
  return guard(fn, () => {
    const context = signalContext(asOfArg(fn, asOf, clock));
    // Without a Forecast Category column every deal counts as open.
    const table = readDealTable(fn, deals, clock, SIGNAL_HEADERS, [
      'Forecast Category',
    ]);
    return mapDeals(
      'Slip Signals',
      table,
      deal => firingSignals(deal, context).join(', '),
      isOpen,
    );
  });
}

/** Signals firing per Commit deal, for the two aggregates. */
function commitSignalCounts(
  fn: string,
  deals: Arg,
  asOf: Arg,
  clock: WallClock,
): number[] {
  const context = signalContext(asOfArg(fn, asOf, clock));
  const table = readDealTable(fn, deals, clock, [
    'Forecast Category',
    ...SIGNAL_HEADERS,
  ]);
  const counts: number[] = [];
  eachDeal(table, isCommit, deal =>
    counts.push(firingSignals(deal, context).length),
  );
  return counts;
}

/** Total slip signals firing across Commit deals. */
export function signalDensity(deals: Arg, asOf: Arg, clock: WallClock) {
  const fn = 'SIGNAL_DENSITY';
  return guard(fn, () =>
    commitSignalCounts(fn, deals, asOf, clock).reduce((sum, n) => sum + n, 0),
  );
}

/** Commit deals with two or more signals: those the Monday slip check flags for a save-play. */
export function flaggedDeals(deals: Arg, asOf: Arg, clock: WallClock) {
  const fn = 'FLAGGED_DEALS';
  return guard(
    fn,
    () =>
      commitSignalCounts(fn, deals, asOf, clock).filter(
        n => n >= FLAG_AT_SIGNALS,
      ).length,
  );
}
