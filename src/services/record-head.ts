/**
 * Where the record's head is kept: the script properties, one entry per
 * spreadsheet (keyed by its ID). Not the document properties: the scheduled
 * snapshot may run with no current document, where getDocumentProperties()
 * is null (PropertiesService reference: "When document properties are not
 * available this method returns null"; the emulator, test/emulator/
 * no-document.test.ts), and the head must be read and written by the same
 * run that appends, under its lock. An entry is about 150 bytes of the
 * store's 500 KB.
 */
import type {LocalDate} from '../domain/calendar';
import {isDate, toNumber} from '../domain/cells';
import {
  lostRows,
  mergeLost,
  missingRows,
  parseHead,
  type LostRow,
  type RecordHead,
} from '../domain/record-head';
import {DELIVERY_LOG} from '../domain/workbook';
import {findTab, readTable} from './tables';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The head and the key it is kept under (the spreadsheet's ID asked once per run). */
export function readHead(spreadsheet: Spreadsheet): {
  key: string;
  head: RecordHead | undefined;
} {
  const key = `recordHead:${spreadsheet.getId()}`;
  return {
    key,
    head: parseHead(PropertiesService.getScriptProperties().getProperty(key)),
  };
}

/** The caller holds the document lock, as for the append the head follows. */
export function writeHead(key: string, head: RecordHead): void {
  PropertiesService.getScriptProperties().setProperty(
    key,
    JSON.stringify(head),
  );
}

/**
 * Each Scorecard row's week as the Delivery Log recorded it when the row was
 * emailed. A tab deleted and set up again numbers its rows from 2 again, so
 * of the weeks logged for a row the latest up to the head's own is taken.
 */
function loggedWeeks(
  spreadsheet: Spreadsheet,
  localDate: (d: Date) => LocalDate,
  upTo: LocalDate | '',
): (row: number) => LocalDate | undefined {
  const sheet = findTab(spreadsheet, DELIVERY_LOG.name);
  if (!sheet) return () => undefined;
  const weeks = new Map<number, LocalDate>();
  for (const {record} of readTable(spreadsheet, DELIVERY_LOG, {sheet}).rows) {
    const row = toNumber(record['Scorecard Row']);
    const cell = record['Week Ending'];
    if (row === undefined || !isDate(cell)) continue;
    const week = localDate(cell);
    const known = weeks.get(row);
    if ((!upTo || week <= upTo) && (!known || week > known))
      weeks.set(row, week);
  }
  return row => weeks.get(row);
}

/**
 * The rows deleted from the end of the record: found now (named from the
 * head and the Delivery Log) and found before (kept in the head).
 */
export function deletedRows(
  spreadsheet: Spreadsheet,
  head: RecordHead | undefined,
  chains: readonly string[],
  localDate: (d: Date) => LocalDate,
): {found: LostRow[]; all: LostRow[]} {
  if (!head) return {found: [], all: []};
  const missing = missingRows(head, chains);
  const found = missing.length
    ? lostRows(head, missing, loggedWeeks(spreadsheet, localDate, head.week))
    : [];
  return {found, all: mergeLost(head.lost, found)};
}
