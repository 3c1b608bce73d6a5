/**
 * What Sheets accepts back from a custom function ("Custom Functions in
 * Google Sheets", Data types: https://developers.google.com/apps-script/guides/sheets/functions#data_types):
 * one value or a two-dimensional array of values, each a number, a string,
 * a boolean, a Date or a blank. Anything else shows as an error in the cell
 * instead of a value. Sheets' exact reaction to some of these is not
 * documented; where it is not, the emulator takes the stricter reading and
 * refuses the result:
 * - NaN, Infinity and -Infinity: #NUM! in Sheets (a number it cannot hold);
 * - undefined, a function, a symbol, a bigint, an object that is not a Date,
 *   an invalid Date or one outside the years 1–9999 Sheets can show;
 * - an array that is not a non-empty grid of rows of one width (a ragged or
 *   empty result, a one-dimensional array, an array nested three deep).
 * A blank is "" or null (Sheets leaves the cell empty).
 */
import {columnLetter} from './spreadsheet';

const tagOf = (v: unknown) => Object.prototype.toString.call(v);

/** Years a spreadsheet cell can hold as a date: four digits. */
const FIRST_YEAR = 1;
const LAST_YEAR = 9999;

/** Why Sheets would not take one cell's value, or undefined when it would. */
function cellProblem(value: unknown): string | undefined {
  if (value === null || value === '') return undefined;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return undefined;
    case 'number':
      return Number.isFinite(value)
        ? undefined
        : `${String(value)} (Sheets shows #NUM!)`;
    case 'undefined':
      return 'undefined (not a value Sheets can show)';
    case 'object': {
      if (tagOf(value) === '[object Date]') {
        const date = value as Date;
        const year = date.getUTCFullYear();
        if (Number.isNaN(date.getTime())) return 'an invalid Date';
        if (year < FIRST_YEAR || year > LAST_YEAR)
          return `a Date in the year ${year}, outside the years ${FIRST_YEAR}–${LAST_YEAR} a cell holds`;
        return undefined;
      }
      if (Array.isArray(value)) return 'an array nested inside a cell';
      return `an object ${tagOf(value)} (Sheets shows #ERROR!)`;
    }
    default:
      return `a ${typeof value} (not a value Sheets can show)`;
  }
}

/**
 * The first reason Sheets would not take `result` as a custom function's
 * return value, or undefined when it would. Cells are named A1-style
 * relative to the formula's cell (A1 = the formula's own cell).
 */
export function customFunctionResultProblem(
  result: unknown,
): string | undefined {
  if (!Array.isArray(result)) {
    const problem = cellProblem(result);
    return problem && `the result is ${problem}`;
  }
  if (result.length === 0) return 'the result is an empty array';
  let width: number | undefined;
  for (let r = 0; r < result.length; r++) {
    const row: unknown = result[r];
    if (!Array.isArray(row))
      return `row ${r + 1} of the result is not an array: a result is a value or a two-dimensional array`;
    if (row.length === 0) return `row ${r + 1} of the result is empty`;
    width ??= row.length;
    if (row.length !== width)
      return `the result is ragged: row ${r + 1} has ${row.length} cells, row 1 has ${width}`;
    for (let c = 0; c < row.length; c++) {
      const problem = cellProblem(row[c]);
      if (problem) return `cell ${cellName(r, c)} of the result is ${problem}`;
    }
  }
  return undefined;
}

const cellName = (row: number, col: number) =>
  `${columnLetter(col + 1)}${row + 1}`;

/**
 * Throws what the cell would show instead of a value: the emulator's stand-in
 * for Sheets refusing the result. The message starts "Sheets cannot show", so
 * no test can mistake it for the add-on's own "FN: …" errors.
 */
export function checkCustomFunctionResult<T>(name: string, result: T): T {
  const problem = customFunctionResultProblem(result);
  if (problem)
    throw new Error(`Sheets cannot show what ${name} returned: ${problem}`);
  return result;
}
