/**
 * Where the record's head is kept: in the spreadsheet itself, as
 * spreadsheet-level developer metadata only this project can see or change
 * (DeveloperMetadataVisibility.PROJECT). It is in no sheet, so deleting or
 * recreating the Scorecard tab leaves it; it travels with the file and is
 * read through openById by the scheduled run, which has no current document
 * (so no document properties: getDocumentProperties() is null there). Not
 * the script properties: one 500 KB store shared by every installation of
 * the add-on, which a few thousand workbooks would fill. PROJECT metadata is
 * no secret (the reference: "can be exposed to users with view access"), but
 * another project cannot write it, and only it is read: a DOCUMENT entry
 * under the same key, which any script with edit access could add, is not.
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

const KEY = 'recordHead';

export interface StoredHead {
  head: RecordHead | undefined;
  /** Writes the head if it changed (the caller holds the lock of the append it follows). */
  write: (head: RecordHead) => void;
}

/**
 * The head, from the metadata; else from the script properties where the
 * version before kept it (keyed by the spreadsheet's ID), moved into the
 * metadata at the first write and deleted there.
 */
export function readHead(spreadsheet: Spreadsheet): StoredHead {
  const project = SpreadsheetApp.DeveloperMetadataVisibility.PROJECT;
  // One call for the list (usually just the head, or nothing), fewer than a finder's chain.
  const slot = spreadsheet
    .getDeveloperMetadata()
    .find(m => m.getKey() === KEY && m.getVisibility() === project);
  const legacy = `${KEY}:${slot ? '' : spreadsheet.getId()}`;
  const text = slot
    ? slot.getValue()
    : PropertiesService.getScriptProperties().getProperty(legacy);
  return {
    head: parseHead(text),
    write: head => {
      const value = JSON.stringify(head);
      if (slot) {
        if (value !== text) slot.setValue(value);
      } else {
        spreadsheet.addDeveloperMetadata(KEY, value, project);
        // Moved: the metadata, read first, is the head from now on.
        if (text !== null)
          PropertiesService.getScriptProperties().deleteProperty(legacy);
      }
    },
  };
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

/** The head before a write and the rows it finds deleted: read under the lock of the append. */
export interface HeadBefore {
  stored: StoredHead;
  /** Every row known deleted (kept in the head), and those found just now. */
  lost: LostRow[];
  found: LostRow[];
}

/**
 * The head, and the rows deleted from the end of the record: found now
 * (named from the head and the Delivery Log) and found before (kept in it).
 */
export function headBefore(
  spreadsheet: Spreadsheet,
  rows: readonly {chain: string}[],
  localDate: (d: Date) => LocalDate,
): HeadBefore {
  const stored = readHead(spreadsheet);
  const {head} = stored;
  const missing = head
    ? missingRows(
        head,
        rows.map(r => r.chain),
      )
    : [];
  const found = missing.length
    ? lostRows(head!, missing, loggedWeeks(spreadsheet, localDate, head!.week))
    : [];
  return {stored, found, lost: mergeLost(head?.lost, found)};
}
