/**
 * The Monday early-warning note to the CRO and the CMO: the sentences of
 * what turned, then the weekly table, as plain text and as HTML (every
 * value escaped).
 */
import {escapeHtml} from '../html';
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

export function earlyWarningNote(
  r: IndicatorWeeks,
  note: string,
  spreadsheetName: string,
): {subject: string; body: string; htmlBody: string} {
  const rows = indicatorTable(r, note).map((line, i) =>
    line.map((v, c) => (i === 0 ? String(v) : shown(v, c))),
  );
  const sentences = r.turned.map(t => t.sentence);
  const subject = `Early warning: ${r.turned.length === 1 ? 'a leading indicator' : `${r.turned.length} leading indicators`} turned in ${spreadsheetName}`;
  const body = `${sentences.join('\n')}\n\nLeading indicators, last ${rows.length - 1} weeks:\n${rows.map(l => l.join(' | ')).join('\n')}\n`;
  const cell = (tag: string, v: string) => `<${tag}>${escapeHtml(v)}</${tag}>`;
  const htmlBody =
    sentences.map(s => cell('p', s)).join('') +
    `<table border="1" cellpadding="4" style="border-collapse:collapse">${rows
      .map(
        (l, i) =>
          `<tr>${l.map(v => cell(i === 0 ? 'th' : 'td', v)).join('')}</tr>`,
      )
      .join('')}</table>`;
  return {subject, body, htmlBody};
}
