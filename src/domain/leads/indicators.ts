/**
 * The leading indicators (issue 14 §2): per complete Monday–Sunday week of
 * the spreadsheet's calendar, the qualified leads, the share of them that
 * reached pipeline within the conversion window and the median days it
 * took, the marketing pipeline per deal, and pipeline velocity; and which of
 * them turned: the last 4 weeks against the 8 before, by the Trend Alert.
 * Days are day numbers (wall-clock.ts), weeks are indexed oldest first.
 */
import {money} from '../miss';
import {DAY_MS, isoDay} from '../wall-clock';
import {percent} from '../words';
import type {Leads} from './leads';

/** A deal as velocity reads it: days as day numbers, NaN when blank. */
export interface VelocityDeal {
  created: number;
  closed: number;
  won: boolean;
  lost: boolean;
  amount: number;
}

export interface IndicatorInput {
  leads: Leads;
  /** Deal amounts by Deal ID, for leads whose own Amount is blank. */
  dealAmounts: Map<string, number>;
  /** Deals for velocity; undefined when it cannot be computed. */
  deals?: readonly VelocityDeal[];
  /** The first day not yet complete (as_of's day). */
  today: number;
  weeks: number;
  windowDays: number;
  trendAlert: number;
}

/** The defaults of Conversion Window Days and Trend Alert, shared by the formulas and Settings. */
export const CONVERSION_WINDOW_DAYS = 30;
export const TREND_ALERT = 0.2;

export type Value = number | '' | 'pending';

interface Indicator {
  name: string;
  /** Waits for the conversion window to close. */
  windowed?: boolean;
  /** How an average reads in a sentence, and what follows the recent one. */
  format(n: number): string;
  per?: string;
}

const one = (n: number) => String(Number(n.toFixed(1)));

/** The indicators in the table's column order (Week Starting and Warning aside). */
function indicators(): Indicator[] {
  return [
    {name: 'Qualified leads', format: one, per: ' a week'},
    {name: 'Conversion to pipeline', windowed: true, format: percent},
    {
      name: 'Median days to pipeline',
      windowed: true,
      format: one,
      per: ' days',
    },
    {name: 'Marketing pipeline per deal', format: money, per: ' per deal'},
    {name: 'Pipeline velocity', format: money, per: ' a day'},
  ];
}

export interface Turn {
  indicator: string;
  change: number;
  sentence: string;
}

export interface IndicatorWeeks {
  /** Monday of each week shown, as a day number, oldest first. */
  starts: number[];
  /** Per indicator (table order), per week shown. */
  values: Value[][];
  /** Per week shown, the indicators that turned by then. */
  warnings: Turn[][];
  /** What turned as of now: the latest week, or the latest closed week for windowed indicators. */
  turned: Turn[];
}

const RECENT = 4;
const BEFORE = 8;

function median(sorted: number[]): number {
  const m = sorted.length >> 1;
  return sorted.length % 2 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
}

function average(values: readonly Value[]): number | undefined {
  let sum = 0;
  let n = 0;
  for (const v of values)
    if (typeof v === 'number') {
      sum += v;
      n++;
    }
  return n === 0 ? undefined : sum / n;
}

/** The turn of one series at week i: its last 4 weeks against the 8 before. */
function turnAt(
  series: readonly Value[],
  i: number,
  indicator: Indicator,
  alert: number,
  windowDays: number,
): Turn | undefined {
  if (i < RECENT + BEFORE - 1) return undefined;
  const recentWeeks = series.slice(i - RECENT + 1, i + 1);
  if (recentWeeks.includes('pending')) return undefined;
  const recent = average(recentWeeks);
  const before = average(series.slice(i - RECENT - BEFORE + 1, i - RECENT + 1));
  if (recent === undefined || before === undefined || before === 0)
    return undefined;
  const change = (recent - before) / before;
  // A hair under the line by floating point still meets it.
  if (change === 0 || Math.abs(change) < alert - 1e-9) return undefined;
  const weeks = indicator.windowed
    ? `the last 4 weeks whose ${windowDays}-day window has closed`
    : 'the last 4 weeks';
  return {
    indicator: indicator.name,
    change,
    sentence: `${moved(indicator.name, change)}: ${indicator.format(recent)}${indicator.per ?? ''} over ${weeks} against ${indicator.format(before)} over the 8 before.`,
  };
}

/** Pipeline velocity at the end of a week (day `end`, exclusive): open × win rate × average won ÷ average days to close. */
/** "Qualified leads rose 25%": the head of a turn's sentence and its Warning cell. */
const moved = (indicator: string, change: number) =>
  `${indicator} ${change > 0 ? 'rose' : 'fell'} ${percent(Math.abs(change))}`;

function velocityAt(deals: readonly VelocityDeal[], end: number): Value {
  let open = 0;
  let won = 0;
  let lost = 0;
  let wonAmount = 0;
  let days = 0;
  for (const d of deals) {
    if (!(d.created < end)) continue;
    const closed = (d.won || d.lost) && d.closed < end;
    if (!closed) {
      if (!(d.won || d.lost) || d.closed === d.closed) open++;
      continue;
    }
    if (d.lost) {
      lost++;
      continue;
    }
    won++;
    wonAmount += d.amount === d.amount ? d.amount : 0;
    days += Math.max(1, d.closed - d.created);
  }
  if (won === 0) return '';
  return (open * (won / (won + lost)) * (wonAmount / won)) / (days / won);
}

