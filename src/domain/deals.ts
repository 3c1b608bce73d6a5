/**
 * The Deals tab as typed records: its headers (docs/workbook.md), locating them in
 * a header row once, and reading one row into a Deal. Shared by the custom
 * functions, the weekly snapshot and the Monday slip check. Every bad cell is
 * an InputError naming the sheet row, the header and the value. Dates are
 * read on the spreadsheet's clock (wall-clock.ts).
 */
import {isBlank, show, toNumber, toText, toWallTime} from './cells';
import {headerKey, locateColumns} from './headers';
import {InputError} from './input-error';
import type {WallClock, WallTime} from './wall-clock';
import {DEALS, FORECAST_CATEGORIES, MEDDPICC} from './workbook';

export type MeddpiccElement = (typeof MEDDPICC)[number];
export type ForecastCategory = (typeof FORECAST_CATEGORIES)[number];

/** A Deals header in the canonical spelling of docs/workbook.md. */
export type DealHeader =
  | 'Deal ID'
  | 'Deal'
  | 'Owner'
  | 'Amount'
  | 'Stage'
  | 'Forecast Category'
  | 'Close Date'
  | 'Committed Close Date'
  | MeddpiccElement
  | 'Economic Buyer Name'
  | 'EB Confirmed On'
  | 'Paper Process Map'
  | 'Last Champion Reply'
  | 'Last New Stakeholder'
  | 'Last Procurement Contact'
  | 'Next Step'
  | 'Next Step Due'
  | 'Notes';

/** The Deals headers in order, from the workbook contract (a test pins them to DealHeader). */
export const DEAL_HEADERS = DEALS.columns.map(
  c => c.header,
) as readonly DealHeader[];

/** Column index per header in the table; -1 when the header is absent or not wanted. */
export type DealColumns = Record<DealHeader, number>;

export interface Deal {
  /** The row as the sheet numbers it (header in row 1). */
  row: number;
  dealId: string;
  deal: string;
  owner: string;
  amount?: number;
  stage: string;
  category: ForecastCategory | '';
  closeDate?: WallTime;
  committedCloseDate?: WallTime;
  /** Which MEDDPICC elements are documented. */
  meddpicc: Record<MeddpiccElement, boolean>;
  economicBuyerName: string;
  ebConfirmedOn?: WallTime;
  paperProcessMap: boolean;
  lastChampionReply?: WallTime;
  lastNewStakeholder?: WallTime;
  lastProcurementContact?: WallTime;
  nextStep: string;
  nextStepDue?: WallTime;
  notes: string;
}

const quoted = (names: readonly string[]) =>
  names.map(n => `"${n}"`).join(', ');

/**
 * Finds the wanted headers (once per table). Required ones that are absent
 * raise `missing header "EB Confirmed On"`; headers not wanted stay at -1 so
 * their cells are never read.
 */
export function locateDealColumns(
  headerRow: readonly unknown[],
  required: readonly DealHeader[],
  optional: readonly DealHeader[] = [],
): DealColumns {
  const found = locateColumns(headerRow, [...required, ...optional]);
  const columns = {} as DealColumns;
  for (const h of DEAL_HEADERS) columns[h] = found[h] ?? -1;
  const missing = required.filter(h => columns[h] < 0);
  if (missing.length > 0) {
    const noneFound = missing.length === required.length;
    throw new InputError(
      `missing header${missing.length > 1 ? 's' : ''} ${quoted(missing)}` +
        (noneFound
          ? '; pass the whole Deals table with its header row, e.g. Deals!A1:AD'
          : ''),
    );
  }
  return columns;
}

/** True when every cell of the row is blank: the trailing rows of a whole-column range. */
export function isBlankRow(row: readonly unknown[]): boolean {
  for (let i = 0; i < row.length; i++) if (!isBlank(row[i])) return false;
  return true;
}

const CATEGORIES = new Map<string, ForecastCategory>([
  ...FORECAST_CATEGORIES.map(c => [headerKey(c), c] as const),
  ['won', 'Closed Won'],
  ['lost', 'Closed Lost'],
]);
// The dropdown's own spellings, found without normalising: nearly every row.
const EXACT = new Map<string, ForecastCategory>(
  FORECAST_CATEGORIES.map(c => [c, c]),
);

export function isCommit(category: ForecastCategory | ''): boolean {
  return category === 'Commit';
}

