/**
 * The one rule for writing a value into a cell: user text is stored as the
 * text it is, never as a formula. Sheets reads a written string the way it
 * reads typing: "=…" is a formula, "+…", "-…" and "@…" are formulas too, and
 * "-5", "00123", "TRUE" or "3/4" turn into numbers, booleans or dates. A
 * leading apostrophe makes Sheets keep the rest as text (and hides the
 * apostrophe), so every non-empty string gets one.
 */
import {isDate} from './cells';

/** What a write hands to Range.setValues. */
export type CellInput = string | number | boolean | Date;

/** Whether Sheets would evaluate this text as a formula if it were written as it is. */
export function looksLikeFormula(text: string): boolean {
  return /^\s*[=+\-@]/.test(text);
}

/**
 * A value safe to write: strings become forced text ("'" + text), so
 * `=IMPORTDATA("http://x")` is stored as that text and "'quoted" keeps its
 * apostrophe; numbers, booleans and dates pass as they are; null, undefined
 * and non-finite numbers become an empty cell.
 */
export function safeCell(value: unknown): CellInput {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  if (typeof value === 'boolean') return value;
  if (isDate(value)) return isNaN(value.getTime()) ? '' : value;
  const text = String(value);
  return text === '' ? '' : `'${text}`;
}

/** A whole block of rows made safe (see safeCell). */
export function safeRows(rows: readonly (readonly unknown[])[]): CellInput[][] {
  return rows.map(row => row.map(safeCell));
}
