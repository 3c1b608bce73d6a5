/**
 * Whole Deals tables as custom-function arguments: header row included,
 * columns located by name once per call, one result row per input row with
 * the header row's cell holding the result's title, blank rows giving "".
 */
import {
  isBlankRow,
  locateDealColumns,
  parseDeal,
  readCategory,
  type Deal,
  type DealColumns,
  type DealHeader,
  type ForecastCategory,
} from '../domain/deals';
import {show} from '../domain/cells';
import type {WallClock} from '../domain/wall-clock';
import {asRows, formulaError, isGrid, type Arg} from './args';

export interface DealTable {
  rows: unknown[][];
  columns: DealColumns;
  /** The spreadsheet's clock, for the date cells. */
  clock: WallClock;
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
    throw formulaError(
      fn,
      `deals is ${show(deals)}; pass the whole Deals table with its header row, e.g. Deals!A1:AD`,
    );
  }
  const all = asRows(deals);
  return {
    columns: locateDealColumns(all[0], required, optional),
    rows: all.slice(1),
    clock,
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
  if (isBlankRow(cells)) return undefined;
  const row = sheetRow(i);
  // The category first: rows that do not count are not parsed (nor refused) further.
  if (!include(readCategory(cells, table.columns, row, table.clock)))
    return undefined;
  return visit(parseDeal(cells, table.columns, row, table.clock));
}
