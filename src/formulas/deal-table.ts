/**
 * Whole Deals tables as custom-function arguments: header row included,
 * columns located by name once per call, one result row per input row with
 * the header row's cell holding the result's title, blank rows giving "".
 */
import {
  categoryReader,
  dealReader,
  isBlankRow,
  locateDealColumns,
  PASS_DEALS,
  type CategoryReader,
  type Deal,
  type DealColumns,
  type DealHeader,
  type DealReader,
  type ForecastCategory,
} from '../domain/deals';
import {isBlank, show} from '../domain/cells';
import type {WallClock} from '../domain/wall-clock';
import {asRows, formulaError, isGrid, type Arg} from './args';

export interface DealTable {
  rows: unknown[][];
  columns: DealColumns;
  /** Readers built once for this table's columns. */
  category: CategoryReader;
  read: DealReader;
}

/** Sheet row of data row i (0-based, header excluded): the header sits in row 1. */
export const sheetRow = (i: number) => i + 2;

/** The table argument with its wanted headers located; throws on a scalar or a missing header. */
export function readDealTable(
  fn: string,
  deals: Arg,
  clock: WallClock,
  required: readonly DealHeader[],
  optional: readonly DealHeader[] = [],
): DealTable {
  if (!isGrid(deals) || deals.length === 0) {
    throw formulaError(fn, `deals is ${show(deals)}; ${PASS_DEALS}`);
  }
  const all = asRows(deals);
  const columns = locateDealColumns(all[0], required, optional);
  const category = categoryReader(clock, columns.Stage);
  return {
    columns,
    rows: all.slice(1),
    category,
    read: dealReader(columns, clock, category),
  };
}

/**
 * One result per row under a title: [[title], [r1], [r2], …]; blank rows
 * and rows whose category `include` rejects (closed deals) stay blank.
 */
export function mapDeals(
  title: string,
  table: DealTable,
  visit: (deal: Deal) => string,
  include: (category: ForecastCategory | '') => boolean = () => true,
): string[][] {
  const out: string[][] = new Array(table.rows.length + 1);
  out[0] = [title];
  table.rows.forEach((cells, i) => {
    out[i + 1] = [visitRow(table, cells, i, visit, include) ?? ''];
  });
  return out;
}

/** Visits every non-blank row whose category passes `include`, for aggregates. */
export function eachDeal(
  table: DealTable,
  include: (category: ForecastCategory | '') => boolean,
  visit: (deal: Deal) => void,
): void {
  table.rows.forEach((cells, i) => visitRow(table, cells, i, visit, include));
}

function visitRow<T>(
  table: DealTable,
  cells: unknown[],
  i: number,
  visit: (deal: Deal) => T,
  include: (category: ForecastCategory | '') => boolean,
): T | undefined {
  const row = sheetRow(i);
  const at = table.columns['Forecast Category'];
  // The category first: a filled one means the row is not blank, and rows that
  // do not count are not parsed (nor refused) further. Only a row without one
  // is scanned for blankness.
  if ((at < 0 || isBlank(cells[at])) && isBlankRow(cells)) return undefined;
  const category = table.category(cells, at, row);
  if (!include(category)) return undefined;
  return visit(table.read(cells, row, category));
}
