/**
 * The Leads tab (docs/workbook.md) read column-wise for the leading
 * indicators: one pass over the rows, dates as calendar days on the
 * spreadsheet's clock, every bad cell an InputError naming the sheet row,
 * the header and the value.
 */
import {isBlank, show, toNumber, toText, toWallTime} from '../cells';
import {dealReader, isBlankRow, locateDealColumns} from '../deals';
import {headerKey, locateColumns} from '../headers';
import {InputError} from '../input-error';
import {dayNumber, type WallClock} from '../wall-clock';
import {quoted} from '../words';
import {LEADS} from '../workbook';
import type {VelocityDeal} from './indicators';

/** Salesforce's and HubSpot's marketing lead sources, and Olist's: the Marketing Sources default. */
export const MARKETING_SOURCES_TEXT =
  'Web, Organic Search, Paid Search, Social, Social Media, Paid Social, Email, Email Marketing, Display, Direct Traffic, Other Campaigns, Webinar';

/** A Marketing Sources list ("Web, Paid Search") as a test of a Source cell (any case or punctuation). */
export function marketingSources(text: string): (source: unknown) => boolean {
  const keys = new Set(
    text
      .split(/[,;]/)
      .map(headerKey)
      .filter(k => k !== ''),
  );
  return source => keys.has(headerKey(source));
}

/** The leads of a table, one entry per non-blank row; a missing date is NaN. */
export interface Leads {
  qualified: Float64Array;
  pipeline: Float64Array;
  marketing: Uint8Array;
  amount: Float64Array;
  dealId: string[];
  count: number;
}

const num = Number.NaN;

export const PASS_LEADS =
  'pass the whole Leads table with its header row, e.g. Leads!A1:G';

/**
 * Reads a Leads table (header row first, sheet row 1). Qualified On is
 * required; the other columns are read when present.
 */
export function readLeads(
  table: readonly (readonly unknown[])[],
  clock: WallClock,
  isMarketing: (source: unknown) => boolean,
): Leads {
  const c = locateColumns(
    table[0] ?? [],
    LEADS.columns.map(col => col.header),
    'Leads',
  );
  if (c['Qualified On'] < 0)
    throw new InputError(`missing header "Qualified On"; ${PASS_LEADS}`);
  const n = table.length - 1;
  const out: Leads = {
    qualified: new Float64Array(n),
    pipeline: new Float64Array(n),
    marketing: new Uint8Array(n),
    amount: new Float64Array(n),
    dealId: new Array<string>(n),
    count: 0,
  };
  const day = (header: string, value: unknown, row: number) => {
    if (isBlank(value)) return num;
    const wall = toWallTime(value, clock);
    if (wall === undefined)
      throw new InputError(
        `${header} is ${show(value, clock)}, not a date`,
        row,
      );
    return dayNumber(wall);
  };
  const [q, p, s, d, a] = [
    c['Qualified On'],
    c['Pipeline On'],
    c.Source,
    c['Deal ID'],
    c.Amount,
  ];
  let k = 0;
  for (let r = 1; r <= n; r++) {
    const cells = table[r];
    const row = r + 1;
    const qualified = day('Qualified On', cells[q], row);
    const pipeline = p < 0 ? num : day('Pipeline On', cells[p], row);
    // A lead never qualified (or a blank row) counts in no indicator.
    if (qualified !== qualified && pipeline !== pipeline) continue;
    let amount = num;
    if (a >= 0 && !isBlank(cells[a])) {
      const value = toNumber(cells[a]);
      if (value === undefined)
        throw new InputError(
          `Amount is ${show(cells[a], clock)}, not a number`,
          row,
        );
      amount = value;
    }
    out.qualified[k] = qualified;
    out.pipeline[k] = pipeline;
    out.marketing[k] = s >= 0 && isMarketing(cells[s]) ? 1 : 0;
    out.amount[k] = amount;
    out.dealId[k] = d < 0 ? '' : toText(cells[d]);
    k++;
  }
  out.count = k;
  return out;
}

/** What the leading indicators take from a Deals table. */
export interface DealFacts {
  amounts: Map<string, number>;
  /** For velocity; undefined when the table lacks what it needs (`note` says what). */
  deals?: VelocityDeal[];
  note: string;
}

const VELOCITY_HEADERS = [
  'Created On',
  'Forecast Category',
  'Close Date',
  'Amount',
] as const;

/** Deal amounts by Deal ID and velocity's deals, from a Deals table with its header row (or none). */
export function dealFacts(
  table: readonly (readonly unknown[])[] | undefined,
  clock: WallClock,
): DealFacts {
  const amounts = new Map<string, number>();
  if (!table)
    return {
      amounts,
      note: 'Pipeline Velocity is blank: pass the Deals table, with Created On, as deals.',
    };
  const columns = locateDealColumns(
    table[0] ?? [],
    [],
    ['Deal ID', ...VELOCITY_HEADERS],
  );
  const missing = VELOCITY_HEADERS.filter(h => columns[h] < 0);
  const read = dealReader(columns, clock);
  const deals: VelocityDeal[] = [];
  for (let r = 1; r < table.length; r++) {
    if (isBlankRow(table[r])) continue;
    const d = read(table[r], r + 1);
    if (d.dealId !== '' && d.amount !== undefined)
      amounts.set(d.dealId, d.amount);
    deals.push({
      created: d.createdOn === undefined ? num : dayNumber(d.createdOn),
      closed: d.closeDate === undefined ? num : dayNumber(d.closeDate),
      won: d.category === 'Closed Won',
      lost: d.category === 'Closed Lost',
      amount: d.amount ?? num,
    });
  }
  return missing.length === 0
    ? {amounts, deals, note: ''}
    : {
        amounts,
        note: `Pipeline Velocity is blank: the Deals table has no ${quoted(missing)} column${missing.length > 1 ? 's' : ''}.`,
      };
}
