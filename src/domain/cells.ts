/**
 * Reading single cells the way Sheets hands them to a custom function:
 * blanks arrive as "", dates as Date objects, numbers as numbers, checkboxes
 * as booleans, and anything typed by a person may arrive as text.
 */

import {isoDay, type WallClock, type WallTime} from './wall-clock';

export type Cell = string | number | boolean | Date | null | undefined;

// Built-ins bound once: these run per cell, and in a sandbox whose global is
// intercepted (the bare-vm loader) every global lookup costs more than the work.
const toStringOf = Object.prototype.toString;
const finite = Number.isFinite;
const NativeDate = Date;

/** A Date from any realm (Apps Script, a vm context or Node): `instanceof` is realm-bound. */
export function isDate(value: unknown): value is Date {
  // typeof first: text, numbers and booleans (most cells) skip the slower tag test.
  return (
    typeof value === 'object' &&
    value !== null &&
    toStringOf.call(value) === '[object Date]'
  );
}

export function isBlank(value: unknown): boolean {
  return (
    value === '' ||
    value === null ||
    value === undefined ||
    (typeof value === 'string' && value.trim() === '')
  );
}

// How messages read date cells when the caller has no clock at hand (a
// number function given a date): the services install the spreadsheet's
// clock (services/clock.ts); pure code and tests fall back to UTC.
let messageClock: WallClock | undefined;

/** Sets the clock error messages read date cells with. */
export function showDatesWith(clock: WallClock | undefined): void {
  messageClock = clock;
}

/**
 * Quotes a value for an error message so a person can find it in the sheet:
 * a date cell as the spreadsheet shows it, text quoted and cut short.
 */
export function show(
  value: unknown,
  clock: WallClock | undefined = messageClock,
): string {
  if (isDate(value)) {
    if (isNaN(value.getTime())) return 'an invalid date';
    const wall = clock ? clock.wall(value) : value.getTime();
    // At a Date's outer limits the wall clock can fall outside a Date's range.
    if (!finite(new NativeDate(wall).getTime())) return value.toISOString();
    const time = new NativeDate(wall).toISOString().slice(11, 16);
    return time === '00:00' ? isoDay(wall) : `${isoDay(wall)} ${time}`;
  }
  // A pasted paragraph would drown the message: the start is enough to find the cell.
  if (typeof value === 'string') {
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}…` : value);
  }
  return String(value);
}

const NUMBER_TEXT =
  /^\(?[-+]?\$?\s*[-+]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?\s*([kKmMbB])?\s*%?\)?$/;
const SCALE: Record<string, number> = {k: 1e3, m: 1e6, b: 1e9};

/**
 * A number from a cell: numbers as they are; text such as "$1,200", "12%",
 * "(500)", "1.5M" when unambiguous. Returns undefined when it is not a number.
 */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return finite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (text === '' || !NUMBER_TEXT.test(text) || !/\d/.test(text))
    return undefined;
  const negative = /^\(.*\)$/.test(text) || /^\(?[-]|\$\s*-/.test(text);
  const scale = /[kKmMbB]/.exec(text);
  const percent = text.includes('%');
  if (scale && percent) return undefined;
  const digits = text.replace(/[()$,\s%+kKmMbB-]/g, '');
  if ((text.match(/[-+]/g) ?? []).length > 1) return undefined;
  let n = Number(digits);
  if (!finite(n)) return undefined;
  if (scale) n *= SCALE[scale[0].toLowerCase()];
  if (percent) n /= 100;
  return negative ? -n : n;
}

const ISO_DATE =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const US_DATE =
  /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const utc = NativeDate.UTC;

/**
 * Typed date text, ISO (2026-11-20) or US (11/20/2026), with an optional
 * time: already the spreadsheet's calendar day and clock, so no zone is
 * involved. Undefined when it is not a date.
 */
export function wallTimeOfText(value: string): WallTime | undefined {
  const text = value.trim();
  let m = ISO_DATE.exec(text);
  let y: number, mo: number, d: number;
  if (m) {
    [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  } else {
    m = US_DATE.exec(text);
    if (!m) return undefined;
    [mo, d, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  const [h, mi, s] = [Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0)];
  const wall = utc(y, mo - 1, d, h, mi, s);
  const date = new NativeDate(wall);
  const valid =
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === mo - 1 &&
    date.getUTCDate() === d &&
    h < 24 &&
    mi < 60 &&
    s < 60;
  return valid ? wall : undefined;
}

/**
 * A date from a cell on the spreadsheet's clock: a date cell (the instant
 * Sheets hands over) read with `clock`, typed text as typed. Undefined when
 * it is not a date.
 */
export function toWallTime(
  value: unknown,
  clock: WallClock,
): WallTime | undefined {
  if (isDate(value))
    return value.getTime() === value.getTime() ? clock.wall(value) : undefined;
  return typeof value === 'string' ? wallTimeOfText(value) : undefined;
}

/** A checkbox or yes/no cell: true, "TRUE", "yes", "y", "x", "✓" and 1 count as ticked. */
export function toFlag(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0 && finite(value);
  if (typeof value !== 'string') return false;
  return /^(true|yes|y|x|✓|✔|1|done|documented)$/i.test(value.trim());
}

/** Text of a cell, trimmed; dates as ISO dates. */
export function toText(value: unknown): string {
  // Text first: most cells read as text are text.
  if (typeof value === 'string') return value.trim();
  if (value === null || value === undefined) return '';
  if (isDate(value)) return isNaN(value.getTime()) ? '' : value.toISOString();
  return String(value).trim();
}

/** An instant to the whole second: what a date-time cell keeps exactly, so a value written reads back (and chains) the same. */
export const wholeSeconds = (d: Date) =>
  new Date(Math.floor(d.getTime() / 1000) * 1000);
