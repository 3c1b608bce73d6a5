/**
 * The one write rule: a string is stored as the text it is. Checked as a
 * property (any string survives) and against the emulator's model of how
 * Sheets reads a written value.
 */
import fc from 'fast-check';
import vm from 'node:vm';
import {createEmulator} from '../../emulator';
import {looksLikeFormula, safeCell, safeRows} from '../../src/domain/safe-text';

/** Writes through the emulator's Range.setValues and reads back value and formula. */
function roundTrip(value: unknown): {value: unknown; formula: string} {
  const emulator = createEmulator();
  const sheet = emulator.spreadsheet.exposed().getSheets()[0];
  const range = sheet.getRange(1, 1);
  range.setValues([[safeCell(value)]]);
  return {value: range.getValue(), formula: range.getFormula()};
}

describe('safeCell', () => {
  it.each([
    '=IMPORTDATA("http://x")',
    '+1+1',
    '-5',
    '@SUM(A1)',
    '  =1',
    "'quoted",
    '00123',
  ])('stores %j as exactly that text, never a formula', text => {
    expect(roundTrip(text)).toEqual({value: text, formula: ''});
  });

  it('stores any string as the text it is', () => {
    fc.assert(
      fc.property(fc.string({minLength: 1}), text => {
        const got = roundTrip(text);
        return got.value === text && got.formula === '';
      }),
      {numRuns: 300},
    );
  });

  it('passes numbers, booleans and dates as they are', () => {
    const date = new Date(2026, 10, 20);
    expect(safeCell(-5)).toBe(-5);
    expect(safeCell(false)).toBe(false);
    expect(safeCell(date)).toBe(date);
    expect(roundTrip(-5)).toEqual({value: -5, formula: ''});
  });

  it('passes a date from another realm (a vm context) as a date', () => {
    const foreign = vm.runInNewContext('new Date(2026, 9, 5)') as Date;
    expect(safeCell(foreign)).toBe(foreign);
  });

  it('turns null, undefined, NaN and Infinity into an empty cell', () => {
    expect([null, undefined, NaN, Infinity, ''].map(safeCell)).toEqual([
      '',
      '',
      '',
      '',
      '',
    ]);
  });

  it('makes every cell of a block safe', () => {
    expect(safeRows([['=1', 2]])).toEqual([["'=1", 2]]);
  });

  it('knows what Sheets would evaluate', () => {
    expect(['=A1', ' +1', '-x', '@y'].every(looksLikeFormula)).toBe(true);
    expect(['a=b', '5', "'=1"].some(looksLikeFormula)).toBe(false);
  });
});
