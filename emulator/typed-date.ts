/**
 * A date typed as text: Range.setValue("2026-11-20") is parsed as if a person
 * typed it (USER_ENTERED), and Sheets reads an ISO date as a date in every
 * locale. The cell then holds a calendar day, which Apps Script hands back as
 * the instant of midnight in the spreadsheet's time zone. Other date spellings
 * depend on the locale and stay text here (stricter).
 */
import {zonedInstant} from './format-date';

const ISO_DAY = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/;

export function typedDate(text: string, timeZone: string): Date | undefined {
  const m = ISO_DAY.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d)
    return undefined;
  return zonedInstant(timeZone, y, mo, d);
}
