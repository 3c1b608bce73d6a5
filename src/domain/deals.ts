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
import {quoted} from './words';
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
  | 'Notes'
  | 'Created On';

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
  createdOn?: WallTime;
}

/** What a formula's deals argument must be, said wherever it is not. */
export const PASS_DEALS =
  'pass the whole Deals table with its header row, e.g. Deals!A1:AD';

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
  // Stage decides what a Salesforce "Closed" category means.
  const wanted = [...required, ...optional];
  if (wanted.includes('Forecast Category')) wanted.push('Stage');
  const found = locateColumns(headerRow, [...new Set(wanted)], 'Deals');
  const columns = {} as DealColumns;
  for (const h of DEAL_HEADERS) columns[h] = found[h] ?? -1;
  const missing = required.filter(h => columns[h] < 0);
  if (missing.length > 0) {
    const noneFound = missing.length === required.length;
    throw new InputError(
      `missing header${missing.length > 1 ? 's' : ''} ${quoted(missing)}` +
        (noneFound ? `; ${PASS_DEALS}` : ''),
    );
  }
  return columns;
}

/** True when every cell of the row is blank: the trailing rows of a whole-column range. */
export function isBlankRow(row: readonly unknown[]): boolean {
  for (let i = 0; i < row.length; i++) if (!isBlank(row[i])) return false;
  return true;
}

/** Every spelling of a category a person may type, by its header key; built per table, not at load. */
function categoriesByKey(): Map<string, ForecastCategory> {
  return new Map<string, ForecastCategory>([
    ...FORECAST_CATEGORIES.map(c => [headerKey(c), c] as const),
    ['won', 'Closed Won'],
    ['lost', 'Closed Lost'],
  ]);
}

/**
 * The CRM categories that need the deal's stage: Salesforce's "Closed" is won
 * or lost by stage; Salesforce's "Omitted" and HubSpot's "Not forecasted" are
 * neither Commit nor Best Case, so an open one reads as Pipeline (and a
 * closed-lost stage, Salesforce's default for Omitted, as Closed Lost).
 */
function categoryByStage(
  key: string,
  stage: unknown,
): ForecastCategory | undefined {
  if (key !== 'closed' && key !== 'omitted' && key !== 'notforecasted')
    return undefined;
  const s = headerKey(stage);
  if (/^(closed)?won$/.test(s)) return 'Closed Won';
  if (/^(closed)?lost$/.test(s)) return 'Closed Lost';
  return key === 'closed' ? undefined : 'Pipeline';
}
// The dropdown's own spellings, found without normalising: nearly every row.
const isExactCategory = (value: string): value is ForecastCategory =>
  (FORECAST_CATEGORIES as readonly string[]).includes(value);

export function isCommit(category: ForecastCategory | ''): boolean {
  return category === 'Commit';
}

/** Open: not closed won or lost (a blank category counts as open pipeline). */
export function isOpen(category: ForecastCategory | ''): boolean {
  return category !== 'Closed Won' && category !== 'Closed Lost';
}

const TICKED = /^(true|yes|y|x|✓|✔|1|done|documented)$/i;
const UNTICKED = /^(false|no|n|0|-|–|none|missing|todo|tbd|n\/a)$/i;

/** Refuses a cell by its row: `Amount is "n/a", not a number`. */
export function fail(
  header: string,
  value: unknown,
  expected: string,
  row: number,
  clock?: WallClock,
): never {
  throw new InputError(
    `${header} is ${show(value, clock)}, not ${expected}`,
    row,
  );
}

function dateOf(
  header: DealHeader,
  value: unknown,
  row: number,
  clock: WallClock,
): WallTime | undefined {
  if (isBlank(value)) return undefined;
  return toWallTime(value, clock) ?? fail(header, value, 'a date', row, clock);
}

function numberOf(
  header: DealHeader,
  value: unknown,
  row: number,
  clock: WallClock,
) {
  if (isBlank(value)) return undefined;
  return toNumber(value) ?? fail(header, value, 'a number', row, clock);
}

/** A checkbox: TRUE/FALSE, yes/no, 1/0; anything else is refused rather than guessed. */
function checkboxOf(
  header: DealHeader,
  value: unknown,
  row: number,
  clock: WallClock,
  orLink = false,
): boolean {
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
  return fail(
    header,
    value,
    orLink ? 'a checkbox or a link' : 'a checkbox (TRUE or FALSE)',
    row,
    clock,
  );
}

/** Fills a Deal's field from its cell; may throw an InputError naming the row. */
type FieldReader = (
  deal: Deal,
  value: unknown,
  row: number,
  cells: readonly unknown[],
) => void;

/**
 * How each header fills a Deal, in the order cells are checked (so the
 * first refusal of a row is always the same one).
 */