/** Open: not closed won or lost (a blank category counts as open pipeline). */
export function isOpen(category: ForecastCategory | ''): boolean {
  return category !== 'Closed Won' && category !== 'Closed Lost';
}

const TICKED = /^(true|yes|y|x|✓|✔|1|done|documented)$/i;
const UNTICKED = /^(false|no|n|0|-|–|none|missing|todo|tbd|n\/a)$/i;

/** One row's cells, read by header, with errors naming the sheet row. */
class RowReader {
  constructor(
    private readonly cells: readonly unknown[],
    private readonly columns: DealColumns,
    readonly row: number,
    private readonly clock: WallClock,
  ) {}

  cell(header: DealHeader): unknown {
    const i = this.columns[header];
    return i < 0 ? '' : this.cells[i];
  }

  fail(header: DealHeader, value: unknown, expected: string): never {
    throw new InputError(
      `${header} is ${show(value, this.clock)}, not ${expected}`,
      this.row,
    );
  }

  text(header: DealHeader): string {
    return toText(this.cell(header));
  }

  date(header: DealHeader): WallTime | undefined {
    const value = this.cell(header);
    if (isBlank(value)) return undefined;
    return toWallTime(value, this.clock) ?? this.fail(header, value, 'a date');
  }

  number(header: DealHeader): number | undefined {
    const value = this.cell(header);
    if (isBlank(value)) return undefined;
    return toNumber(value) ?? this.fail(header, value, 'a number');
  }

  /** A checkbox: TRUE/FALSE, yes/no, 1/0; anything else is refused rather than guessed. */
  checkbox(header: DealHeader, orLink = false): boolean {
    const value = this.cell(header);
    if (typeof value === 'boolean') return value;
    if (isBlank(value)) return false;
    if (value === 1 || value === 0) return value === 1;
    if (typeof value === 'string') {
      const text = value.trim();
      if (TICKED.test(text)) return true;
      if (UNTICKED.test(text)) return false;
      // A link or a note of where the map lives documents it.
      if (orLink) return true;
    }
    return this.fail(
      header,
      value,
      orLink ? 'a checkbox or a link' : 'a checkbox (TRUE or FALSE)',
    );
  }

  category(): ForecastCategory | '' {
    const value = this.cell('Forecast Category');
    if (isBlank(value)) return '';
    const category =
      typeof value === 'string'
        ? (EXACT.get(value) ?? CATEGORIES.get(headerKey(value)))
        : undefined;
    return (
      category ??
      this.fail(
        'Forecast Category',
        value,
        `one of ${FORECAST_CATEGORIES.join(', ')}`,
      )
    );
  }
}

/** The forecast category alone: enough to decide whether a row counts, without reading the rest. */
export function readCategory(
  cells: readonly unknown[],
  columns: DealColumns,
  row: number,
  clock: WallClock,
): ForecastCategory | '' {
  return new RowReader(cells, columns, row, clock).category();
}

/**
 * Reads one data row into a Deal. Only located columns are read; an absent
 * column reads as blank (unticked, no date, no text).
 */
export function parseDeal(
  cells: readonly unknown[],
  columns: DealColumns,
  row: number,
  clock: WallClock,
): Deal {
  const r = new RowReader(cells, columns, row, clock);
  const meddpicc = {} as Record<MeddpiccElement, boolean>;
  for (const element of MEDDPICC) meddpicc[element] = r.checkbox(element);
  return {
    row,
    dealId: r.text('Deal ID'),
    deal: r.text('Deal'),
    owner: r.text('Owner'),
    amount: r.number('Amount'),
    stage: r.text('Stage'),
    category: r.category(),
    closeDate: r.date('Close Date'),
    committedCloseDate: r.date('Committed Close Date'),
    meddpicc,
    economicBuyerName: r.text('Economic Buyer Name'),
    ebConfirmedOn: r.date('EB Confirmed On'),
    paperProcessMap: r.checkbox('Paper Process Map', true),
    lastChampionReply: r.date('Last Champion Reply'),
    lastNewStakeholder: r.date('Last New Stakeholder'),
    lastProcurementContact: r.date('Last Procurement Contact'),
    nextStep: r.text('Next Step'),
    nextStepDue: r.date('Next Step Due'),
    notes: r.text('Notes'),
  };
}
