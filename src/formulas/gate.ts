/** The qualification gate over a Deals table: GATE_CHECK and GATE_COMPLIANCE. */
import {isCommit, isOpen, type DealHeader} from '../domain/deals';
import {EB_CONFIRMATION_DAYS, evaluateGate, gateVerdict} from '../domain/gate';
import {MEDDPICC} from '../domain/workbook';
import type {WallClock, WallTime} from '../domain/wall-clock';
import {asOfArg, daysArg, guard, type Arg} from './args';
import {eachDeal, mapDeals, readDealTable, type DealTable} from './deal-table';

/** The headers the gate reads. */
export const GATE_HEADERS: readonly DealHeader[] = [
  ...MEDDPICC,
  'Economic Buyer Name',
  'EB Confirmed On',
  'Paper Process Map',
];

/** Per deal: PASS, or FAIL: and what is missing. Closed deals are left blank. */
export function gateCheck(
  deals: Arg,
  asOf: Arg,
  ebDays: Arg,
  clock: WallClock,
) {
  const fn = 'GATE_CHECK';
  return guard(fn, () => {
    const when = asOfArg(fn, asOf, clock);
    const days = daysArg(fn, 'eb_days', ebDays, EB_CONFIRMATION_DAYS);
    // Without a Forecast Category column every deal is checked.
    const table = readDealTable(fn, deals, clock, GATE_HEADERS, [
      'Forecast Category',
    ]);
    return mapDeals(
      'Gate',
      table,
      deal => gateVerdict(evaluateGate(deal, when, days)),
      isOpen,
    );
  });
}

/** Share of Commit deals passing the gate; "" when there are no Commit deals. */
export function gateCompliance(
  deals: Arg,
  asOf: Arg,
  ebDays: Arg,
  clock: WallClock,
) {
  const fn = 'GATE_COMPLIANCE';
  return guard(fn, () => {
    const when = asOfArg(fn, asOf, clock);
    const days = daysArg(fn, 'eb_days', ebDays, EB_CONFIRMATION_DAYS);
    return complianceOf(
      readDealTable(fn, deals, clock, COMPLIANCE_HEADERS),
      when,
      days,
    );
  });
}

/** What gate compliance needs: only Commit deals count. */
export const COMPLIANCE_HEADERS: readonly DealHeader[] = [
  'Forecast Category',
  ...GATE_HEADERS,
];

/** The share of Commit deals passing the gate: GATE_COMPLIANCE's number, and the snapshot's. */
export function complianceOf(
  table: DealTable,
  when: WallTime,
  days: number,
): number | '' {
  let committed = 0;
  let passing = 0;
  eachDeal(table, isCommit, deal => {
    committed++;
    if (evaluateGate(deal, when, days).passes) passing++;
  });
  return committed === 0 ? '' : passing / committed;
}
