/**
 * `npm start` shows the quarter's functions live on the sample workbook: the
 * preview computes the formulas the sample puts beside the Quarters and
 * Options tabs through dist/Code.js, as Sheets would, and spills them.
 */
import {sheetView} from '../../scripts/preview/view';
import {PreviewWorld} from '../../scripts/preview/world';

describe('the sample’s quarter formulas in the preview', () => {
  const world = PreviewWorld.open({seed: 'sample'});
  const shown = (tab: string) => {
    const view = sheetView(world.emulator, tab, world.calculator)!;
    return (row: number, column: number) => view.cells[row - 1]?.[column - 1];
  };

  it('computes the re-inflation guard beside each quarter: Q3 OK, Q4 too soon', () => {
    const cell = shown('Quarters');
    expect(cell(1, 8)?.text).toBe('Re-inflation Check');
    expect(cell(2, 8)?.formula).toBe('=REINFLATION_CHECK(D2:D4, F2:F4)');
    expect([2, 3, 4].map(r => cell(r, 8)?.text)).toEqual([
      '',
      'OK',
      'AGGRESSIVE TOO SOON: 1 of 2 delivered',
    ]);
  });

  it('ranks the options beside the list, the chosen ones marked', () => {
    const cell = shown('Options');
    expect(cell(1, 6)?.formula).toBe('=OPTIONS_RANK(A1:E7)');
    expect(
      [1, 2, 3, 4, 7].map(r => [cell(r, 6)?.text, cell(r, 10)?.text]),
    ).toEqual([
      ['Option', 'Chosen'],
      ['Gate review before any deal enters Commit', 'YES'],
      ['Call the number on Monday from Commit deals only', 'YES'],
      ['A named save-play for every signalled deal', 'YES'],
      ['Hire two more SDRs', ''],
    ]);
  });
});
