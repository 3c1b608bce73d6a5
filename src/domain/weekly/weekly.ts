/**
 * What the weekly record adds to the numbers (issue 13, the `weekly` part):
 * the quarter of the week with its re-inflation warning (§2), this week's
 * wrong calls (§6) and the forecast variance against a downturn-adjusted
 * commit (§7). Pure: the service hands over parsed rows.
 */
import type {LocalDate} from '../calendar';
import {reinflationChecks, type Period} from '../quarters/reinflation';

/** A Commit deal of last week's record that went Closed Lost or slipped past the quarter end, with the CRO's sentence ('' until named). */
export interface WrongCall {
  id: string;
  deal: string;
  why: string;
  words: string;
}

export interface QuarterRow extends Period {
  quarter: string;
  end: LocalDate;
  adjusted?: number;
}

/**
 * The week's quarter: the first whose Quarter End is on or after the week's
 * end, and REINFLATION_CHECK's verdict on its commit when it warns.
 */
export function quarterOf(
  rows: QuarterRow[],
  weekEnding: LocalDate,
): {quarter?: QuarterRow; warning: string} {
  const sorted = [...rows].sort((a, b) => (a.end < b.end ? -1 : 1));
  const i = sorted.findIndex(q => q.end >= weekEnding);
  const verdict = i < 0 ? '' : reinflationChecks(sorted)[i];
  return {
    quarter: sorted[i],
    warning: verdict.startsWith('AGGRESSIVE')
      ? `${sorted[i].quarter}: ${verdict}`
      : '',
  };
}

/** The last day of the calendar quarter of a date: the quarter end when the Quarters tab has none for the week. */
export function calendarQuarterEnd(date: LocalDate): LocalDate {
  const [y, m] = date.split('-').map(Number);
  return new Date(Date.UTC(y, Math.ceil(m / 3) * 3, 0))
    .toISOString()
    .slice(0, 10);
}

export interface DealNow {
  deal: string;
  category: string;
  closeDate: LocalDate | '';
}

/**
 * This week's wrong calls: each Commit deal of last week's Deal History
 * (its close date then) that is now Closed Lost, or whose close date now
 * falls after the quarter end when it did not then. A deal already named in
 * an earlier week is not named again.
 */
export function wrongCalls(
  lastWeek: ReadonlyArray<[id: string, closeDate: LocalDate | '']>,
  now: ReadonlyMap<string, DealNow>,
  quarterEnd: LocalDate,
  words: ReadonlyMap<string, string>,
  namedBefore: ReadonlySet<string>,
): WrongCall[] {
  const calls: WrongCall[] = [];
  for (const [id, was] of lastWeek) {
    const deal = now.get(id);
    if (!deal || namedBefore.has(id) || calls.some(c => c.id === id)) continue;
    const why = /^closed ?lost$/i.test(deal.category)
      ? 'went Closed Lost'
      : deal.closeDate > quarterEnd && !(was > quarterEnd)
        ? `close date moved to ${deal.closeDate}, past the quarter end ${quarterEnd}`
        : '';
    if (why) calls.push({id, deal: deal.deal, why, words: words.get(id) ?? ''});
  }
  return calls;
}
