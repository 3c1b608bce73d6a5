/**
 * Reads the one formula shape the preview computes: a call of one function
 * whose arguments are references and literals, as RevOps writes them:
 * `=FORECAST_VARIANCE(C2:C8, D2:D8)`, `=GATE_CHECK(Deals!A1:AD, "2026-11-20")`,
 * `=RECOVERY_TARGET('Forecast tab'!A2:A, TRUE, 12, )`. Anything else (nested
 * calls, operators, arrays) is left to Sheets.
 */
import {columnLetter} from '../../emulator/spreadsheet';

export type FormulaArg =
  | {kind: 'ref'; sheet?: string; a1: string}
  | {kind: 'literal'; value: string | number | boolean}
  | {kind: 'omitted'};

export interface FormulaCall {
  name: string;
  args: FormulaArg[];
}

const CELL = String.raw`\$?[A-Za-z]{1,3}\$?\d*`;
const REF = new RegExp(`^(?:(${CELL})(?::(${CELL}))?)`);
const SHEET = /^(?:'((?:[^']|'')+)'|([A-Za-z_][\w.]*))!/;

/** The call, or undefined when the formula is not one function over references and literals. */
export function parseFormula(formula: string): FormulaCall | undefined {
  const head = /^=\s*([A-Za-z_][\w.]*)\s*\(/.exec(formula);
  if (!head) return undefined;
  let rest = formula.slice(head[0].length);
  const args: FormulaArg[] = [];
  const skip = () => {
    rest = rest.replace(/^\s+/, '');
  };
  for (;;) {
    skip();
    if (rest.startsWith(')') && args.length === 0) {
      rest = rest.slice(1);
      break;
    }
    const arg = readArg();
    if (!arg) return undefined;
    args.push(arg);
    skip();
    if (rest.startsWith(',')) {
      rest = rest.slice(1);
      continue;
    }
    if (rest.startsWith(')')) {
      rest = rest.slice(1);
      break;
    }
    return undefined;
  }
  return rest.trim() === '' ? {name: head[1].toUpperCase(), args} : undefined;

  function readArg(): FormulaArg | undefined {
    if (rest.startsWith(',') || rest.startsWith(')')) return {kind: 'omitted'};
    const text = /^"((?:[^"]|"")*)"/.exec(rest);
    if (text) {
      rest = rest.slice(text[0].length);
      return {kind: 'literal', value: text[1].replace(/""/g, '"')};
    }
    const number = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?(%?)(?=\s*[,)])/i.exec(
      rest,
    );
    if (number) {
      rest = rest.slice(number[0].length);
      const value = Number(number[0].replace('%', ''));
      return {kind: 'literal', value: number[3] ? value / 100 : value};
    }
    const bool = /^(TRUE|FALSE)(?=\s*[,)])/i.exec(rest);
    if (bool) {
      rest = rest.slice(bool[0].length);
      return {kind: 'literal', value: bool[1].toUpperCase() === 'TRUE'};
    }
    const sheet = SHEET.exec(rest);
    const after = sheet ? rest.slice(sheet[0].length) : rest;
    const ref = REF.exec(after);
    if (!ref || !/^\s*[,)]/.test(after.slice(ref[0].length))) return undefined;
    // A bare name like "A" is a named range, not a reference: Sheets' job.
    if (!ref[2] && !/\d$/.test(ref[1])) return undefined;
    rest = after.slice(ref[0].length);
    const name = sheet
      ? (sheet[1]?.replace(/''/g, "'") ?? sheet[2])
      : undefined;
    return {
      kind: 'ref',
      sheet: name,
      a1: ref[0].replace(/\$/g, '').toUpperCase(),
    };
  }
}

const columnNumber = (letters: string) =>
  [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/**
 * The reference cut to the sheet's grid (`Deals!A1:AD` on a 25-column tab
 * reads A1:Y1000), so the README's whole-table examples work on any tab;
 * undefined when it starts outside the grid. Whether Sheets cuts or refuses
 * a reference past the grid could not be checked here: the cells past it
 * would be blank either way, and the functions ignore blank columns.
 */
export function clampA1(
  a1: string,
  maxRows: number,
  maxColumns: number,
): string | undefined {
  const m = /^([A-Z]+)(\d*)(?::([A-Z]+)(\d*))?$/.exec(a1);
  if (!m) return undefined;
  const [, c1, r1, c2 = c1, r2 = r1] = m;
  const first = {row: r1 ? Number(r1) : 1, column: columnNumber(c1)};
  if (first.row > maxRows || first.column > maxColumns) return undefined;
  const lastColumn = Math.min(columnNumber(c2), maxColumns);
  const lastRow = Math.min(r2 ? Number(r2) : maxRows, maxRows);
  if (!m[3] && r1) return a1;
  return `${c1}${first.row}:${columnLetter(lastColumn)}${lastRow}`;
}