/** The weekly table and its turns. */
export function leadingIndicators(input: IndicatorInput): IndicatorWeeks {
  const {leads, today, windowDays} = input;
  // Enough weeks behind the ones shown for each shown week's 12-week
  // comparison, and for the latest closed week of the windowed indicators.
  const pendingWeeks = Math.ceil((windowDays + 7) / 7) + 1;
  const n = input.weeks + RECENT + BEFORE - 1 + pendingWeeks;
  // 1970-01-01 was a Thursday: (day + 3) % 7 is 0 on Mondays.
  const thisMonday = today - ((((today + 3) % 7) + 7) % 7);
  const first = thisMonday - 7 * n;
  const qualified = new Array<number>(n).fill(0);
  const converted = new Array<number>(n).fill(0);
  const days: number[][] = Array.from({length: n}, () => []);
  const pipeline = new Array<number>(n).fill(0);
  const deals = new Array<number>(n).fill(0);
  const counted = new Set<string>();
  let firstDay = Infinity;
  for (let k = 0; k < leads.count; k++) {
    const q = leads.qualified[k];
    const p = leads.pipeline[k];
    if (q < firstDay) firstDay = q;
    const w = Math.floor((q - first) / 7);
    if (w >= 0 && w < n) {
      qualified[w]++;
      if (p - q <= windowDays) {
        converted[w]++;
        days[w].push(Math.max(0, p - q));
      }
    }
    const pw = Math.floor((p - first) / 7);
    if (!leads.marketing[k] || !(pw >= 0 && pw < n)) continue;
    const id = leads.dealId[k];
    // A deal several leads point at is one deal, counted once.
    if (id !== '') {
      if (counted.has(id)) continue;
      counted.add(id);
    }
    const amount =
      leads.amount[k] === leads.amount[k]
        ? leads.amount[k]
        : input.dealAmounts.get(id);
    if (amount === undefined) continue;
    pipeline[pw] += amount;
    deals[pw]++;
  }
  const dataFrom = firstDay - ((((firstDay + 3) % 7) + 7) % 7);
  const series: Value[][] = [[], [], [], [], []];
  for (let w = 0; w < n; w++) {
    const start = first + 7 * w;
    const noData = start < dataFrom;
    const pending = start + 6 + windowDays >= today;
    const sorted = days[w].sort((a, b) => a - b);
    series[0].push(noData ? '' : qualified[w]);
    // The windowed indicators: blank without leads, pending until the window closes.
    const windowed = (value: () => Value): Value =>
      noData || qualified[w] === 0 ? '' : pending ? 'pending' : value();
    series[1].push(windowed(() => converted[w] / qualified[w]));
    series[2].push(windowed(() => (sorted.length === 0 ? '' : median(sorted))));
    series[3].push(deals[w] === 0 ? '' : pipeline[w] / deals[w]);
    series[4].push(input.deals ? velocityAt(input.deals, start + 7) : '');
  }
  const list = indicators();
  const turns = (at: (ind: Indicator) => number) =>
    list.flatMap(
      (ind, k) =>
        turnAt(series[k], at(ind), ind, input.trendAlert, windowDays) ?? [],
    );
  const shown = n - input.weeks;
  // The latest week every lead of which has had its whole window.
  let lastClosed = n - 1;
  while (lastClosed >= 0 && first + 7 * lastClosed + 6 + windowDays >= today)
    lastClosed--;
  return {
    starts: Array.from(
      {length: input.weeks},
      (_, i) => first + 7 * (shown + i),
    ),
    values: series.map(s => s.slice(shown)),
    warnings: Array.from({length: input.weeks}, (_, i) =>
      turns(() => shown + i),
    ),
    turned: turns(ind => (ind.windowed ? lastClosed : n - 1)),
  };
}

export const INDICATOR_HEADER = [
  'Week Starting',
  'Qualified Leads',
  'Converted to Pipeline %',
  'Median Days to Pipeline',
  'Marketing Pipeline per Deal',
  'Pipeline Velocity',
  'Warning',
];

/**
 * The weekly table as LEADING_INDICATORS returns it and the early warning
 * email shows it: the header, then per week its Monday (text, not a Date: a
 * returned Date's day would depend on zone conversion), the values, and what
 * turned; `note` (why velocity is blank) ends the newest week's Warning.
 */
export function indicatorTable(r: IndicatorWeeks, note = ''): unknown[][] {
  const last = r.starts.length - 1;
  return [
    INDICATOR_HEADER,
    ...r.starts.map((start, i) => [
      isoDay(start * DAY_MS),
      ...r.values.map(v => v[i]),
      r.warnings[i]
        .map(t => moved(t.indicator, t.change))
        .concat(i === last && note ? [note] : [])
        .join('; '),
    ]),
  ];
}
