/**
 * Custom-function results as Sheets takes them ("Custom Functions in Google
 * Sheets", Data types): a value or a rectangular 2D array of numbers, strings,
 * booleans, Dates or blanks. NaN and ±Infinity show #NUM!; undefined, objects,
 * ragged, empty or 1D arrays are refused too (undocumented: the stricter reading).
 */
import vm from 'node:vm';
import {createEmulator} from '../../emulator';
import {
  customFunctionResultProblem,
  checkCustomFunctionResult,
} from '../../emulator/custom-function-result';
import {loadBundle} from '../../emulator/loader';

describe('the values Sheets takes from a custom function', () => {
  it('takes numbers, text, booleans, Dates and blanks, alone or as a rectangular 2D array', () => {
    for (const ok of [
      0,
      -1.5,
      1e308,
      'text',
      '',
      null,
      true,
      new Date(2026, 10, 20),
      [[1, 'a', true, null, '', new Date(2026, 10, 20)]],
      [[1], [2], ['']],
    ])
      expect(customFunctionResultProblem(ok)).toBeUndefined();
  });

  it.each([
    [NaN, 'the result is NaN (Sheets shows #NUM!)'],
    [Infinity, 'the result is Infinity (Sheets shows #NUM!)'],
    [
      [[1, -Infinity]],
      'cell B1 of the result is -Infinity (Sheets shows #NUM!)',
    ],
    [undefined, 'the result is undefined (not a value Sheets can show)'],
    [
      [[1], [undefined]],
      'cell A2 of the result is undefined (not a value Sheets can show)',
    ],
    [{a: 1}, 'the result is an object [object Object] (Sheets shows #ERROR!)'],
    [new Date(NaN), 'the result is an invalid Date'],
    [
      new Date(8.64e15),
      'the result is a Date in the year 275760, outside the years 1–9999 a cell holds',
    ],
    [[], 'the result is an empty array'],
    [[[]], 'row 1 of the result is empty'],
    [
      [1, 2],
      'row 1 of the result is not an array: a result is a value or a two-dimensional array',
    ],
    [[[1, 2], [3]], 'the result is ragged: row 2 has 1 cells, row 1 has 2'],
    [[[[1]]], 'cell A1 of the result is an array nested inside a cell'],
    [() => 1, 'the result is a function (not a value Sheets can show)'],
  ])('refuses %p: %s', (value, problem) => {
    expect(customFunctionResultProblem(value)).toBe(problem);
  });

  it('names cells A1-style past column Z', () => {
    const row = Array.from({length: 28}, (_, i) => (i === 27 ? NaN : 1));
    expect(customFunctionResultProblem([row])).toBe(
      'cell AB1 of the result is NaN (Sheets shows #NUM!)',
    );
  });

  it('checkCustomFunctionResult passes a good result through and throws for a bad one', () => {
    expect(checkCustomFunctionResult('F', [[1]])).toEqual([[1]]);
    expect(() => checkCustomFunctionResult('F', NaN)).toThrow(
      'Sheets cannot show what F returned: the result is NaN (Sheets shows #NUM!)',
    );
  });
});

describe('the loader checks what a custom function returns, as Sheets does', () => {
  const code = `
    function GOOD() { return [[1, 'a']]; }
    function BAD_NUMBER(x) { return x / 0; }
    function BAD_SHAPE() { return [[1, 2], [3]]; }
    function MENU_ITEM() { return {ok: true}; }
  `;

  it('throws for NaN, Infinity and ragged arrays from a custom-function call', () => {
    const bundle = loadBundle(createEmulator(), code);
    const kind = {
      authMode: 'CUSTOM_FUNCTION',
      trigger: 'custom-function',
    } as const;
    expect(bundle.call('GOOD', [], kind)).toEqual([[1, 'a']]);
    expect(() => bundle.call('BAD_NUMBER', [1], kind)).toThrow(
      'Sheets cannot show what BAD_NUMBER returned: the result is Infinity (Sheets shows #NUM!)',
    );
    expect(() => bundle.call('BAD_SHAPE', [], kind)).toThrow(/ragged/);
  });

  it('leaves other executions alone: a menu item or sidebar call may return an object', () => {
    const bundle = loadBundle(createEmulator(), code);
    expect(bundle.call('MENU_ITEM', [], {trigger: 'sidebar'})).toEqual(
      vm.runInContext('({ok: true})', vm.createContext({})),
    );
  });
});
