/** The leading indicators in cells: LEADING_INDICATORS and EARLY_WARNING (issue 14 §2). */
import {isBlank, show, toNumber} from '../domain/cells';
import {PASS_DEALS} from '../domain/deals';
import {
  CONVERSION_WINDOW_DAYS,
  TREND_ALERT,
  indicatorTable,
  leadingIndicators,
  type IndicatorWeeks,
} from '../domain/leads/indicators';
import {
  MARKETING_SOURCES_TEXT,
  PASS_LEADS,
  dealFacts,
  marketingSources,
  readLeads,
} from '../domain/leads/leads';
import {dayNumber, type WallClock} from '../domain/wall-clock';
import {
  asOfArg,
  asRows,
  formulaError,
  guard,
  isGrid,
  singleCell,
  type Arg,
} from './args';

/** Weeks shown: a whole number from 1 to 520 (ten years), 12 when blank. */
function weeksArg(fn: string, value: unknown): number {
  const cell = singleCell(fn, 'weeks', value);
  if (isBlank(cell)) return 12;
  const n = toNumber(cell);
  if (n === undefined || !Number.isInteger(n) || n < 1 || n > 520)
    throw formulaError(
      fn,
      `weeks is ${show(cell)}, not a whole number of weeks from 1 to 520`,
    );
  return n;
}

/** The indicators over the tables with the Settings defaults; `note` says why velocity is blank. */
function compute(
  fn: string,
  leads: Arg,
  deals: Arg,
  weeks: number,
  asOf: Arg,
  clock: WallClock,
): IndicatorWeeks & {note: string} {
  if (!isGrid(leads) || leads.length === 0)
    throw formulaError(fn, `leads is ${show(leads)}; ${PASS_LEADS}`);
  const today = dayNumber(asOfArg(fn, asOf, clock));
  // The weeks are named by their Mondays: years a sheet can hold (1 to 9999).
  if (!(today > -714000 && today < 2932000))
    throw formulaError(
      fn,
      `as_of is ${show(singleCell(fn, 'as_of', asOf), clock)}, not a date between the years 1 and 9999`,
    );
  const rows = asRows(leads);
  if (!isBlank(deals) && !isGrid(deals))
    throw formulaError(
      fn,
      `deals is ${show(deals)}; ${PASS_DEALS}, or leave it out`,
    );
  const facts = dealFacts(isGrid(deals) ? asRows(deals) : undefined, clock);
  const result = leadingIndicators({
    leads: readLeads(rows, clock, marketingSources(MARKETING_SOURCES_TEXT)),
    dealAmounts: facts.amounts,
    deals: facts.deals,
    today,
    weeks,
    windowDays: CONVERSION_WINDOW_DAYS,
    trendAlert: TREND_ALERT,
  });
  return {...result, note: facts.note};
}

/** The weekly table: header row, then one row per complete week, oldest first. */
export function leadingIndicatorsOf(
  leads: Arg,
  deals: Arg,
  weeks: Arg,
  asOf: Arg,
  clock: WallClock,
) {
  const fn = 'LEADING_INDICATORS';
  return guard(fn, () => {
    const r = compute(fn, leads, deals, weeksArg(fn, weeks), asOf, clock);
    return indicatorTable(r, r.note);
  });
}

/** One sentence per indicator that turned; blank when none did. */
export function earlyWarningOf(
  leads: Arg,
  deals: Arg,
  asOf: Arg,
  clock: WallClock,
) {
  const fn = 'EARLY_WARNING';
  return guard(fn, () => {
    const {turned} = compute(fn, leads, deals, 1, asOf, clock);
    return turned.length === 0 ? '' : turned.map(t => [t.sentence]);
  });
}