function fieldReaders(
  category: CategoryReader,
  clock: WallClock,
  categoryAt: number,
): Array<[DealHeader, FieldReader]> {
  // A date column: its cell read as a calendar day on the spreadsheet's clock.
  const date = (
    header: DealHeader,
    set: (deal: Deal, day: ReturnType<typeof dateOf>) => void,
  ): [DealHeader, FieldReader] => [
    header,
    (d, v, row) => set(d, dateOf(header, v, row, clock)),
  ];
  const readers: Array<[DealHeader, FieldReader]> = MEDDPICC.map(e => [
    e,
    (d, v, row) => {
      d.meddpicc[e] = checkboxOf(e, v, row, clock);
    },
  ]);
  readers.push(
    ['Deal ID', (d, v) => (d.dealId = toText(v))],
    ['Deal', (d, v) => (d.deal = toText(v))],
    ['Owner', (d, v) => (d.owner = toText(v))],
    ['Amount', (d, v, row) => (d.amount = numberOf('Amount', v, row, clock))],
    ['Stage', (d, v) => (d.stage = toText(v))],
    [
      'Forecast Category',
      (d, _v, row, cells) => (d.category = category(cells, categoryAt, row)),
    ],
    date('Close Date', (d, day) => (d.closeDate = day)),
    date('Committed Close Date', (d, day) => (d.committedCloseDate = day)),
    ['Economic Buyer Name', (d, v) => (d.economicBuyerName = toText(v))],
    date('EB Confirmed On', (d, day) => (d.ebConfirmedOn = day)),
    [
      'Paper Process Map',
      (d, v, row) =>
        (d.paperProcessMap = checkboxOf(
          'Paper Process Map',
          v,
          row,
          clock,
          true,
        )),
    ],
    date('Last Champion Reply', (d, day) => (d.lastChampionReply = day)),
    date('Last New Stakeholder', (d, day) => (d.lastNewStakeholder = day)),
    date(
      'Last Procurement Contact',
      (d, day) => (d.lastProcurementContact = day),
    ),
    ['Next Step', (d, v) => (d.nextStep = toText(v))],
    date('Next Step Due', (d, day) => (d.nextStepDue = day)),
    ['Notes', (d, v) => (d.notes = toText(v))],
    date('Created On', (d, day) => (d.createdOn = day)),
  );
  return readers;
}

/** Reads the forecast category in cells[at] (blank, or no column: ""). */
export type CategoryReader = (
  cells: readonly unknown[],
  at: number,
  row: number,
) => ForecastCategory | '';

/** A category reader, built once per table (its spellings map is not built at load); stageAt: the Stage column, -1 when absent. */
export function categoryReader(clock: WallClock, stageAt = -1): CategoryReader {
  const byKey = categoriesByKey();
  return (cells, at, row) => {
    if (at < 0) return '';
    const value = cells[at];
    if (typeof value === 'string' && isExactCategory(value)) return value;
    if (isBlank(value)) return '';
    const key = typeof value === 'string' ? headerKey(value) : '';
    const category =
      byKey.get(key) ?? categoryByStage(key, stageAt < 0 ? '' : cells[stageAt]);
    return (
      category ??
      fail(
        'Forecast Category',
        value,
        key === 'closed'
          ? 'won or lost by its Stage'
          : `one of ${FORECAST_CATEGORIES.join(', ')}`,
        row,
        clock,
      )
    );
  };
}

/** Reads one data row into a Deal; a category the caller already read is not read again. */
export type DealReader = (
  cells: readonly unknown[],
  row: number,
  category?: ForecastCategory | '',
) => Deal;

/**
 * The row reader of a table, built once per table: it reads only the
 * located columns, each by its index. An absent column reads as blank
 * (unticked, no date, no text).
 */
export function dealReader(
  columns: DealColumns,
  clock: WallClock,
  category: CategoryReader = categoryReader(clock, columns.Stage),
): DealReader {
  // Parallel arrays of column index and reader: the per-cell loop stays plain.
  const indexed = (readers: Array<[DealHeader, FieldReader]>) => {
    const wanted = readers.filter(([h]) => columns[h] >= 0);
    return {
      at: wanted.map(([h]) => columns[h]),
      read: wanted.map(([, read]) => read),
    };
  };
  const all = fieldReaders(category, clock, columns['Forecast Category']);
  const located = indexed(all);
  const known = indexed(all.filter(([h]) => h !== 'Forecast Category'));
  const unticked = {} as Record<MeddpiccElement, boolean>;
  for (const element of MEDDPICC) unticked[element] = false;
  return (cells, row, given) => {
    const wanted = given === undefined ? located : known;
    const meddpicc = {...unticked};
    const deal: Deal = {
      row,
      dealId: '',
      deal: '',
      owner: '',
      amount: undefined,
      stage: '',
      category: given ?? '',
      closeDate: undefined,
      committedCloseDate: undefined,
      meddpicc,
      economicBuyerName: '',
      ebConfirmedOn: undefined,
      paperProcessMap: false,
      lastChampionReply: undefined,
      lastNewStakeholder: undefined,
      lastProcurementContact: undefined,
      nextStep: '',
      nextStepDue: undefined,
      notes: '',
      createdOn: undefined,
    };
    const {at, read} = wanted;
    for (let i = 0; i < at.length; i++) read[i](deal, cells[at[i]], row, cells);
    return deal;
  };
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
  return dealReader(columns, clock)(cells, row);
}
