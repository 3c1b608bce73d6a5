/**
 * How Sheets reads text written into a cell, in the en_US locale: the
 * USER_ENTERED rule ("values are parsed as if the user typed them into the
 * UI", Sheets API ValueInputOption), which Range.setValue(s) and typing both
 * follow. "12%" is 0.12 shown as a percentage, "$1,200" is 1200 shown as
 * currency, "1,200" is 1200 with a thousands separator, "TRUE" is a boolean.
 * Anything else stays text. (A leading "'" keeps text as text: parseWritten.)
 */

export interface TypedValue {
  value: number | boolean;
  /** The number format Sheets gives the cell when it had none. */
  format?: string;
}

const PLAIN = /^(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
const GROUPED = /^\d{1,3}(,\d{3})+(\.\d*)?$/;

/** A bare or grouped en_US number ("1200", "1,200.5"), and whether it had groups and decimals. */
function unsigned(
  text: string,
): {value: number; grouped: boolean; decimals: boolean} | undefined {
  const grouped = GROUPED.test(text);
  if (!grouped && !PLAIN.test(text)) return undefined;
  return {
    value: Number(text.replace(/,/g, '')),
    grouped,
    decimals: /\.\d/.test(text),
  };
}

/** The number or boolean Sheets makes of typed text, or undefined when it stays text. */
export function parseTyped(input: string): TypedValue | undefined {
  const text = input.trim();
  if (/^(true|false)$/i.test(text)) return {value: /^t/i.test(text)};
  const m = /^([-+]?)(\$?)\s*([-+]?)([\d.,eE+-]+?)\s*(%?)$/.exec(text);
  if (!m) return undefined;
  const [, sign1, dollar, sign2, digits, percent] = m;
  if ((sign1 && sign2) || (dollar && percent)) return undefined;
  if (sign2 && !dollar) return undefined;
  const n = unsigned(digits);
  if (!n || !Number.isFinite(n.value)) return undefined;
  const negative = (sign1 || sign2) === '-';
  const signed = negative ? -n.value : n.value;
  const places = n.decimals ? '.00' : '';
  if (percent) return {value: signed / 100, format: `0${places}%`};
  if (dollar) return {value: signed, format: `$#,##0${places}`};
  if (n.grouped) return {value: signed, format: `#,##0${places}`};
  return {value: signed};
}
