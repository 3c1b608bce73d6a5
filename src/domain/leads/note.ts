/**
 * The Monday early-warning note to the CRO and the CMO: the sentences of
 * what turned, then the weekly table, in plain text (nothing to escape;
 * lean in the bundle).
 */
import {money} from '../miss';
import {percent} from '../words';
import {indicatorTable, type IndicatorWeeks} from './indicators';

/** A cell as the note shows it: by column (2: share, 4 and 5: money). */
function shown(value: unknown, column: number): string {
  if (typeof value !== 'number') return String(value);
  if (column === 2) return percent(value);
  if (column > 3) return money(value);
  return String(Number(value.toFixed(1)));
}

/** The weekly table as lines of text, header first (the monthly scorecard shows it too). */
export const indicatorLines = (r: IndicatorWeeks, note: string) =>
  indicatorTable(r, note).map((line, i) =>
    line.map((v, c) => (i === 0 ? String(v) : shown(v, c))).join(' | '),
  );

export function earlyWarningNote(
  r: IndicatorWeeks,
  note: string,
  spreadsheetName: string,
): {subject: string; body: string} {
  const rows = indicatorLines(r, note);
  const n = r.turned.length;
  return {
    subject: `Early warning: ${n === 1 ? 'a leading indicator' : `${n} leading indicators`} turned in ${spreadsheetName}`,
    body: `${r.turned.map(t => t.sentence).join('\n')}\n\nLeading indicators, last ${rows.length - 1} weeks:\n${rows.join('\n')}\n`,
  };
}
