/**
 * The post-mortem draft (issue 13 §3; docs/playbook.md, "The first 72
 * hours"): the quarter it is for, and what the gate and the slip signals
 * showed about each Commit deal due in it that did not close, and when.
 * Pure: the service reads the tabs, src/templates/post-mortem.html words it.
 */
import type {LocalDate} from '../calendar';
import {isBlank, toNumber, toText} from '../cells';
import {fail, isOpen, type Deal} from '../deals';
import {evaluateGate} from '../gate';
import {firingSignals, type SignalContext} from '../signals';
import {isoDay} from '../wall-clock';

export interface Quarter {
  quarter: string;
  end: LocalDate;
  commit: number;
  actual: number;
  nonControllable: number;
}

/**
 * The latest quarter (by Quarter End) whose Actual is filled in and below its
 * Commit; a row it needs that does not read is refused by its row.
 */
export function missedQuarter(
  rows: ReadonlyArray<{rowNumber: number; record: Record<string, unknown>}>,
  day: (cell: unknown) => LocalDate | '',
): Quarter | undefined {
  let latest: Quarter | undefined;
  for (const {rowNumber, record: r} of rows) {
    if (isBlank(r.Actual)) continue;
    const amount = (h: string) =>
      (isBlank(r[h]) && h[0] === 'N' ? 0 : toNumber(r[h])) ??
      fail(h, r[h], 'an amount', rowNumber);
    const [actual, commit] = [amount('Actual'), amount('Commit')];
    if (actual >= commit) continue;
    const h = 'Quarter End';
    const end = day(r[h]) || fail(h, r[h], 'a date', rowNumber);
    if (!latest || end > latest.end)
      latest = {
        quarter: toText(r.Quarter),
        end,
        commit,
        actual,
        nonControllable: amount('Non-Controllable'),
      };
  }
  return latest;
}

/** The day before the quarter began: the last day of the month three months before its end's. */
export function quarterBefore(end: LocalDate): LocalDate {
  const [y, m] = end.split('-').map(Number);
  return new Date(Date.UTC(y, m - 3, 0)).toISOString().slice(0, 10);
}

/** A Deal History row: the week ending, the deal and its close date then. */
export type HistoryRow = [week: LocalDate, id: string, close: LocalDate | ''];
/** A Signals row not withdrawn: the day logged, the deal and the signal. */
export type LoggedSignal = [day: LocalDate, id: string, signal: string];

/** A Commit deal due in the quarter that did not close, and what the record showed. */
export interface Unclosed {
  deal: Deal;
  /** What the gate lacked at Quarter End (none: it passed). */
  lacks: string[];
  /** The slip signals firing at Quarter End, as SLIP_SIGNALS says. */
  fired: string[];
  /** Each signal logged for it in the quarter, with the day it was first logged. */
  logged: LoggedSignal[];
  /** Deal History: the first week ending it was due in the quarter, and the week its close date left the quarter. */
  since?: LocalDate;
  movedOut?: LocalDate;
}

/**
 * The Commit deals due in the quarter (start, end]: a Committed Close Date in
 * it, or a Deal History week (the Monday slip check records Commit deals
 * only) with the close date in it. Closed: Closed Won by Quarter End.
 */
export function rootCause(
  deals: readonly Deal[],
  history: readonly HistoryRow[],
  logged: readonly LoggedSignal[],
  start: LocalDate,
  end: LocalDate,
  context: SignalContext,
  ebDays: number,
): {due: number; closed: number; unclosed: Unclosed[]} {
  const inQuarter = (d?: LocalDate | '') => !!d && d > start && d <= end;
  const byDay = (a: [string, ...unknown[]], b: [string, ...unknown[]]) =>
    a[0] < b[0] ? -1 : 1;
  const weeks = history.filter(h => h[0] <= end).sort(byDay);
  const signals = [...logged].sort(byDay);
  let due = 0;
  const unclosed: Unclosed[] = [];
  for (const deal of deals) {
    const id = deal.dealId;
    const mine = weeks.filter(h => h[1] === id && id);
    const since = mine.find(h => inQuarter(h[2]))?.[0];
    const committed =
      deal.committedCloseDate !== undefined &&
      inQuarter(isoDay(deal.committedCloseDate));
    if (!committed && !since) continue;
    due++;
    const close = deal.closeDate === undefined ? '' : isoDay(deal.closeDate);
    if (deal.category === 'Closed Won' && close !== '' && close <= end)
      continue;
    // The day each signal was first logged for it in the quarter, oldest first.
    const first = new Map<string, LoggedSignal>();
    for (const s of signals)
      if (s[1] === id && inQuarter(s[0]) && !first.has(s[2]))
        first.set(s[2], s);
    unclosed.push({
      deal,
      lacks: evaluateGate(deal, context.asOf, ebDays).missing,
      // As SLIP_SIGNALS: a closed (lost) deal has none.
      fired: isOpen(deal.category) ? firingSignals(deal, context) : [],
      logged: [...first.values()],
      since,
      movedOut: mine.find(h => since && h[0] > since && !inQuarter(h[2]))?.[0],
    });
  }
  return {due, closed: due - unclosed.length, unclosed};
}
